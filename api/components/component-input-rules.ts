import { eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../db/client';
import { componentGroups, offices, type AppointmentService, type ComponentStatus } from '../../db/schema/index';
import { badRequest } from '../domain-errors';

/** A public service as staff describe it; `service` and `office` link it to appointments. */
export type ComponentInput = {
  name: string;
  /** Name on the Swahili pages; null or blank: they show `name`. */
  nameSw?: string | null;
  description?: string | null;
  groupId?: string | null;
  position?: number;
  status?: ComponentStatus;
  service?: AppointmentService | null;
  /** Office code, or null for every office. */
  office?: string | null;
  showcase?: boolean;
  onlyShowIfDegraded?: boolean;
  startDate?: string | null;
};

type FieldError = { field: string; message: string };

/** Checks the references a component makes (its group and office exist); throws one 400 naming each. */
export async function assertComponentReferences(db: DatabaseOrTransaction, input: Partial<ComponentInput>): Promise<void> {
  const errors: FieldError[] = [];
  if (input.name !== undefined && input.name.trim() === '') errors.push({ field: 'name', message: 'The name cannot be empty.' });
  // Any value but null is checked: an empty string would otherwise skip the lookup and reach the
  // foreign key (500) or, for the office, be stored as an office nobody has.
  if (input.groupId != null) {
    const [group] = await db.select({ id: componentGroups.id }).from(componentGroups).where(eq(componentGroups.id, input.groupId));
    if (!group) errors.push({ field: 'group_id', message: `No component group with id "${input.groupId}".` });
  }
  if (input.office != null) {
    const [office] = await db.select({ code: offices.code }).from(offices).where(eq(offices.code, input.office));
    if (!office) errors.push({ field: 'office', message: `No office with code "${input.office}"; create it first or leave office null for all offices.` });
  }
  if (errors.length > 0) {
    throw badRequest(`The request is not valid: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`, errors);
  }
}

/** The row values a component input maps to (only the fields given, for edits). */
export function componentValues(input: Partial<ComponentInput>) {
  return {
    ...(input.name !== undefined ? { name: input.name.trim() } : {}),
    ...(input.nameSw !== undefined ? { nameSw: input.nameSw?.trim() || null } : {}),
    ...(input.description !== undefined ? { description: input.description || null } : {}),
    ...(input.groupId !== undefined ? { groupId: input.groupId } : {}),
    ...(input.position !== undefined ? { position: input.position } : {}),
    ...(input.status !== undefined ? { status: input.status } : {}),
    ...(input.service !== undefined ? { service: input.service } : {}),
    ...(input.office !== undefined ? { officeCode: input.office } : {}),
    ...(input.showcase !== undefined ? { showcase: input.showcase } : {}),
    ...(input.onlyShowIfDegraded !== undefined ? { onlyShowIfDegraded: input.onlyShowIfDegraded } : {}),
    ...(input.startDate !== undefined ? { startDate: input.startDate } : {}),
  };
}
