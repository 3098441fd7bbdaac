import type { Context, Hono } from 'hono';
import { listComponents } from '../../components/read-components';
import { DomainError } from '../../domain-errors';
import { approveUpdate } from '../../incidents/approve-update';
import { findPendingUpdate, loadIncident } from '../../incidents/incident-records';
import { previewPendingUpdate } from '../../incidents/preview-draft';
import { publishUpdate } from '../../incidents/publish-update';
import { returnUpdate } from '../../incidents/return-update';
import { Field } from '../auth/field';
import { requireStaff, signedInStaff } from '../auth/staff-session-middleware';
import { consoleActionContext } from '../console-action-context';
import type { ConsoleEnv } from '../console-env';
import { ConsoleForm, ConsolePage } from '../console-layout';
import { formText } from '../form-value';
import { renderPage } from '../render-page';
import { BroadcastPreviews } from './broadcast-previews';
import { domainErrorView, type FieldErrors } from './domain-error-fields';
import { TextAreaField } from './form-controls';
import { staffNames } from './staff-names';

/**
 * A publisher's review: the same previews the drafter saw, computed from what is stored, and the
 * revision they show in a hidden field, so approve and publish cover exactly what was reviewed.
 */
async function reviewPage(c: Context<ConsoleEnv>, options: { error?: string; fields?: FieldErrors; status?: 200 | 400 | 403 | 409 } = {}) {
  const staff = signedInStaff(c);
  const { db, config, now } = c.get('deps');
  const id = c.req.param('id') ?? '';
  const incident = await loadIncident(db, id);
  const pending = await findPendingUpdate(db, id);
  if (!pending) return c.redirect(`/console/incidents/${id}`, 303);
  const preview = await previewPendingUpdate(db, config, id, now());
  const components = (await listComponents(db, { limit: 1000, offset: 0 })).items;
  const nameOf = await staffNames(db, [pending.draftedBy, pending.approvedBy]);
  const ownDraft = pending.draftedBy === staff.user.id;
  const base = `/console/incidents/${id}`;
  const revision = preview.broadcast.revision;
  return renderPage(
    c,
    <ConsolePage title={`Review: ${incident.name}`} staff={staff} path="/console/incidents">
      {options.error ? (
        <p class="notice error" role="alert">
          {options.error}
        </p>
      ) : null}
      <p>
        {pending.state === 'approved' ? 'Approved' : 'Draft'} by {nameOf(pending.draftedBy)}
        {pending.approvedBy ? `; approved by ${nameOf(pending.approvedBy)}` : ''}. Revision <code>{revision}</code>.
      </p>
      {ownDraft ? (
        <p class="notice">
          You drafted this update, so someone else must approve and publish it (four-eyes rule).
          {staff.user.role === 'admin' ? ' As an admin you may publish it yourself by giving a reason, which is kept in the audit log.' : ''}
        </p>
      ) : null}
      <div class="grid two">
        <div>
          {pending.state === 'draft' && !ownDraft ? (
            <ConsoleForm action={`${base}/approve`} csrf={staff.csrfToken}>
              <input type="hidden" name="revision" value={revision} />
              <button type="submit">Approve</button>
            </ConsoleForm>
          ) : null}
          {!ownDraft || staff.user.role === 'admin' ? (
            <ConsoleForm action={`${base}/publish`} csrf={staff.csrfToken}>
              <input type="hidden" name="revision" value={revision} />
              {ownDraft ? <Field name="override_reason" label="Why you publish your own draft" error={options.fields?.override_reason} /> : null}
              <p>
                <button type="submit">{pending.state === 'approved' ? 'Publish' : 'Approve and publish'}</button>
              </p>
            </ConsoleForm>
          ) : null}
          {!ownDraft ? (
            <ConsoleForm action={`${base}/return`} csrf={staff.csrfToken}>
              <TextAreaField name="comment" label="What should the drafter change?" error={options.fields?.comment} rows={4} />
              <p>
                <button type="submit" class="secondary">
                  Send back with this comment
                </button>
              </p>
            </ConsoleForm>
          ) : null}
          <p>
            <a href={base}>Back to the incident</a>
          </p>
        </div>
        <section aria-label="Previews">
          <BroadcastPreviews preview={preview} components={components} />
        </section>
      </div>
    </ConsolePage>,
    options.status ?? 200,
  );
}

const releasers = requireStaff(['publisher', 'admin']);

async function refusedReview(c: Context<ConsoleEnv>, error: unknown) {
  const view = domainErrorView(error);
  const message = error instanceof DomainError && error.kind === 'conflict' && 'current_revision' in error.extensions
    ? 'The update changed after you opened this page. Nothing was approved or published: read it again below.'
    : view.message;
  return reviewPage(c, { error: message, fields: view.fields, status: Object.keys(view.fields).length ? 400 : 409 });
}

export function registerIncidentReviewPage(app: Hono<ConsoleEnv>): void {
  app.get('/incidents/:id/review', releasers, (c) => reviewPage(c));

  app.post('/incidents/:id/approve', releasers, async (c) => {
    const { db } = c.get('deps');
    const id = c.req.param('id');
    try {
      const pending = await findPendingUpdate(db, id);
      if (!pending) return c.redirect(`/console/incidents/${id}`, 303);
      await approveUpdate(db, id, pending.id, { ...consoleActionContext(c), expectedRevision: formText(c.get('form'), 'revision') || null });
      return c.redirect(`/console/incidents/${id}/review`, 303);
    } catch (error) {
      return refusedReview(c, error);
    }
  });

  app.post('/incidents/:id/publish', releasers, async (c) => {
    const { db, siteBuilds } = c.get('deps');
    const id = c.req.param('id');
    const form = c.get('form');
    try {
      const { update } = await publishUpdate(db, id, {
        ...consoleActionContext(c),
        expectedRevision: formText(form, 'revision') || null,
        overrideReason: formText(form, 'override_reason') || null,
      });
      siteBuilds.schedule(`incident ${id}: update ${update.id} published`);
      return c.redirect(`/console/incidents/${id}/progress`, 303);
    } catch (error) {
      return refusedReview(c, error);
    }
  });

  app.post('/incidents/:id/return', releasers, async (c) => {
    const { db } = c.get('deps');
    const id = c.req.param('id');
    try {
      const pending = await findPendingUpdate(db, id);
      if (!pending) return c.redirect(`/console/incidents/${id}`, 303);
      await returnUpdate(db, id, pending.id, formText(c.get('form'), 'comment'), consoleActionContext(c));
      return c.redirect(`/console/incidents/${id}?saved=returned`, 303);
    } catch (error) {
      return refusedReview(c, error);
    }
  });
}
