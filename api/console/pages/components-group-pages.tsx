import type { Context, Hono } from 'hono';
import { deleteComponentGroup } from '../../components/delete-component-group';
import { loadComponentGroup, type ComponentGroupWithMembers } from '../../components/read-components';
import { createComponentGroup, updateComponentGroup } from '../../components/save-component-group';
import { DomainError } from '../../domain-errors';
import { requireStaff, signedInStaff } from '../auth/staff-session-middleware';
import { consoleActionContext } from '../console-action-context';
import type { ConsoleEnv } from '../console-env';
import { ConsoleForm, ConsolePage } from '../console-layout';
import { renderPage } from '../render-page';
import { groupFormInput, groupFormValues, type GroupFormValues } from './components-form-input';
import { GroupFields } from './components-form';
import { domainErrorView, type FieldErrors } from './domain-error-fields';

const editors = ['publisher', 'admin'] as const;

/** Component groups (the headings on the page): add, edit, remove with confirmation. */
export function registerComponentGroupPages(app: Hono<ConsoleEnv>): void {
  const formPage = (
    c: Context<ConsoleEnv>,
    options: { group?: ComponentGroupWithMembers; values: GroupFormValues; errors?: FieldErrors; message?: string | null; status?: 200 | 400 },
  ) => {
    const staff = signedInStaff(c);
    const { group } = options;
    return renderPage(
      c,
      <ConsolePage title={group ? `Edit the group ${group.name}` : 'Add a group'} staff={staff} path="/console/components">
        <p>
          <a href="/console/components">Back to components</a>
        </p>
        {options.message ? (
          <p class="notice error" role="alert">
            {options.message}
          </p>
        ) : null}
        <ConsoleForm action={group ? `/console/component-groups/${encodeURIComponent(group.id)}` : '/console/component-groups'} csrf={staff.csrfToken}>
          <GroupFields values={options.values} errors={options.errors ?? {}} />
          <p class="hint">Put a component in a group from the component’s own page.</p>
          <p>
            <button type="submit">{group ? 'Save the group' : 'Add the group'}</button>
          </p>
        </ConsoleForm>
        {group ? (
          <p>
            <a href={`/console/component-groups/${encodeURIComponent(group.id)}/delete`}>Remove this group…</a>
          </p>
        ) : null}
      </ConsolePage>,
      options.status ?? 200,
    );
  };

  const withGroup = async (c: Context<ConsoleEnv>, then: (group: ComponentGroupWithMembers) => Promise<Response>) => {
    try {
      return await then(await loadComponentGroup(c.get('deps').db, c.req.param('id') ?? ''));
    } catch (error) {
      if (!(error instanceof DomainError && error.kind === 'not_found')) throw error;
      return renderPage(
        c,
        <ConsolePage title="No such group" staff={signedInStaff(c)} path="/console/components">
          <p>
            It may have been removed. <a href="/console/components">Back to components</a>
          </p>
        </ConsolePage>,
        404,
      );
    }
  };

  const save = async (c: Context<ConsoleEnv>, group: ComponentGroupWithMembers | undefined) => {
    const values = groupFormValues(c.get('form'));
    const { input, errors } = groupFormInput(values);
    if (Object.keys(errors).length > 0) return formPage(c, { group, values, errors, message: 'Nothing was saved. Correct the fields marked below.', status: 400 });
    const { db, siteBuilds } = c.get('deps');
    try {
      if (group) await updateComponentGroup(db, group.id, input, consoleActionContext(c));
      else await createComponentGroup(db, input, consoleActionContext(c));
    } catch (error) {
      const view = domainErrorView(error);
      return formPage(c, { group, values, errors: view.fields, message: view.message, status: 400 });
    }
    siteBuilds.schedule(group ? `component group ${group.id} changed` : 'component group added');
    return c.redirect(`/console/components?done=${group ? 'group-saved' : 'group-created'}`, 303);
  };

  app.get('/component-groups/new', requireStaff(editors), (c) => formPage(c, { values: { name: '', name_sw: '', position: '0' } }));
  app.post('/component-groups', requireStaff(editors), (c) => save(c, undefined));
  app.get('/component-groups/:id', requireStaff(editors), (c) =>
    withGroup(c, async (group) => formPage(c, { group, values: { name: group.name, name_sw: group.nameSw ?? '', position: String(group.position) } })),
  );
  app.post('/component-groups/:id', requireStaff(editors), (c) => withGroup(c, (group) => save(c, group)));

  app.get('/component-groups/:id/delete', requireStaff(editors), (c) =>
    withGroup(c, async (group) => {
      const staff = signedInStaff(c);
      return renderPage(
        c,
        <ConsolePage title={`Remove the group ${group.name}?`} staff={staff} path="/console/components">
          <p>Its {group.componentIds.length} component(s) stay on the page, without a heading.</p>
          <ConsoleForm action={`/console/component-groups/${encodeURIComponent(group.id)}/delete`} csrf={staff.csrfToken}>
            <button type="submit" class="danger">
              Remove the group
            </button>{' '}
            <a href={`/console/component-groups/${encodeURIComponent(group.id)}`}>Keep it</a>
          </ConsoleForm>
        </ConsolePage>,
      );
    }),
  );

  app.post('/component-groups/:id/delete', requireStaff(editors), (c) =>
    withGroup(c, async (group) => {
      await deleteComponentGroup(c.get('deps').db, group.id, consoleActionContext(c));
      c.get('deps').siteBuilds.schedule(`component group ${group.id} removed`);
      return c.redirect('/console/components?done=group-deleted', 303);
    }),
  );
}
