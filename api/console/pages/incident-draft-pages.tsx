import type { Context, Hono } from 'hono';
import type { ComponentRow, IncidentKind } from '../../../db/schema/index';
import { listComponents } from '../../components/read-components';
import { createIncident } from '../../incidents/create-incident';
import { draftUpdate } from '../../incidents/draft-update';
import { editUpdate } from '../../incidents/edit-update';
import { findPendingUpdate } from '../../incidents/incident-records';
import { isTemplateKind, listNoticeTemplates, noticeTemplate } from '../../incidents/notice-templates';
import { previewDraft, type DraftPreview, type UnsavedDraft } from '../../incidents/preview-draft';
import { getIncidentDetail, type IncidentDetail } from '../../incidents/read-incidents';
import { requireStaff, signedInStaff } from '../auth/staff-session-middleware';
import { consoleActionContext } from '../console-action-context';
import type { ConsoleEnv } from '../console-env';
import { ConsolePage } from '../console-layout';
import { formText } from '../form-value';
import { renderPage } from '../render-page';
import { BroadcastPreviews } from './broadcast-previews';
import { domainErrorView, type FieldErrors } from './domain-error-fields';
import { DraftForm, type DraftFormMode } from './draft-form';
import { applyTemplate, emptyDraft, newIncidentOf, readDraftValues, updateContentOf, type DraftValues } from './draft-form-values';

type DraftTarget = { mode: 'new' } | { mode: 'update'; incident: IncidentDetail } | { mode: 'edit'; incident: IncidentDetail; updateId: string };

type DraftState = { values: DraftValues; errors: FieldErrors; message: string | null; preview: DraftPreview | null };

const allComponents = async (c: Context<ConsoleEnv>): Promise<ComponentRow[]> => (await listComponents(c.get('deps').db, { limit: 1000, offset: 0 })).items;

/** Domain rules name a component's field `components.<id>`; the form's select is `component.<id>`. */
const formFieldErrors = (fields: FieldErrors): FieldErrors =>
  Object.fromEntries(Object.entries(fields).map(([field, message]) => [field.replace(/^components\./, 'component.'), message]));

function targetPaths(target: DraftTarget): { action: string; templateBase: string } {
  if (target.mode === 'new') return { action: '/console/incidents/new', templateBase: '/console/incidents/new?' };
  if (target.mode === 'update') return { action: `/console/incidents/${target.incident.id}/updates/new`, templateBase: `/console/incidents/${target.incident.id}/updates/new?` };
  const path = `/console/incidents/${target.incident.id}/updates/${target.updateId}/edit`;
  return { action: path, templateBase: `${path}?` };
}

const PreviewPanel = ({ preview, components, message, errors }: { preview: DraftPreview | null; components: ComponentRow[]; message: string | null; errors: FieldErrors }) =>
  preview ? (
    <BroadcastPreviews preview={preview} components={components} />
  ) : message ? (
    <div class="notice error">
      <p>{message}</p>
      {Object.keys(errors).length ? (
        <ul>
          {Object.entries(errors).map(([, text]) => (
            <li>{text}</li>
          ))}
        </ul>
      ) : null}
    </div>
  ) : (
    <p class="hint">Press “Preview” to see the status page card, the X post, the applicant emails and the appointments this notice moves. Nothing is saved until you save.</p>
  );

async function renderDraftPage(c: Context<ConsoleEnv>, target: DraftTarget, state: DraftState, status: 200 | 400 | 409 = 200): Promise<Response> {
  const staff = signedInStaff(c);
  const components = await allComponents(c);
  const templates = await listNoticeTemplates(c.get('deps').db);
  const { action, templateBase } = targetPaths(target);
  const title = target.mode === 'new' ? 'Draft a notice' : target.mode === 'update' ? `Next update: ${target.incident.name}` : `Edit the waiting update: ${target.incident.name}`;
  const pending = target.mode === 'edit' ? target.incident.updates.find((u) => u.id === target.updateId) : undefined;
  return renderPage(
    c,
    <ConsolePage title={title} staff={staff} path="/console/incidents">
      {pending?.returnComment && pending.state === 'draft' ? (
        <div class="notice" role="note">
          <p>
            <strong>Sent back for changes:</strong>
          </p>
          <p class="pre">{pending.returnComment}</p>
        </div>
      ) : null}
      {state.message ? (
        <p class="notice error" role="alert">
          {state.message}
        </p>
      ) : null}
      <div class="grid two">
        <DraftForm
          mode={target.mode as DraftFormMode}
          action={action}
          csrf={staff.csrfToken}
          values={state.values}
          errors={state.errors}
          components={components}
          templates={templates}
          templateBase={templateBase}
        />
        <section id="previews" aria-live="polite" aria-label="Previews">
          <PreviewPanel preview={state.preview} components={components} message={null} errors={{}} />
        </section>
      </div>
    </ConsolePage>,
    status,
  );
}

function unsavedDraft(target: DraftTarget, values: DraftValues): { draft: UnsavedDraft; errors: FieldErrors } {
  if (target.mode === 'new') {
    const { input, errors } = newIncidentOf(values);
    return { draft: { kind: 'new', incident: input }, errors };
  }
  const { input, errors } = updateContentOf(values);
  return target.mode === 'update'
    ? { draft: { kind: 'update', incidentId: target.incident.id, content: input }, errors }
    : { draft: { kind: 'edit', incidentId: target.incident.id, updateId: target.updateId, content: input }, errors };
}

