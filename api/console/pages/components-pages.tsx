import type { Context, Hono } from 'hono';
import type { ComponentRow } from '../../../db/schema/index';
import { deleteComponent } from '../../components/delete-component';
import { listComponentGroups, listComponents, loadComponent } from '../../components/read-components';
import { createComponent, updateComponent } from '../../components/save-component';
import { domainErrorStatus } from '../../http/domain-error-status';
import { listOffices } from '../../offices/manage-offices';
import { DomainError } from '../../domain-errors';
import { requireStaff, signedInStaff } from '../auth/staff-session-middleware';
import { consoleActionContext } from '../console-action-context';
import type { ConsoleEnv } from '../console-env';
import { ConsoleForm, ConsolePage } from '../console-layout';
import { renderPage } from '../render-page';
import { componentFormInput, componentFormValues, humanWord, type ComponentFormValues } from './components-form-input';
import { ComponentFields } from './components-form';
import { domainErrorView, type FieldErrors } from './domain-error-fields';

const editors = ['publisher', 'admin'] as const;
/** Everything a page lists at most; a status page has tens of components, not thousands. */
const all = { limit: 500, offset: 0 };

const doneMessages: Record<string, string> = {
  created: 'The component was added; the public page is being rebuilt.',
  saved: 'The component was saved; the public page is being rebuilt.',
  deleted: 'The component was removed from the page.',
  'group-created': 'The group was added.',
  'group-saved': 'The group was saved.',
  'group-deleted': 'The group was removed; its components stay on the page, ungrouped.',
};

const valuesOf = (component: ComponentRow): ComponentFormValues => ({
  name: component.name,
  name_sw: component.nameSw ?? '',
  group_id: component.groupId ?? '',
  position: String(component.position),
  status: component.status,
  service: component.service ?? '',
  office: component.officeCode ?? '',
});

const emptyValues: ComponentFormValues = { name: '', name_sw: '', group_id: '', position: '0', status: 'operational', service: '', office: '' };

