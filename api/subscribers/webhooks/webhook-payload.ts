import type { Database } from '../../../db/client';
import type { Config } from '../../config';
import { readPublishedData } from '../../status/read-published-data';
import { pageIdFor } from '../../status/statuspage-documents';
import { serializeComponent, serializeIncident, type SerializerContext } from '../../status/statuspage-serializers';
import { createSubscriberLinkToken } from '../subscriber-link-token';

/** What a webhook delivery row carries before it is rendered (set when it is queued). */
export type WebhookDeliveryKind = { kind: 'incident' } | { kind: 'component'; componentId: string } | { kind: 'challenge' };

export const webhookDocumentationPath = '/api/v1/reference';

export function webhookUnsubscribeUrl(config: Config, webhookId: string): string {
  return `${config.publicUrl}/webhooks/unsubscribe?token=${createSubscriberLinkToken('webhook_unsubscribe', webhookId, config.calendarSigningSecret)}`;
}

/**
 * The body of one webhook call, in Atlassian Statuspage's format: `meta` (unsubscribe link,
 * documentation), `page` (id and overall status), then `incident` (as the v2 JSON shows it, with
 * the updates up to this one) or `component_update` and `component`. Null when what it reports
 * is no longer published (the incident was deleted).
 */
export async function renderWebhookPayload(
  db: Database,
  config: Config,
  delivery: { webhookId: string; incidentId: string | null; updateId: string | null; kind: WebhookDeliveryKind },
): Promise<Record<string, unknown> | null> {
  const data = await readPublishedData(db);
  const pageId = pageIdFor(config.publicUrl);
  const base = {
    meta: { unsubscribe: webhookUnsubscribeUrl(config, delivery.webhookId), documentation: `${config.publicUrl}${webhookDocumentationPath}` },
    page: { id: pageId, status_indicator: data.status.indicator, status_description: data.status.description },
  };
  const context: SerializerContext = { pageId, publicUrl: config.publicUrl, componentsById: new Map(data.components.map((c) => [c.id, c])) };
  const incident = data.incidents.find((candidate) => candidate.id === delivery.incidentId);
  const upTo = incident?.updates.findIndex((update) => update.id === delivery.updateId) ?? -1;
  if (!incident || upTo < 0) return null;
  const update = incident.updates[upTo];
  if (delivery.kind.kind === 'component') {
    const componentId = delivery.kind.componentId;
    const component = context.componentsById.get(componentId);
    if (!component) return null;
    const earlier = incident.updates.slice(0, upTo).reverse().find((candidate) => componentId in candidate.components);
    return {
      ...base,
      component_update: {
        id: `${update.id}-${componentId}`,
        component_id: componentId,
        component_type: 'Component',
        old_status: earlier?.components[componentId] ?? 'operational',
        new_status: update.components[componentId],
        created_at: update.publishedAt,
      },
      component: serializeComponent(component, pageId),
    };
  }
  // The incident as it stood when this update went out, so a late delivery does not tell of later ones.
  const asThen = { ...incident, status: update.status, updatedAt: update.publishedAt, updates: incident.updates.slice(0, upTo + 1) };
  return { ...base, incident: serializeIncident(asThen, context) };
}
