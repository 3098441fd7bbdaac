import { eq } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '../../db/client';
import { noticeTemplates, templateKinds, type NoticeTemplateRow, type TemplateKind } from '../../db/schema/index';
import { recordAudit } from '../audit/record-audit';
import type { ActionContext } from '../auth/actor';
import { forbidden } from '../domain-errors';
import { throwIfInvalid, checkXText, type FieldError } from './incident-input-rules';

export type NoticeTemplate = { kind: TemplateKind; name: string; body: string; bodySw: string; xText: string | null; updatedAt: string | null; updatedBy: string | null };

/** What an admin writes in a template. */
export type NoticeTemplateText = Pick<NoticeTemplate, 'name' | 'body' | 'bodySw' | 'xText'>;

/**
 * The texts a draft starts from when nobody has edited them yet: plain, calm, in both languages,
 * with the apology where the public is inconvenienced. Admins replace them in the console.
 */
export const defaultNoticeTemplates: Record<TemplateKind, NoticeTemplateText> = {
  outage: {
    name: 'Outage notice and apology',
    body:
      'Passport services are unavailable at our offices because of a system fault. We are sorry for the inconvenience. If you had an appointment while the service is down, you do not need to do anything: we will email you a new date.',
    bodySw:
      'Huduma za pasipoti hazipatikani katika ofisi zetu kwa sababu ya hitilafu ya mfumo. Tunaomba radhi kwa usumbufu. Ikiwa ulikuwa na miadi wakati huduma haipatikani, huhitaji kufanya chochote: tutakutumia tarehe mpya kwa barua pepe.',
    xText: 'Passport services are down at our offices. We are sorry. Applicants with appointments will get a new date by email.',
  },
  restored: {
    name: 'Service restored',
    body: 'Passport services are working again at all offices. Thank you for your patience. If you were given a new date, please come on that date.',
    bodySw: 'Huduma za pasipoti zinapatikana tena katika ofisi zote. Asante kwa uvumilivu wako. Ikiwa ulipewa tarehe mpya, tafadhali fika siku hiyo.',
    xText: 'Passport services are working again at all offices. Thank you for your patience.',
  },
  delayed: {
    name: 'Restoration delayed',
    body:
      'Restoring passport services is taking longer than we expected. We are sorry. Applicants whose appointments fall in the longer outage will get a new date by email.',
    bodySw:
      'Kurejesha huduma za pasipoti kunachukua muda zaidi kuliko tulivyotarajia. Tunaomba radhi. Waombaji ambao miadi yao iko katika kipindi hiki watapata tarehe mpya kwa barua pepe.',
    xText: 'Restoring passport services is taking longer than expected. We are sorry. Affected applicants will get a new date by email.',
  },
  maintenance: {
    name: 'Planned maintenance',
    body:
      'Passport services will be unavailable during planned maintenance of our systems. Applicants with appointments in that time will get a new date by email.',
    bodySw:
      'Huduma za pasipoti hazitapatikana wakati wa matengenezo yaliyopangwa ya mifumo yetu. Waombaji wenye miadi katika muda huo watapata tarehe mpya kwa barua pepe.',
    xText: 'Planned maintenance: passport services will be unavailable for a while. Applicants with appointments then will get a new date by email.',
  },
};

const fromRow = (row: NoticeTemplateRow): NoticeTemplate => ({
  kind: row.kind,
  name: row.name,
  body: row.body,
  bodySw: row.bodySw,
  xText: row.xText,
  updatedAt: row.updatedAt,
  updatedBy: row.updatedBy,
});

const fromDefault = (kind: TemplateKind): NoticeTemplate => ({ kind, ...defaultNoticeTemplates[kind], updatedAt: null, updatedBy: null });

/** Every template, in a fixed order: the saved text where an admin saved one, else the default. */
export async function listNoticeTemplates(db: DatabaseOrTransaction): Promise<NoticeTemplate[]> {
  const rows = await db.select().from(noticeTemplates);
  return templateKinds.map((kind) => {
    const row = rows.find((r) => r.kind === kind);
    return row ? fromRow(row) : fromDefault(kind);
  });
}

export async function noticeTemplate(db: DatabaseOrTransaction, kind: TemplateKind): Promise<NoticeTemplate> {
  const [row] = await db.select().from(noticeTemplates).where(eq(noticeTemplates.kind, kind));
  return row ? fromRow(row) : fromDefault(kind);
}

export const isTemplateKind = (value: string): value is TemplateKind => (templateKinds as readonly string[]).includes(value);

const limits = { name: 120, body: 5000, bodySw: 5000 } as const;

function checkTemplate(input: NoticeTemplateText): FieldError[] {
  const errors: FieldError[] = [];
  if (input.name.trim() === '') errors.push({ field: 'name', message: 'Give the template a name staff will recognise.' });
  if (input.body.trim() === '') errors.push({ field: 'body', message: 'Write the English text.' });
  if (input.bodySw.trim() === '') errors.push({ field: 'body_sw', message: 'Write the Swahili text.' });
  if (input.name.length > limits.name) errors.push({ field: 'name', message: `Keep the name under ${limits.name} characters.` });
  if (input.body.length > limits.body) errors.push({ field: 'body', message: `Keep the English text under ${limits.body} characters.` });
  if (input.bodySw.length > limits.bodySw) errors.push({ field: 'body_sw', message: `Keep the Swahili text under ${limits.bodySw} characters.` });
  return [...errors, ...checkXText(input.xText)];
}

/** Saves an admin's version of a template (audited); the default is only used until then. */
export async function saveNoticeTemplate(
  db: Database,
  kind: TemplateKind,
  input: NoticeTemplateText,
  context: ActionContext,
): Promise<NoticeTemplate> {
  if (context.actor.role !== 'admin') throw forbidden(`Only admins edit the templates; yours is a ${context.actor.role} account.`);
  throwIfInvalid(checkTemplate(input));
  const at = context.now.toISOString();
  const values = { name: input.name.trim(), body: input.body.trim(), bodySw: input.bodySw.trim(), xText: input.xText?.trim() || null, updatedBy: context.actor.userId, updatedAt: at };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(noticeTemplates)
      .values({ kind, ...values })
      .onConflictDoUpdate({ target: noticeTemplates.kind, set: values })
      .returning();
    await recordAudit(tx, { actor: context.actor, action: 'template.update', targetType: 'notice_template', targetId: kind });
    return fromRow(row);
  });
}
