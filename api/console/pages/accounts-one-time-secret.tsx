import type { FC } from 'hono/jsx';

/**
 * A secret shown once (a set-password link, a token): in a read-only field so it is easy to
 * select and copy, with the warning that it will not be shown again — only its hash is kept.
 */
export const OneTimeSecret: FC<{ label: string; value: string; warning: string }> = ({ label, value, warning }) => (
  <div class="card one-time">
    <p class="notice warn" id="one-time-warning">
      <strong>Shown once.</strong> {warning}
    </p>
    <label for="one-time-secret">{label}</label>
    <input id="one-time-secret" class="secret" type="text" readonly value={value} aria-describedby="one-time-warning" autocomplete="off" spellcheck={false} />
  </div>
);
