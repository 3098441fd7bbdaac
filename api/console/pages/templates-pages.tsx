import type { Context, Hono } from 'hono';
import type { TemplateKind } from '../../../db/schema/index';
import { maxXPostWeight, weighXPost } from '../../broadcast/x/x-post-text';
import { isTemplateKind, listNoticeTemplates, noticeTemplate, saveNoticeTemplate, type NoticeTemplate } from '../../incidents/notice-templates';
import { Field } from '../auth/field';
import { requireStaff, signedInStaff } from '../auth/staff-session-middleware';
import { consoleActionContext } from '../console-action-context';
import type { ConsoleEnv } from '../console-env';
import { ConsoleForm, ConsolePage } from '../console-layout';
import { formText } from '../form-value';
import { renderPage } from '../render-page';
import { domainErrorView, type FieldErrors } from './domain-error-fields';
import { TextAreaField } from './form-controls';
import { nairobiTime } from './nairobi-time';
import { staffNames } from './staff-names';

/** Everyone who drafts reads the templates; only admins change them (the domain says so too). */
const readers = requireStaff(['drafter', 'publisher', 'admin']);
const editors = requireStaff(['admin']);

type TemplateValues = { name: string; body: string; body_sw: string; x_text: string };

const valuesOf = (template: NoticeTemplate): TemplateValues => ({ name: template.name, body: template.body, body_sw: template.bodySw, x_text: template.xText ?? '' });

/** Where a template starts a draft: the draft form's own ?template= (a maintenance opens a maintenance draft). */
const draftLink = (kind: TemplateKind) => `/console/incidents/new?${kind === 'maintenance' ? 'kind=maintenance&' : ''}template=${kind}`;

const xWeight = (text: string) => (text ? `${weighXPost(text).weightedLength} of ${maxXPostWeight}` : 'empty: the post is made from the name, the English text and the link');

/** The notice templates a draft starts from: listed for everyone who drafts, edited by admins (audited). */
export function registerTemplatesPages(app: Hono<ConsoleEnv>): void {
  app.get('/templates', readers, async (c) => {
    const staff = signedInStaff(c);
    const templates = await listNoticeTemplates(c.get('deps').db);
    const saved = c.req.query('done') === 'saved';
    return renderPage(
      c,
      <ConsolePage title="Notice templates" staff={staff} path="/console/templates">
        {saved ? (
          <p class="notice ok" role="status">
            The template was saved; new drafts start from it.
          </p>
        ) : null}
        <p>
          The texts a draft starts from, in English, Swahili and for X. {staff.user.role === 'admin' ? 'Edit them to fit how the ministry speaks.' : 'Admins edit them.'}
        </p>
        <ul class="plain">
          {templates.map((template) => (
            <li class="card">
              <h2>
                <a href={`/console/templates/${template.kind}`}>{template.name}</a>
              </h2>
              <p class="meta">{template.updatedAt ? `Edited ${nairobiTime(template.updatedAt)}` : 'The default text'}</p>
              <p>{template.body}</p>
              <p>
                <a href={draftLink(template.kind)}>Start a draft from it</a>
              </p>
            </li>
          ))}
        </ul>
      </ConsolePage>,
    );
  });

  const templatePage = async (c: Context<ConsoleEnv>, template: NoticeTemplate, form?: { values: TemplateValues; errors: FieldErrors; message: string }) => {
    const staff = signedInStaff(c);
    const values = form?.values ?? valuesOf(template);
    const errors = form?.errors ?? {};
    const editor = await staffNames(c.get('deps').db, [template.updatedBy]);
    const edited = template.updatedAt ? `Last edited ${nairobiTime(template.updatedAt)} by ${editor(template.updatedBy)}.` : 'This is the default text; nobody has edited it yet.';
    return renderPage(
      c,
      <ConsolePage title={template.name} staff={staff} path="/console/templates">
        <p>
          <a href="/console/templates">All templates</a> · <a href={draftLink(template.kind)}>Start a draft from it</a>
        </p>
        {form ? (
          <p class="notice error" role="alert">
            {form.message}
          </p>
        ) : null}
        <p class="meta">{edited}</p>
        {staff.user.role === 'admin' ? (
          <ConsoleForm action={`/console/templates/${template.kind}`} csrf={staff.csrfToken}>
            <Field name="name" label="Name" value={values.name} error={errors.name} required />
            <TextAreaField name="body" label="English text" value={values.body} error={errors.body} rows={6} required />
            <TextAreaField name="body_sw" label="Swahili text" value={values.body_sw} error={errors.body_sw} lang="sw" rows={6} required />
            <TextAreaField
              name="x_text"
              label="X text"
              value={values.x_text}
              error={errors.x_text}
              rows={3}
              hint={`At most ${maxXPostWeight} as X counts (links 23, emoji 2); now ${xWeight(values.x_text)}. Leave empty to post the name, the English text shortened, and the link.`}
            />
            <p>
              <button type="submit">Save the template</button>
            </p>
          </ConsoleForm>
        ) : (
          <>
            <h2>English</h2>
            <p>{template.body}</p>
            <h2>Swahili</h2>
            <p lang="sw">{template.bodySw}</p>
            <h2>X</h2>
            <p>{template.xText ?? 'None: the post is made from the incident name, the English text and the link.'}</p>
          </>
        )}
      </ConsolePage>,
      form ? 400 : 200,
    );
  };

  const notFoundPage = (c: Context<ConsoleEnv>) =>
    renderPage(
      c,
      <ConsolePage title="No such template" staff={signedInStaff(c)} path="/console/templates">
        <p>
          <a href="/console/templates">Back to the templates</a>
        </p>
      </ConsolePage>,
      404,
    );

  app.get('/templates/:kind', readers, async (c) => {
    const kind = c.req.param('kind');
    if (!isTemplateKind(kind)) return notFoundPage(c);
    return templatePage(c, await noticeTemplate(c.get('deps').db, kind));
  });

  app.post('/templates/:kind', editors, async (c) => {
    const kind = c.req.param('kind');
    if (!isTemplateKind(kind)) return notFoundPage(c);
    const form = c.get('form');
    const values: TemplateValues = { name: formText(form, 'name'), body: formText(form, 'body'), body_sw: formText(form, 'body_sw'), x_text: formText(form, 'x_text') };
    try {
      await saveNoticeTemplate(c.get('deps').db, kind, { name: values.name, body: values.body, bodySw: values.body_sw, xText: values.x_text }, consoleActionContext(c));
    } catch (error) {
      const view = domainErrorView(error);
      return templatePage(c, await noticeTemplate(c.get('deps').db, kind), { values, errors: view.fields, message: view.message });
    }
    return c.redirect('/console/templates?done=saved', 303);
  });
}
