import { asc, eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../db/client';
import { offices, type AppointmentLanguage, type IncidentStatus, type UpdateState } from '../../db/schema/index';
import { previewReschedule, type ReschedulePreview } from '../appointments/preview-reschedule';
import type { Config } from '../config';
import { conflict } from '../domain-errors';
import { findPendingUpdate, loadIncident } from '../incidents/incident-records';
import { revisionOf } from '../incidents/revision';
import { calendarUrl } from './messages/applicant-email-payloads';
import { renderApplicantEmail, type RenderedEmail } from './messages/render-applicant-email';
import { composeXPostText, maxXPostWeight } from './x/x-post-text';
import { nextXThreadPlace } from './x/x-thread-place';

export type BroadcastPreview = {
  update: { id: string; state: UpdateState; status: IncidentStatus };
  /** The revision of exactly the content previewed: what approve and publish must name. */
  revision: string;
  x: {
    text: string;
    weightedLength: number;
    maxWeightedLength: number;
    valid: boolean;
    isReply: boolean;
    /** The post it would answer: its id once posted, else null while that post is still queued. */
    inReplyToPostId: string | null;
    inReplyToUpdateId: string | null;
  };
  /** A sample applicant email, with placeholder applicant data, in each language. */
  emails: Record<AppointmentLanguage, RenderedEmail>;
  reschedule: ReschedulePreview;
};

const sampleApplicants: Record<AppointmentLanguage, { fullName: string; reference: string }> = {
  en: { fullName: 'Jane Wanjiku (sample)', reference: 'SAMPLE-EN-0001' },
  sw: { fullName: 'Amina Njeri (mfano)', reference: 'SAMPLE-SW-0001' },
};

/**
 * Exactly what publishing the incident's pending update would send, rendered by the same code the
 * worker uses: the X post (text, weighted length, and the post it will answer: nextXThreadPlace,
 * which publish queues it by), a sample applicant email in English and in Swahili, and the
 * appointments it would move.
 */
export async function previewIncidentBroadcast(db: DatabaseOrTransaction, config: Config, incidentId: string, options: { now: Date }): Promise<BroadcastPreview> {
  const incident = await loadIncident(db, incidentId);
  const pending = await findPendingUpdate(db, incidentId);
  if (!pending) throw conflict('This incident has no draft or approved update to preview; draft one first (POST /incidents/{id}/updates).');

  const { replyTo } = await nextXThreadPlace(db, incidentId);
  const post = composeXPostText({ incidentId, incidentName: incident.name, body: pending.body, xText: pending.xText, publicUrl: config.publicUrl });

  const reschedule = await previewReschedule(db, incidentId, options);
  const sampleOffice = reschedule.offices[0];
  const [office] = await db
    .select()
    .from(offices)
    .where(sampleOffice ? eq(offices.code, sampleOffice.office) : undefined)
    .orderBy(asc(offices.code))
    .limit(1);
  const today = options.now.toISOString().slice(0, 10);
  const oldDate = incident.disruptionFrom ?? today;
  const newDate = sampleOffice?.firstNewDate ?? pending.expectedRestoration ?? incident.expectedRestoration ?? today;
  const renderSample = (language: AppointmentLanguage) =>
    renderApplicantEmail({
      language,
      ...sampleApplicants[language],
      service: sampleOffice?.service === 'collection' ? 'collection' : 'application',
      oldDate,
      newDate,
      office: { name: office?.name ?? 'Nyayo House', address: office?.address ?? '' },
      incidentName: incident.name,
      incidentUrl: `${config.publicUrl}/incidents/${incidentId}/`,
      calendarUrl: calendarUrl(config, { reference: sampleApplicants[language].reference, moveId: 0 }),
      senderName: config.site.name,
    });

  return {
    update: { id: pending.id, state: pending.state, status: pending.status },
    revision: revisionOf(incident, pending),
    x: {
      text: post.text,
      weightedLength: post.weightedLength,
      maxWeightedLength: maxXPostWeight,
      valid: post.valid,
      isReply: replyTo !== null,
      inReplyToPostId: replyTo?.postId ?? null,
      inReplyToUpdateId: replyTo?.updateId ?? null,
    },
    emails: { en: renderSample('en'), sw: renderSample('sw') },
    reschedule,
  };
}
