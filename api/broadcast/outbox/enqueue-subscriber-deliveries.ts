import { sql } from 'drizzle-orm';
import type { Transaction } from '../../../db/client';

/**
 * Queues, in the publish transaction, one email per confirmed subscriber and one webhook call per
 * active webhook that follows the update's components (or everything), each as one INSERT …
 * SELECT however many subscribers there are. The idempotency keys name the update and the
 * recipient, so publishing can never queue the same message twice. Messages are rendered when the
 * worker first claims them and kept, so every retry sends the same.
 */
export async function enqueueSubscriberDeliveries(tx: Transaction, published: { incidentId: string; updateId: string; now: Date }): Promise<void> {
  const at = published.now.toISOString();
  const { incidentId, updateId } = published;
  // The components this update concerns: those the incident affects and those it sets a status for.
  const concerned = sql`(SELECT component_id FROM incident_components WHERE incident_id = ${incidentId}
    UNION SELECT key FROM incident_updates, json_each(incident_updates.components) WHERE incident_updates.id = ${updateId})`;
  const follows = (table: string) =>
    sql`(${sql.raw(table)}.component_ids IS NULL OR EXISTS (SELECT 1 FROM json_each(${sql.raw(table)}.component_ids) AS f WHERE f.value IN ${concerned}))`;
  await tx.run(sql`INSERT INTO deliveries (id, channel, incident_id, update_id, recipient, state, idempotency_key, payload, next_attempt_at, created_at, updated_at)
    SELECT lower(hex(randomblob(8))), 'subscriber_email', ${incidentId}, ${updateId}, s.id, 'pending',
      'subscriber_email:update:' || ${updateId} || ':' || s.id, NULL, ${at}, ${at}, ${at}
    FROM subscribers AS s WHERE s.state = 'confirmed' AND ${follows('s')}
    ON CONFLICT (idempotency_key) DO NOTHING`);
  await tx.run(sql`INSERT INTO deliveries (id, channel, incident_id, update_id, recipient, state, idempotency_key, payload, next_attempt_at, created_at, updated_at)
    SELECT lower(hex(randomblob(8))), 'webhook', ${incidentId}, ${updateId}, w.id, 'pending',
      'webhook:update:' || ${updateId} || ':' || w.id, json_object('kind', 'incident'), ${at}, ${at}, ${at}
    FROM webhooks AS w WHERE w.state = 'active' AND ${follows('w')}
    ON CONFLICT (idempotency_key) DO NOTHING`);
  // Statuspage also tells webhooks of each component whose status an update sets.
  await tx.run(sql`INSERT INTO deliveries (id, channel, incident_id, update_id, recipient, state, idempotency_key, payload, next_attempt_at, created_at, updated_at)
    SELECT lower(hex(randomblob(8))), 'webhook', ${incidentId}, ${updateId}, w.id, 'pending',
      'webhook:component:' || ${updateId} || ':' || c.key || ':' || w.id, json_object('kind', 'component', 'componentId', c.key), ${at}, ${at}, ${at}
    FROM webhooks AS w, incident_updates AS u, json_each(u.components) AS c
    WHERE u.id = ${updateId} AND w.state = 'active'
      AND (w.component_ids IS NULL OR EXISTS (SELECT 1 FROM json_each(w.component_ids) AS f WHERE f.value = c.key))
    ON CONFLICT (idempotency_key) DO NOTHING`);
}
