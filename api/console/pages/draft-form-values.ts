import {
  allIncidentStatuses,
  componentStatuses,
  incidentImpacts,
  type ComponentStatus,
  type IncidentImpact,
  type IncidentKind,
  type IncidentStatus,
  type TemplateKind,
} from '../../../db/schema/index';
import type { NewIncident } from '../../incidents/create-incident';
import type { NoticeTemplate } from '../../incidents/notice-templates';
import type { UpdateContent } from '../../incidents/update-content';
import { isNairobiDay } from '../../offices/nairobi-days';
import { formText } from '../form-value';
import type { FieldErrors } from './domain-error-fields';

/** What the draft form shows, as typed (strings), so a refused form comes back exactly as sent. */
export type DraftValues = {
  kind: IncidentKind;
  name: string;
  impact: string;
  status: string;
  /** Component id → status the update gives it ('' leaves it as it is). */
  components: Record<string, string>;
  disruptionFrom: string;
  expectedRestoration: string;
  scheduledFor: string;
  scheduledUntil: string;
  body: string;
  bodySw: string;
  xText: string;
};

export const componentFieldName = (componentId: string) => `component.${componentId}`;

export const emptyDraft = (kind: IncidentKind = 'incident'): DraftValues => ({
  kind,
  name: '',
  impact: kind === 'maintenance' ? 'minor' : 'major',
  status: kind === 'maintenance' ? 'scheduled' : 'investigating',
  components: {},
  disruptionFrom: '',
  expectedRestoration: '',
  scheduledFor: '',
  scheduledUntil: '',
  body: '',
  bodySw: '',
  xText: '',
});

/** The form as posted. */
export function readDraftValues(form: Record<string, unknown>, componentIds: string[], fixedKind?: IncidentKind): DraftValues {
  const kind = fixedKind ?? (formText(form, 'kind') === 'maintenance' ? 'maintenance' : 'incident');
  return {
    kind,
    name: formText(form, 'name'),
    impact: formText(form, 'impact'),
    status: formText(form, 'status'),
    components: Object.fromEntries(componentIds.map((id) => [id, formText(form, componentFieldName(id))]).filter(([, status]) => status !== '')),
    disruptionFrom: formText(form, 'disruption_from'),
    expectedRestoration: formText(form, 'expected_restoration'),
    scheduledFor: formText(form, 'scheduled_for'),
    scheduledUntil: formText(form, 'scheduled_until'),
    body: formText(form, 'body'),
    bodySw: formText(form, 'body_sw'),
    xText: formText(form, 'x_text'),
  };
}

/** A template fills the words and the usual status for that kind of notice; everything else stays. */
export function applyTemplate(values: DraftValues, template: NoticeTemplate, affectedComponents: string[]): DraftValues {
  const presets: Record<TemplateKind, Partial<DraftValues>> = {
    outage: { kind: 'incident', status: 'investigating', impact: 'major' },
    delayed: { status: 'identified' },
    restored: {
      status: values.kind === 'maintenance' ? 'completed' : 'resolved',
      components: Object.fromEntries(affectedComponents.map((id) => [id, 'operational'])),
    },
    maintenance: { kind: 'maintenance', status: 'scheduled', impact: 'minor' },
  };
  return { ...values, ...presets[template.kind], body: template.body, bodySw: template.bodySw, xText: template.xText ?? '' };
}

/** Datetime-local inputs carry no zone; staff type Nairobi time. */
const nairobiInstant = (value: string) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value) ? `${value}${value.length === 16 ? ':00' : ''}+03:00` : value);

type Converted<T> = { input: T; errors: FieldErrors };

/** Checks what only the form can get wrong (a choice outside the list, a date that is not a date); the domain checks the rest. */
function contentOf(values: DraftValues): Converted<UpdateContent> {
  const errors: FieldErrors = {};
  if (!(allIncidentStatuses as readonly string[]).includes(values.status)) errors.status = 'Choose the status this notice gives the incident.';
  for (const [id, status] of Object.entries(values.components)) {
    if (!(componentStatuses as readonly string[]).includes(status)) errors[componentFieldName(id)] = 'Choose a status from the list.';
  }
  if (values.expectedRestoration && !isNairobiDay(values.expectedRestoration)) {
    errors.expected_restoration = 'Enter the day offices serve again as a date, for example 2026-12-03.';
  }
  return {
    input: {
      status: values.status as IncidentStatus,
      body: values.body,
      bodySw: values.bodySw.trim() || null,
      xText: values.xText.trim() || null,
      components: values.components as Record<string, ComponentStatus>,
      expectedRestoration: values.expectedRestoration || null,
    },
    errors,
  };
}

export function updateContentOf(values: DraftValues): Converted<UpdateContent> {
  return contentOf(values);
}

export function newIncidentOf(values: DraftValues): Converted<NewIncident> {
  const { input, errors } = contentOf(values);
  if (!(incidentImpacts as readonly string[]).includes(values.impact)) errors.impact = 'Choose how badly the public is affected.';
  if (values.disruptionFrom && !isNairobiDay(values.disruptionFrom)) errors.disruption_from = 'Enter the first day of disruption as a date, for example 2026-12-01.';
  for (const [field, value] of [
    ['scheduled_for', values.scheduledFor],
    ['scheduled_until', values.scheduledUntil],
  ] as const) {
    if (value && Number.isNaN(Date.parse(nairobiInstant(value)))) errors[field] = 'Enter a date and time, for example 2026-12-05 22:00.';
  }
  return {
    input: {
      ...input,
      name: values.name,
      kind: values.kind,
      impact: values.impact as IncidentImpact,
      disruptionFrom: values.disruptionFrom || null,
      scheduledFor: values.scheduledFor ? nairobiInstant(values.scheduledFor) : null,
      scheduledUntil: values.scheduledUntil ? nairobiInstant(values.scheduledUntil) : null,
    },
    errors,
  };
}
