import type { FC } from 'hono/jsx';
import { appointmentServices, componentStatuses, type ComponentGroupRow } from '../../../db/schema/index';
import type { OfficeView } from '../../offices/manage-offices';
import { Field } from '../auth/field';
import type { FieldErrors } from './domain-error-fields';
import { humanWord, type ComponentFormValues, type GroupFormValues } from './components-form-input';
import { SelectField } from './form-controls';

/** The fields of a component, for adding one and editing one alike. */
export const ComponentFields: FC<{ values: ComponentFormValues; errors: FieldErrors; groups: ComponentGroupRow[]; offices: OfficeView[] }> = ({ values, errors, groups, offices }) => (
  <>
    <Field name="name" label="Name" value={values.name} error={errors.name} required hint="As the public will read it, e.g. Passport application receiving — Nyayo House." />
    <Field name="name_sw" label="Name in Swahili" value={values.name_sw} error={errors.name_sw} hint="Optional; the Swahili pages show the English name when empty." />
    <SelectField name="group_id" label="Group" value={values.group_id} error={errors.group_id} options={[{ value: '', label: 'No group' }, ...groups.map((g) => ({ value: g.id, label: g.name }))]} />
    <Field name="position" label="Position" type="number" inputmode="numeric" value={values.position} error={errors.position} hint="Smaller numbers come first on the page." />
    <SelectField name="status" label="Status" value={values.status} error={errors.status} hint="Public at once when saved." options={componentStatuses.map((s) => ({ value: s, label: humanWord(s) }))} />
    <SelectField
      name="service"
      label="Appointments it receives"
      value={values.service}
      error={errors.service}
      hint="An outage of this component moves these appointments."
      options={[{ value: '', label: 'None' }, ...appointmentServices.map((s) => ({ value: s, label: humanWord(s) }))]}
    />
    <SelectField
      name="office"
      label="Office"
      value={values.office}
      error={errors.office}
      options={[{ value: '', label: 'All offices' }, ...offices.map((o) => ({ value: o.code, label: `${o.name} (${o.code})` }))]}
    />
  </>
);

export const GroupFields: FC<{ values: GroupFormValues; errors: FieldErrors }> = ({ values, errors }) => (
  <>
    <Field name="name" label="Group name" value={values.name} error={errors.name} required hint="A heading on the page, e.g. Nyayo House, Nairobi." />
    <Field name="name_sw" label="Group name in Swahili" value={values.name_sw} error={errors.name_sw} hint="Optional." />
    <Field name="position" label="Position" type="number" inputmode="numeric" value={values.position} error={errors.position} hint="Smaller numbers come first." />
  </>
);
