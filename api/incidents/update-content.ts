import type { DatabaseOrTransaction } from '../../db/client';
import type { ComponentStatus, IncidentKind, IncidentStatus } from '../../db/schema/index';
import { checkComponentsExist, checkRestoration, checkStatusFitsKind, checkXText, type FieldError } from './incident-input-rules';

/** What one notice says and what it changes once published. */
export type UpdateContent = {
  status: IncidentStatus;
  body: string;
  bodySw?: string | null;
  xText?: string | null;
  /** Component statuses the update sets, e.g. { cmp1: 'major_outage' }. */
  components?: Record<string, ComponentStatus>;
  /** YYYY-MM-DD: the first day offices can serve again; leave out to keep the incident's. */
  expectedRestoration?: string | null;
};

/** Every rule an update's content must meet for its incident, as field errors (none: valid). */
export async function checkUpdateContent(
  db: DatabaseOrTransaction,
  incident: { kind: IncidentKind; disruptionFrom: string | null },
  content: UpdateContent,
): Promise<FieldError[]> {
  return [
    ...checkStatusFitsKind(incident.kind, content.status),
    ...(content.body.trim() === '' ? [{ field: 'body', message: 'Write the notice the public will read.' }] : []),
    ...checkXText(content.xText),
    ...checkRestoration(incident.disruptionFrom, content.expectedRestoration),
    ...(await checkComponentsExist(db, content.components)),
  ];
}

/** The row values an update's content maps to (only the fields given, for edits). */
export function updateContentValues(content: Partial<UpdateContent>) {
  const values: {
    status?: IncidentStatus;
    body?: string;
    bodySw?: string | null;
    xText?: string | null;
    components?: Record<string, ComponentStatus>;
    expectedRestoration?: string | null;
  } = {};
  if (content.status !== undefined) values.status = content.status;
  if (content.body !== undefined) values.body = content.body;
  if (content.bodySw !== undefined) values.bodySw = content.bodySw || null;
  if (content.xText !== undefined) values.xText = content.xText || null;
  if (content.components !== undefined) values.components = content.components;
  if (content.expectedRestoration !== undefined) values.expectedRestoration = content.expectedRestoration;
  return values;
}
