import { appointmentServices, componentStatuses, type AppointmentService, type ComponentStatus } from '../../../db/schema/index';
import type { ComponentInput } from '../../components/component-input-rules';
import { formText } from '../form-value';
import type { FieldErrors } from './domain-error-fields';

/** What the component form sends, as typed (shown again when something is refused). */
export type ComponentFormValues = { name: string; name_sw: string; group_id: string; position: string; status: string; service: string; office: string };

export const componentFormFields = ['name', 'name_sw', 'group_id', 'position', 'status', 'service', 'office'] as const;

export function componentFormValues(form: Record<string, unknown>): ComponentFormValues {
  return Object.fromEntries(componentFormFields.map((name) => [name, formText(form, name)])) as ComponentFormValues;
}

/**
 * The form as the domain's component input; an empty choice means "none" (no group, no service,
 * every office). A position that is not a whole number is named here, since the domain takes numbers.
 */
export function componentFormInput(values: ComponentFormValues): { input: ComponentInput; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const position = values.position.trim() === '' ? 0 : Number(values.position);
  if (!Number.isInteger(position) || position < 0) errors.position = 'Give a whole number, 0 or more (smaller numbers come first on the page).';
  if (!(componentStatuses as readonly string[]).includes(values.status)) errors.status = 'Choose one of the statuses listed.';
  if (values.service !== '' && !(appointmentServices as readonly string[]).includes(values.service)) errors.service = 'Choose one of the services listed.';
  return {
    input: {
      name: values.name,
      nameSw: values.name_sw,
      groupId: values.group_id || null,
      position,
      status: values.status as ComponentStatus,
      service: (values.service || null) as AppointmentService | null,
      office: values.office || null,
    },
    errors,
  };
}

/** A group's form: name, Swahili name and position. */
export type GroupFormValues = { name: string; name_sw: string; position: string };

export function groupFormValues(form: Record<string, unknown>): GroupFormValues {
  return { name: formText(form, 'name'), name_sw: formText(form, 'name_sw'), position: formText(form, 'position') };
}

export function groupFormInput(values: GroupFormValues): { input: { name: string; nameSw: string; position: number }; errors: FieldErrors } {
  const position = values.position.trim() === '' ? 0 : Number(values.position);
  const errors: FieldErrors = Number.isInteger(position) && position >= 0 ? {} : { position: 'Give a whole number, 0 or more.' };
  return { input: { name: values.name, nameSw: values.name_sw, position }, errors };
}

/** "degraded_performance" → "Degraded performance". */
export const humanWord = (value: string) => value.charAt(0).toUpperCase() + value.slice(1).replaceAll('_', ' ');
