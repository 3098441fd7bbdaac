import { z } from 'zod';
import { appointmentLanguages, appointmentServices, type AppointmentLanguage, type AppointmentService } from '../../db/schema/index';
import { isCalendarDay } from '../offices/calendar-days';

export const appointmentCsvColumns = ['reference', 'full_name', 'email', 'language', 'service', 'office', 'appointment_date'] as const;
export type AppointmentCsvColumn = (typeof appointmentCsvColumns)[number];

export type ImportProblem = { line: number; field: string; message: string };
export type ValidAppointmentRow = {
  reference: string;
  fullName: string;
  email: string;
  language: AppointmentLanguage;
  service: AppointmentService;
  office: string;
  date: string;
};

/** Letters, digits and . _ / - : safe in URLs, emails and logs, and never a control character. */
const referencePattern = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;
const emailSchema = z.email();

/**
 * Checks one CSV row. Messages name the line and the field but never repeat a name, an email or
 * a reference, so an error report can be logged or pasted into a ticket safely.
 */
export function validateAppointmentRow(
  values: Record<AppointmentCsvColumn, string>,
  line: number,
  context: { knownOffices: ReadonlySet<string>; firstLineOfReference: Map<string, number> },
): { row: ValidAppointmentRow | null; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const problem = (field: AppointmentCsvColumn, message: string) => problems.push({ line, field, message });

  const reference = values.reference;
  if (!reference) problem('reference', 'reference is missing.');
  else if (!referencePattern.test(reference)) problem('reference', 'reference must be 1–64 letters, digits, ".", "_", "/" or "-", starting with a letter or digit.');
  else {
    const earlier = context.firstLineOfReference.get(reference);
    if (earlier !== undefined) problem('reference', `reference is already used on line ${earlier}; each appointment appears once per file.`);
    else context.firstLineOfReference.set(reference, line);
  }
  if (!values.full_name) problem('full_name', 'full_name is missing.');
  else if (values.full_name.length > 200) problem('full_name', 'full_name is longer than 200 characters.');
  if (!emailSchema.safeParse(values.email).success) problem('email', 'email is not a well-formed address.');
  if (!(appointmentLanguages as readonly string[]).includes(values.language)) problem('language', `language must be ${appointmentLanguages.join(' or ')}.`);
  if (!(appointmentServices as readonly string[]).includes(values.service)) problem('service', `service must be ${appointmentServices.join(' or ')}.`);
  if (!context.knownOffices.has(values.office)) {
    // The value is not repeated: in a shifted row it could be someone's name or email.
    problem('office', values.office ? 'office is not a known office code; check the code or create the office first (POST /offices).' : 'office is missing.');
  }
  if (!isCalendarDay(values.appointment_date)) problem('appointment_date', 'appointment_date is not a real date in YYYY-MM-DD form.');

  if (problems.length > 0) return { row: null, problems };
  return {
    row: {
      reference,
      fullName: values.full_name,
      email: values.email,
      language: values.language as AppointmentLanguage,
      service: values.service as AppointmentService,
      office: values.office,
      date: values.appointment_date,
    },
    problems,
  };
}