/** Components and groups (publishers and admins, as in the staff API): list, add, edit, remove. */
export function registerComponentsPages(app: Hono<ConsoleEnv>): void {
  app.get('/components', requireStaff(editors), async (c) => {
    const { db } = c.get('deps');
    const [components, groups] = await Promise.all([listComponents(db, all), listComponentGroups(db, all)]);
    const groupName = new Map(groups.items.map((g) => [g.id, g.name]));
    const done = doneMessages[c.req.query('done') ?? ''];
    return renderPage(
      c,
      <ConsolePage title="Components and groups" staff={signedInStaff(c)} path="/console/components">
        {done ? (
          <p class="notice ok" role="status">
            {done}
          </p>
        ) : null}
        <p>Components are the services listed on the public status page; a status saved here is public at once.</p>
        <p>
          <a class="button" href="/console/components/new">
            Add a component
          </a>{' '}
          <a class="button secondary" href="/console/component-groups/new">
            Add a group
          </a>
        </p>
        <h2>Components</h2>
        <div class="table-wrap">
          <table>
            <caption class="vh">Components in page order</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Group</th>
                <th scope="col">Status</th>
                <th scope="col">Appointments</th>
                <th scope="col">Office</th>
                <th scope="col">Position</th>
              </tr>
            </thead>
            <tbody>
              {components.items.map((component) => (
                <tr>
                  <td>
                    <a href={`/console/components/${encodeURIComponent(component.id)}`}>{component.name}</a>
                  </td>
                  <td>{component.groupId ? groupName.get(component.groupId) : '—'}</td>
                  <td>{humanWord(component.status)}</td>
                  <td>{component.service ? humanWord(component.service) : '—'}</td>
                  <td>{component.officeCode ?? 'All'}</td>
                  <td>{component.position}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {components.items.length === 0 ? <p>No components yet.</p> : null}
        <h2>Groups</h2>
        <div class="table-wrap">
          <table>
            <caption class="vh">Component groups in page order</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Components</th>
                <th scope="col">Position</th>
              </tr>
            </thead>
            <tbody>
              {groups.items.map((group) => (
                <tr>
                  <td>
                    <a href={`/console/component-groups/${encodeURIComponent(group.id)}`}>{group.name}</a>
                  </td>
                  <td>{group.componentIds.length}</td>
                  <td>{group.position}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {groups.items.length === 0 ? <p>No groups yet.</p> : null}
      </ConsolePage>,
    );
  });

  const formPage = async (
    c: Context<ConsoleEnv>,
    options: { component?: ComponentRow; values: ComponentFormValues; errors?: FieldErrors; message?: string | null; status?: 200 | 400 | 404 | 409 },
  ) => {
    const { db } = c.get('deps');
    const staff = signedInStaff(c);
    const [groups, offices] = await Promise.all([listComponentGroups(db, all), listOffices(db, all)]);
    const { component } = options;
    const action = component ? `/console/components/${encodeURIComponent(component.id)}` : '/console/components';
    return renderPage(
      c,
      <ConsolePage title={component ? `Edit ${component.name}` : 'Add a component'} staff={staff} path="/console/components">
        <p>
          <a href="/console/components">Back to components</a>
        </p>
        {options.message ? (
          <p class="notice error" role="alert">
            {options.message}
          </p>
        ) : null}
        <ConsoleForm action={action} csrf={staff.csrfToken}>
          <ComponentFields values={options.values} errors={options.errors ?? {}} groups={groups.items} offices={offices.items} />
          <p>
            <button type="submit">{component ? 'Save the component' : 'Add the component'}</button>
          </p>
        </ConsoleForm>
        {component ? (
          <p>
            <a href={`/console/components/${encodeURIComponent(component.id)}/delete`}>Remove this component…</a>
          </p>
        ) : null}
      </ConsolePage>,
      options.status ?? 200,
    );
  };

  const notFoundPage = (c: Context<ConsoleEnv>) =>
    renderPage(
      c,
      <ConsolePage title="No such component" staff={signedInStaff(c)} path="/console/components">
        <p>
          It may have been removed. <a href="/console/components">Back to components</a>
        </p>
      </ConsolePage>,
      404,
    );

  /** Loads the component the path names, or answers the 404 page. */
  const withComponent = async (c: Context<ConsoleEnv>, then: (component: ComponentRow) => Promise<Response>) => {
    try {
      return await then(await loadComponent(c.get('deps').db, c.req.param('id') ?? ''));
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not_found') return notFoundPage(c);
      throw error;
    }
  };

  app.get('/components/new', requireStaff(editors), (c) => formPage(c, { values: emptyValues }));

  app.post('/components', requireStaff(editors), async (c) => {
    const values = componentFormValues(c.get('form'));
    const { input, errors } = componentFormInput(values);
    if (Object.keys(errors).length > 0) return formPage(c, { values, errors, message: 'Nothing was saved. Correct the fields marked below.', status: 400 });
    try {
      const component = await createComponent(c.get('deps').db, input, consoleActionContext(c));
      c.get('deps').siteBuilds.schedule(`component ${component.id} added`);
      return c.redirect('/console/components?done=created', 303);
    } catch (error) {
      const view = domainErrorView(error);
      return formPage(c, { values, errors: view.fields, message: view.message, status: 400 });
    }
  });

  app.get('/components/:id', requireStaff(editors), (c) => withComponent(c, (component) => formPage(c, { component, values: valuesOf(component) })));

  app.post('/components/:id', requireStaff(editors), (c) =>
    withComponent(c, async (component) => {
      const values = componentFormValues(c.get('form'));
      const { input, errors } = componentFormInput(values);
      if (Object.keys(errors).length > 0) return formPage(c, { component, values, errors, message: 'Nothing was saved. Correct the fields marked below.', status: 400 });
      try {
        await updateComponent(c.get('deps').db, component.id, input, consoleActionContext(c));
        c.get('deps').siteBuilds.schedule(`component ${component.id} changed`);
        return c.redirect('/console/components?done=saved', 303);
      } catch (error) {
        const view = domainErrorView(error);
        const status = error instanceof DomainError ? (domainErrorStatus[error.kind].status as 400 | 404 | 409) : 400;
        return formPage(c, { component, values, errors: view.fields, message: view.message, status });
      }
    }),
  );

  app.get('/components/:id/delete', requireStaff(editors), (c) =>
    withComponent(c, async (component) => {
      const staff = signedInStaff(c);
      return renderPage(
        c,
        <ConsolePage title={`Remove ${component.name}?`} staff={staff} path="/console/components">
          <p>It disappears from the public status page. Incidents that named it stay; a pending update that still names it must be edited before it is published.</p>
          <ConsoleForm action={`/console/components/${encodeURIComponent(component.id)}/delete`} csrf={staff.csrfToken}>
            <button type="submit" class="danger">
              Remove the component
            </button>{' '}
            <a href={`/console/components/${encodeURIComponent(component.id)}`}>Keep it</a>
          </ConsoleForm>
        </ConsolePage>,
      );
    }),
  );

  app.post('/components/:id/delete', requireStaff(editors), (c) =>
    withComponent(c, async (component) => {
      await deleteComponent(c.get('deps').db, component.id, consoleActionContext(c));
      c.get('deps').siteBuilds.schedule(`component ${component.id} removed`);
      return c.redirect('/console/components?done=deleted', 303);
    }),
  );
}
