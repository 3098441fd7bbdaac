import type { Database } from '../../db/client';
import { components, incidentComponents, incidentUpdates, incidents, type ComponentStatus, type IncidentStatus } from '../../db/schema/index';
import { enqueueUpdateDeliveries } from '../../api/broadcast/outbox/enqueue-update-deliveries';
import { newId } from '../../api/ids';

/** A component and a published incident affecting it, as the incident domain leaves them. */
export async function createPublishedIncident(db: Database): Promise<{ incidentId: string; componentId: string }> {
  const componentId = newId();
  const incidentId = newId();
  await db.insert(components).values({ id: componentId, name: 'Passport printing, Nyayo House', status: 'operational', position: 1 });
  await db.insert(incidents).values({ id: incidentId, name: 'Passport printing stopped', status: 'investigating', impact: 'major', publishedAt: '2026-11-25T07:00:00.000Z' });
  await db.insert(incidentComponents).values({ incidentId, componentId, status: 'major_outage' });
  return { incidentId, componentId };
}

/** Publishes an update (setting component statuses) and queues its deliveries with the real enqueueUpdateDeliveries. */
export async function publishUpdateWith(
  db: Database,
  incidentId: string,
  update: { body: string; status: IncidentStatus; components?: Record<string, ComponentStatus> },
  now = new Date(),
): Promise<string> {
  const id = newId();
  await db.transaction(async (tx) => {
    await tx.insert(incidentUpdates).values({ id, incidentId, state: 'published', status: update.status, body: update.body, components: update.components ?? {}, publishedAt: now.toISOString() });
    await enqueueUpdateDeliveries(tx, { incidentId, updateId: id, now });
  });
  return id;
}