async function saveDraft(c: Context<ConsoleEnv>, draft: UnsavedDraft): Promise<string> {
  const { db } = c.get('deps');
  const context = consoleActionContext(c);
  if (draft.kind === 'new') return (await createIncident(db, draft.incident, context)).incident.id;
  if (draft.kind === 'update') return (await draftUpdate(db, draft.incidentId, draft.content, context)).incidentId;
  return (await editUpdate(db, draft.incidentId, draft.updateId, draft.content, context)).incidentId;
}

/**
 * Handles a post of the draft form: `action=preview` re-renders with previews (nothing saved),
 * `action=fragment` answers only the previews (the page's script asks for it while someone
 * types), anything else saves and goes to the incident's page.
 */
async function postDraft(c: Context<ConsoleEnv>, target: DraftTarget, kind?: IncidentKind): Promise<Response> {
  const form = c.get('form');
  const components = await allComponents(c);
  const values = readDraftValues(form, components.map((component) => component.id), kind);
  const action = formText(form, 'action');
  const { draft, errors } = unsavedDraft(target, values);
  const refused = (fields: FieldErrors, message: string, status: 400 | 409) =>
    action === 'fragment'
      ? c.html(<PreviewPanel preview={null} components={components} message={message} errors={fields} />, 200)
      : renderDraftPage(c, target, { values, errors: fields, message, preview: null }, status);
  if (Object.keys(errors).length) return refused(errors, 'Nothing was saved. Correct the fields marked below.', 400);
  try {
    if (action === 'preview' || action === 'fragment') {
      const { db, config } = c.get('deps');
      const preview = await previewDraft(db, config, draft, consoleActionContext(c));
      if (action === 'fragment') return c.html(<BroadcastPreviews preview={preview} components={components} />);
      return renderDraftPage(c, target, { values, errors: {}, message: null, preview });
    }
    const incidentId = await saveDraft(c, draft);
    return c.redirect(`/console/incidents/${incidentId}?saved=draft`, 303);
  } catch (error) {
    const view = domainErrorView(error);
    return refused(formFieldErrors(view.fields), view.message, Object.keys(view.fields).length ? 400 : 409);
  }
}

async function templated(c: Context<ConsoleEnv>, values: DraftValues, affected: string[]): Promise<DraftValues> {
  const kind = c.req.query('template') ?? '';
  return isTemplateKind(kind) ? applyTemplate(values, await noticeTemplate(c.get('deps').db, kind), affected) : values;
}

const draftRoles = requireStaff(['drafter', 'publisher', 'admin']);

export function registerIncidentDraftPages(app: Hono<ConsoleEnv>): void {
  app.get('/incidents/new', draftRoles, async (c) => {
    const values = await templated(c, emptyDraft(c.req.query('kind') === 'maintenance' ? 'maintenance' : 'incident'), []);
    return renderDraftPage(c, { mode: 'new' }, { values, errors: {}, message: null, preview: null });
  });
  app.post('/incidents/new', draftRoles, (c) => postDraft(c, { mode: 'new' }));

  app.get('/incidents/:id/updates/new', draftRoles, async (c) => {
    const incident = await getIncidentDetail(c.get('deps').db, c.req.param('id'));
    if (incident.pendingUpdateId) return c.redirect(`/console/incidents/${incident.id}/updates/${incident.pendingUpdateId}/edit`, 303);
    const start: DraftValues = {
      ...emptyDraft(incident.kind),
      status: incident.status,
      expectedRestoration: incident.expectedRestoration ?? '',
    };
    const values = await templated(c, start, Object.keys(incident.components));
    return renderDraftPage(c, { mode: 'update', incident }, { values, errors: {}, message: null, preview: null });
  });
  app.post('/incidents/:id/updates/new', draftRoles, async (c) => {
    const incident = await getIncidentDetail(c.get('deps').db, c.req.param('id'));
    return postDraft(c, { mode: 'update', incident }, incident.kind);
  });

  app.get('/incidents/:id/updates/:updateId/edit', draftRoles, async (c) => {
    const { db } = c.get('deps');
    const incident = await getIncidentDetail(db, c.req.param('id'));
    const pending = await findPendingUpdate(db, incident.id);
    if (!pending || pending.id !== c.req.param('updateId')) return c.redirect(`/console/incidents/${incident.id}`, 303);
    const stored: DraftValues = {
      ...emptyDraft(incident.kind),
      status: pending.status,
      components: pending.components,
      expectedRestoration: pending.expectedRestoration ?? '',
      body: pending.body,
      bodySw: pending.bodySw ?? '',
      xText: pending.xText ?? '',
    };
    const values = await templated(c, stored, Object.keys(incident.components));
    return renderDraftPage(c, { mode: 'edit', incident, updateId: pending.id }, { values, errors: {}, message: null, preview: null });
  });
  app.post('/incidents/:id/updates/:updateId/edit', draftRoles, async (c) => {
    const incident = await getIncidentDetail(c.get('deps').db, c.req.param('id'));
    return postDraft(c, { mode: 'edit', incident, updateId: c.req.param('updateId') }, incident.kind);
  });
}
