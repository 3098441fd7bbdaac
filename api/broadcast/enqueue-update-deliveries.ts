import type { Transaction } from '../../db/client';

/**
 * Queues the outside messages a newly published update causes (the X post in the incident's
 * thread, subscriber emails), in the publish transaction. Placeholder until the broadcaster lands.
 */
export async function enqueueUpdateDeliveries(
  _tx: Transaction,
  _published: { incidentId: string; updateId: string; now: Date },
): Promise<void> {}
