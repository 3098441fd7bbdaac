import { and, eq, ne } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { deliveries } from '../../db/schema/index';
import { verifyWebhookSignature } from '../../api/subscribers/webhooks/webhook-signature';
import { createTestContext, type TestContext } from '../support/test-context';
import { spawnWorkerProcess, waitFor, type WorkerProcess } from '../broadcast/worker-process';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver';
import { createPublishedIncident, publishUpdateWith } from './webhook-test-data';

let t: TestContext;
let receiver: WebhookReceiver;
const children: WorkerProcess[] = [];

afterEach(async () => {
  await Promise.all(children.splice(0).map((child) => child.kill()));
  await receiver?.close();
  t?.close();
});

function startWorker(): WorkerProcess {
  const worker = spawnWorkerProcess({
    DATABASE_URL: t.databaseUrl,
    PUBLIC_URL: 'https://status.example.go.ke',
    CALENDAR_SIGNING_SECRET: 'calendar-secret-for-tests',
    WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'on',
  });
  children.push(worker);
  return worker;
}

describe('webhooks across a worker crash', () => {
  it('SIGKILL while the endpoint holds its answer: each update reaches the receiver under one delivery id, with the same signed body', async () => {
    t = await createTestContext();
    receiver = await startWebhookReceiver();
    const created = await t.request('POST', '/api/v1/webhooks', { token: t.tokens.publisher, json: { url: receiver.url } });
    const { secret } = (await created.json()) as { secret: string };
    const { incidentId } = await createPublishedIncident(t.db);
    const updateIds: string[] = [];
    for (const [index, status] of (['investigating', 'identified', 'resolved'] as const).entries()) {
      updateIds.push(await publishUpdateWith(t.db, incidentId, { body: `Update ${index + 1}.`, status }));
    }

    // 1st crash: the endpoint has the first call and has not answered. 2nd: it has answered the
    // second call (the worker may die before recording it).
    let kill: (() => void) | undefined;
    const normal = receiver.answer;
    receiver.answer = (call) => {
      if (receiver.calls.length === 1) {
        kill?.();
        return new Promise(() => {});
      }
      if (receiver.calls.length === 3) setTimeout(() => kill?.(), 0);
      return normal(call);
    };
    for (let crash = 0; crash < 2; crash++) {
      const worker = startWorker();
      const killed = new Promise<void>((resolve) => (kill = () => void worker.kill().then(resolve)));
      await Promise.race([killed, worker.exited.then(() => Promise.reject(new Error(worker.output.join(''))))]);
    }
    kill = undefined;
    receiver.answer = normal;
    startWorker();
    const unsent = async () => (await t.db.select().from(deliveries).where(and(eq(deliveries.channel, 'webhook'), ne(deliveries.state, 'sent')))).length;
    await waitFor('every webhook call sent', async () => (await unsent()) === 0, 60_000);

    const byDelivery = new Map<string, Set<string>>();
    for (const call of receiver.calls) {
      expect(verifyWebhookSignature(secret, String(call.headers['x-hali-signature']), call.body)).toBe(true);
      const id = String(call.headers['x-hali-delivery']);
      byDelivery.set(id, (byDelivery.get(id) ?? new Set()).add(call.body));
    }
    // One delivery id per update, and a repeat always carries byte-for-byte the same body.
    expect(byDelivery.size).toBe(3);
    for (const sent of byDelivery.values()) expect(sent.size).toBe(1);
    const reported = [...byDelivery.values()].map((sent) => {
      // Statuspage lists an incident's updates newest first: the first is the one this call reports.
      const body = JSON.parse([...sent][0]) as { incident: { incident_updates: { id: string }[] } };
      return body.incident.incident_updates[0].id;
    });
    expect(reported.sort()).toEqual([...updateIds].sort());
    // The crash did hit mid-flight: the endpoint saw a repeat, recognisable by its delivery id.
    expect(receiver.calls.length).toBeGreaterThan(byDelivery.size);
  }, 120_000);
});
