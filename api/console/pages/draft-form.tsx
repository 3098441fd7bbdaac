import type { FC } from 'hono/jsx';
import {
  componentStatuses,
  incidentImpacts,
  incidentStatuses,
  maintenanceStatuses,
  type ComponentRow,
} from '../../../db/schema/index';
import { en } from '../../../site/i18n/en';
import type { NoticeTemplate } from '../../incidents/notice-templates';
import { Field } from '../auth/field';
import { ConsoleForm } from '../console-layout';
import type { FieldErrors } from './domain-error-fields';
import { componentFieldName, type DraftValues } from './draft-form-values';
import { SelectField, TextAreaField } from './form-controls';

export type DraftFormMode = 'new' | 'update' | 'edit';

/**
 * The one draft form: a new incident or maintenance (with its name, impact and dates), the next
 * update of an incident, or changes to the update waiting for approval. "Preview" re-renders the
 * page with previews and saves nothing; with JavaScript the previews follow the typing.
 */
export const DraftForm: FC<{
  mode: DraftFormMode;
  action: string;
  csrf: string;
  values: DraftValues;
  errors: FieldErrors;
  components: ComponentRow[];
  templates: NoticeTemplate[];
  templateBase: string;
}> = ({ mode, action, csrf, values, errors, components, templates, templateBase }) => {
  const statuses = values.kind === 'maintenance' ? maintenanceStatuses : incidentStatuses;
  return (
    <ConsoleForm action={action} csrf={csrf} id="draft-form">
      <nav aria-label="Templates" class="templates">
        <p>Start from a template (fills the texts in both languages):</p>
        <ul>
          {templates.map((template) => (
            <li>
              <a href={`${templateBase}template=${template.kind}`}>{template.name}</a>
            </li>
          ))}
        </ul>
      </nav>
      {mode === 'new' ? (
        <>
          <fieldset>
            <legend>Kind</legend>
            <label class="inline">
              <input type="radio" name="kind" value="incident" checked={values.kind === 'incident'} /> Incident (something broke)
            </label>
            <label class="inline">
              <input type="radio" name="kind" value="maintenance" checked={values.kind === 'maintenance'} /> Planned maintenance
            </label>
          </fieldset>
          <Field name="name" label="Name" value={values.name} error={errors.name} hint="The headline the public reads, e.g. “Passport services unavailable”." />
          <SelectField
            name="impact"
            label="Impact"
            value={values.impact}
            error={errors.impact}
            options={incidentImpacts.map((impact) => ({ value: impact, label: en.impact[impact] }))}
          />
        </>
      ) : null}
      <SelectField
        name="status"
        label="Status"
        value={values.status}
        error={errors.status}
        options={statuses.map((status) => ({ value: status, label: en.incidentStatus[status] }))}
      />
      <fieldset>
        <legend>Affected components and their status</legend>
        {components.length === 0 ? <p class="hint">No components yet: an admin adds them under Components.</p> : null}
        {components.map((component) => (
          <SelectField
            name={componentFieldName(component.id)}
            label={component.name}
            value={values.components[component.id] ?? ''}
            error={errors[componentFieldName(component.id)]}
            options={[{ value: '', label: 'Not changed by this notice' }, ...componentStatuses.map((status) => ({ value: status, label: en.componentStatus[status] }))]}
          />
        ))}
      </fieldset>
      {mode === 'new' ? (
        <>
          <Field
            name="disruption_from"
            label="Disruption start"
            type="date"
            value={values.disruptionFrom}
            error={errors.disruption_from}
            hint="The first day offices cannot serve. Appointments from this day are moved."
          />
          <Field name="scheduled_for" label="Maintenance starts (Nairobi time)" type="datetime-local" value={values.scheduledFor} error={errors.scheduled_for} hint="Planned maintenance only." />
          <Field name="scheduled_until" label="Maintenance ends (Nairobi time)" type="datetime-local" value={values.scheduledUntil} error={errors.scheduled_until} hint="Planned maintenance only." />
        </>
      ) : null}
      <Field
        name="expected_restoration"
        label="Expected restoration"
        type="date"
        value={values.expectedRestoration}
        error={errors.expected_restoration}
        hint="The first day offices serve again. Leave empty while unknown; affected applicants get a new date once it is given."
      />
      <TextAreaField name="body" label="English text" value={values.body} error={errors.body} rows={6} />
      <TextAreaField name="body_sw" label="Swahili text" value={values.bodySw} error={errors.body_sw} lang="sw" rows={6} hint="Leave empty to show the English text on the Swahili pages." />
      <TextAreaField
        name="x_text"
        label="X text"
        value={values.xText}
        error={errors.x_text}
        rows={3}
        hint="At most 280 (links count 23, emoji 2). Leave empty to post the name, the English text shortened, and the link."
      />
      <p class="actions">
        <button type="submit" name="action" value="preview" class="secondary">
          Preview
        </button>{' '}
        <button type="submit" name="action" value="save">
          {mode === 'edit' ? 'Save changes' : 'Save draft for approval'}
        </button>
      </p>
    </ConsoleForm>
  );
};
