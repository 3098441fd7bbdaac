import type { FC } from 'hono/jsx';

const describedBy = (name: string, hint?: string, error?: string | null) =>
  [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(' ') || undefined;

const HintAndError: FC<{ name: string; hint?: string; error?: string | null }> = ({ name, hint, error }) => (
  <>
    {hint ? (
      <p class="hint" id={`${name}-hint`}>
        {hint}
      </p>
    ) : null}
    {error ? (
      <p class="field-error" id={`${name}-error`}>
        {error}
      </p>
    ) : null}
  </>
);

/** A labelled multi-line field with its hint and error beside it (like auth/field.tsx's inputs). */
export const TextAreaField: FC<{ name: string; label: string; value?: string; error?: string | null; hint?: string; lang?: string; rows?: number; required?: boolean }> = ({
  name,
  label,
  value,
  error,
  hint,
  lang,
  rows = 5,
  required,
}) => (
  <div>
    <label for={name}>{label}</label>
    <HintAndError name={name} hint={hint} error={error} />
    <textarea id={name} name={name} rows={rows} lang={lang} required={required} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(name, hint, error)}>
      {value ?? ''}
    </textarea>
  </div>
);

/** A labelled choice from a list, with its hint and error beside it. */
export const SelectField: FC<{ name: string; label: string; value: string; options: { value: string; label: string }[]; error?: string | null; hint?: string }> = ({
  name,
  label,
  value,
  options,
  error,
  hint,
}) => (
  <div>
    <label for={name}>{label}</label>
    <HintAndError name={name} hint={hint} error={error} />
    <select id={name} name={name} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(name, hint, error)}>
      {options.map((option) => (
        <option value={option.value} selected={option.value === value}>
          {option.label}
        </option>
      ))}
    </select>
  </div>
);
