import { z } from 'zod';
import { appointmentLanguages, appointmentServices, type AppointmentLanguage, type AppointmentService } from '../../db/schema/index';
import { isNairobiDay } from '../offices/nairobi-days';
import { formulaLeadProblem, unsafeCharacterProblem } from './unsafe-csv-text';

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
/** Free text a spreadsheet could take for a formula; the other columns only accept fixed words, codes or dates. */
const textColumns: ReadonlySet<AppointmentCsvColumn> = new Set(['reference', 'full_name', 'email']);

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
  // One problem per field: a control character or a formula lead first, then what the field must be.
  const check = (field: AppointmentCsvColumn, specific: (value: string) => string | null) => {
    const value = values[field];
    const message = unsafeCharacterProblem(field, value) ?? (textColumns.has(field) ? formulaLeadProblem(field, value) : null) ?? specific(value);
    if (message) problems.push({ line, field, message });
  };

  check('reference', (reference) => {
    if (!reference) return 'reference is missing.';
    if (!referencePattern.test(reference)) return 'reference must be 1–64 letters, digits, ".", "_", "/" or "-", starting with a letter or digit.';
    const earlier = context.firstLineOfReference.get(reference);
    if (earlier !== undefined) return `reference is already used on line ${earlier}; each appointment appears once per file.`;
    context.firstLineOfReference.set(reference, line);
    return null;
  });
  check('full_name', (name) => (!name ? 'full_name is missing.' : name.length > 200 ? 'full_name is longer than 200 characters.' : null));
  check('email', (email) => (emailSchema.safeParse(email).success ? null : 'email is not a well-formed address.'));
  check('language', (language) => ((appointmentLanguages as readonly string[]).includes(language) ? null : `language must be ${appointmentLanguages.join(' or ')}.`));
  check('service', (service) => ((appointmentServices as readonly string[]).includes(service) ? null : `service must be ${appointmentServices.join(' or ')}.`));
  // The value is not repeated: in a shifted row it could be someone's name or email.
  check('office', (office) =>
    context.knownOffices.has(office) ? null : office ? 'office is not a known office code; check the code or create the office first (POST /offices).' : 'office is missing.',
  );
  check('appointment_date', (date) => (isNairobiDay(date) ? null : 'appointment_date is not a real date in YYYY-MM-DD form.'));

  if (problems.length > 0) return { row: null, problems };
  return {
    row: {
      reference: values.reference,
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
