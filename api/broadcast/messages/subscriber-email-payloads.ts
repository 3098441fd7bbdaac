import { eq, inArray } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../../db/client';
import { deliveries, incidentUpdates, incidents, subscribers } from '../../../db/schema/index';
import type { Config } from '../../config';
import type { ApplicantEmailPayloadResult } from './applicant-email-payloads';
import { confirmSubscriptionUrl } from '../../subscribers/subscriber-links';
import { subscriberEmailMessage } from './subscriber-email-message';

/**
 * Renders subscriber_email deliveries that have no message yet: update emails (queued unrendered
 * by the set-based insert at publish), and confirmation emails a publisher re-drove after they
 * failed (queued rendered; a re-drive renders them again). An update email carries the published update in the subscriber's language (the Swahili notice when
 * there is one), a link to the incident and the unsubscribe link and headers.
 */
export async function renderSubscriberEmailPayloads(db: DatabaseOrTransaction, config: Config, deliveryIds: string[]): Promise<ApplicantEmailPayloadResult[]> {
  if (deliveryIds.length === 0) return [];
  const rows = await db
    .select({
      deliveryId: deliveries.id,
      updateId: deliveries.updateId,
      subscriber: { id: subscribers.id, email: subscribers.email, language: subscribers.language, state: subscribers.state },
      incident: { id: incidents.id, name: incidents.name, nameSw: incidents.nameSw },
      update: { status: incidentUpdates.status, body: incidentUpdates.body, bodySw: incidentUpdates.bodySw },
    })
    .from(deliveries)
    .leftJoin(subscribers, eq(subscribers.id, deliveries.recipient))
    .leftJoin(incidentUpdates, eq(incidentUpdates.id, deliveries.updateId))
    .leftJoin(incidents, eq(incidents.id, deliveries.incidentId))
    .where(inArray(deliveries.id, deliveryIds));
  return rows.map(({ deliveryId, updateId, subscriber, incident, update }): ApplicantEmailPayloadResult => {
    if (!updateId) {
      if (subscriber?.state !== 'pending') return { deliveryId, problem: 'The subscription is no longer waiting for confirmation.' };
      return { deliveryId, message: subscriberEmailMessage(config, subscriber, { kind: 'confirm', confirmUrl: confirmSubscriptionUrl(config, subscriber.id) }) };
    }
    if (!subscriber || subscriber.state !== 'confirmed') return { deliveryId, problem: 'The subscriber unsubscribed before this email was sent.' };
    if (!incident || !update) return { deliveryId, problem: 'The update this email was about no longer exists.' };
    const swahili = subscriber.language === 'sw';
    const body = swahili && update.bodySw ? update.bodySw : update.body;
    const incidentName = swahili && incident.nameSw ? incident.nameSw : incident.name;
    const incidentUrl = `${config.publicUrl}${swahili ? '/sw' : ''}/incidents/${incident.id}/`;
    return {
      deliveryId,
      message: subscriberEmailMessage(config, subscriber, { kind: 'update', incidentName, status: update.status, body, incidentUrl }),
    };
  });
}
