import { and, eq, inArray, isNull } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseConnection } from '../../db/client';
import { deliveries } from '../../db/schema/index';
import { renderApplicantEmailPayloads } from '../../api/broadcast/messages/applicant-email-payloads';
import { claimNewEmailBatch, type Lease, type RenderEmails } from '../../api/broadcast/outbox/claim-due-deliveries';
import { createBroadcastHarness, type BroadcastHarness } from './broadcast-harness';
import { createIncident, createMovedAppointments, storedMessages } from './broadcast-test-data';

let h: BroadcastHarness;
const connections: DatabaseConnection[] = [];
afterEach(async () => {
  for (const connection of connections.splice(0)) connection.close();
  await h?.close();
});

const lease = (owner: string): Lease => ({ owner, now: new Date(), leaseMs: 60_000 });

/** Another worker's connection to the test database: its own in-process claim line, like another process. */
async function otherWorkerDb() {
  const connection = await openDatabase(h.t.config.database);
  connections.push(connection);
  return connection.db;
}

/** `emails` waiting applicant emails, the real renderer, and a second worker's connection. */
async function twoWorkersOver(emails: number): Promise<{ render: RenderEmails; otherDb: Awaited<ReturnType<typeof otherWorkerDb>> }> {
  h = await createBroadcastHarness();
  await createMovedAppointments(h.t.db, await createIncident(h.t.db), emails);
  return { render: (db, ids) => renderApplicantEmailPayloads(db, h.t.config, ids), otherDb: await otherWorkerDb() };
}

async function rowsOf(ids: string[]) {
  return h.t.db.select().from(deliveries).where(inArray(deliveries.id, ids));
}

describe('claiming a new email batch while another worker claims', () => {
  it('takes nothing of a batch that changed while it rendered, then claims the next waiting emails whole', async () => {
    const { render, otherDb } = await twoWorkersOver(150);

    const renderedSets: string[][] = [];
    let otherClaim: string[] = [];
    let untouchedAfterLosing: Awaited<ReturnType<typeof rowsOf>> = [];
    let messagesAfterLosing = -1;
    // Worker A renders its batch; meanwhile worker B claims one of those emails (a batch of one,
    // e.g. a worker whose last read found only that one due). A's claim must then take none of its
    // 100, not the 99 still waiting.
    const slowRender: RenderEmails = async (db, ids) => {
      renderedSets.push(ids);
      if (renderedSets.length === 1) {
        const taken = await claimNewEmailBatch(otherDb, lease('worker-b'), 'applicant_email', async (bDb, bIds) => render(bDb, bIds.slice(0, 1)));
        otherClaim = taken.map((row) => row.id);
      }
      if (renderedSets.length === 2) {
        untouchedAfterLosing = await rowsOf(renderedSets[0].filter((id) => !otherClaim.includes(id)));
        messagesAfterLosing = (await storedMessages(h.t.db, untouchedAfterLosing.map((row) => row.id))).size;
      }
      return render(db, ids);
    };

    const claimed = await claimNewEmailBatch(h.t.db, lease('worker-a'), 'applicant_email', slowRender);

    expect(otherClaim).toHaveLength(1);
    expect(renderedSets).toHaveLength(2);
    expect(renderedSets[0]).toContain(otherClaim[0]);
    // Between A's lost try and its second read, the 99 emails it had rendered stayed unclaimed and without a message.
    expect(untouchedAfterLosing).toHaveLength(99);
    expect(untouchedAfterLosing.every((row) => row.state === 'pending' && row.batchId === null && row.payload === null && row.leaseOwner === null)).toBe(true);
    expect(messagesAfterLosing).toBe(0);
    // Its second read saw the emails still waiting, and it claimed them all as one batch with their messages.
    expect(claimed.map((row) => row.id).sort()).toEqual([...renderedSets[1]].sort());
    expect(claimed).toHaveLength(100);
    expect(claimed.map((row) => row.id)).not.toContain(otherClaim[0]);
    const stored = await rowsOf(claimed.map((row) => row.id));
    expect(stored.every((row) => row.state === 'sending' && row.leaseOwner === 'worker-a' && row.batchId === claimed[0].batchId && row.attempts === 1)).toBe(true);
    const messages = await storedMessages(h.t.db, claimed.map((row) => row.id));
    expect(stored.every((row) => JSON.stringify(messages.get(row.id)) === JSON.stringify(claimed.find((c) => c.id === row.id)!.message))).toBe(true);
    const [bRow] = await rowsOf(otherClaim);
    expect(bRow).toMatchObject({ state: 'sending', leaseOwner: 'worker-b', attempts: 1 });
    // Nobody claimed an email twice, and the rest still wait.
    const waiting = await h.t.db.select({ id: deliveries.id }).from(deliveries).where(and(eq(deliveries.state, 'pending'), isNull(deliveries.batchId)));
    expect(waiting).toHaveLength(150 - 100 - 1);
  });

  it('gives up after three lost tries and claims nothing, leaving every email waiting', async () => {
    const { render, otherDb } = await twoWorkersOver(400);
    let tries = 0;
    const losingRender: RenderEmails = async (db, ids) => {
      tries += 1;
      await claimNewEmailBatch(otherDb, lease('worker-b'), 'applicant_email', async (bDb, bIds) => render(bDb, bIds.slice(0, 1)));
      return render(db, ids);
    };

    expect(await claimNewEmailBatch(h.t.db, lease('worker-a'), 'applicant_email', losingRender)).toEqual([]);
    expect(tries).toBe(3);
    const owners = await h.t.db.select({ owner: deliveries.leaseOwner }).from(deliveries).where(eq(deliveries.state, 'sending'));
    expect(owners).toEqual(Array(3).fill({ owner: 'worker-b' }));
    const waiting = await h.t.db.select({ id: deliveries.id }).from(deliveries).where(and(eq(deliveries.state, 'pending'), isNull(deliveries.batchId)));
    expect(waiting).toHaveLength(400 - 3);
  });
});
