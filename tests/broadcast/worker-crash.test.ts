import { eq, ne } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { deliveries } from '../../db/schema/index';
import { createTestContext, type TestContext } from '../support/test-context';
import { startFakeResend, type FakeResend } from '../fakes/resend';
import { startFakeX, type FakeX } from '../fakes/x';
import { xCredentials } from './broadcast-harness';
import { createIncident, createMovedAppointments, publishTestUpdate } from './broadcast-test-data';
import { spawnWorkerProcess, waitFor, type WorkerProcess } from './worker-process';

let t: TestContext;
let x: FakeX;
let resend: FakeResend;
const children: WorkerProcess[] = [];

afterEach(async () => {
  await Promise.all(children.splice(0).map((child) => child.kill()));
  await Promise.all([x?.close(), resend?.close()]);
  t?.close();
});

async function setUp() {
  x = await startFakeX();
  resend = await startFakeResend();
  t = await createTestContext();
}

function workerEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: t.databaseUrl,
    X_API_BASE_URL: x.url,
    RESEND_BASE_URL: resend.url,
    RESEND_API_KEY: 're_test_key',
    RESEND_RPS: '200',
    PUBLIC_URL: 'https://status.example.go.ke',
    CALENDAR_SIGNING_SECRET: 'calendar-secret-for-tests',
    ...xCredentials,
    ...overrides,
  };
}

function startWorker(overrides: Record<string, string> = {}, args?: string[]): WorkerProcess {
  const worker = spawnWorkerProcess(workerEnv(overrides), args);
  children.push(worker);
  return worker;
}

const unfinished = async () => (await t.db.select({ id: deliveries.id }).from(deliveries).where(ne(deliveries.state, 'sent'))).length;

function expectWholeThread(updates: number) {
  expect(x.posts).toHaveLength(updates);
  x.posts.forEach((post, index) => expect(post.inReplyTo).toBe(index === 0 ? null : x.posts[index - 1].id));
}

describe('worker crashes', () => {
  it('survives SIGKILL at several points of a fan-out: every applicant gets one email, the thread stays whole', async () => {
    await setUp();
    const incident = await createIncident(t.db);
    for (const [index, status] of (['investigating', 'identified', 'monitoring', 'resolved'] as const).entries()) {
      await publishTestUpdate(t.db, incident, { status, body: `Update ${index + 1}: passport services are ${status}.` });
    }
    const moved = await createMovedAppointments(t.db, incident, 900);

    let emailRequests = 0;
    let xPosts = 0;
    let killWhen: () => boolean = () => false;
    let kill: (() => void) | undefined;
    const held = () => new Promise((resolve) => setTimeout(resolve, 3_000));
    resend.onRequest = (request) => {
      if (request.path === '/emails/batch') emailRequests += 1;
      if (killWhen()) kill?.();
    };
    x.onRequest = (request) => {
      if (request.method === 'POST') xPosts += 1;
      if (killWhen()) kill?.();
    };

    // 1st crash: X has made the 2nd post and holds its answer. 2nd: Resend holds the answer to a
    // batch it has sent. 3rd: as a batch request arrives (Resend goes on to send it).
    const crashes = [
      () => {
        x.faults.push({ kind: 'hold', release: held(), match: (request) => request.method === 'POST' && xPosts === 2 });
        return () => xPosts === 2;
      },
      () => {
        const at = emailRequests + 2;
        resend.faults.push({ kind: 'hold', release: held(), match: () => emailRequests === at });
        return () => emailRequests === at;
      },
      () => {
        const at = emailRequests + 2;
        return () => emailRequests === at;
      },
    ];
    for (const crash of crashes) {
      killWhen = crash();
      const worker = startWorker();
      const killed = new Promise<void>((resolve) => (kill = () => void worker.kill().then(resolve)));
      await Promise.race([killed, worker.exited.then(() => Promise.reject(new Error(worker.output.join(''))))]);
      killWhen = () => false;
    }
    kill = undefined;
    startWorker();
    await waitFor('every delivery sent', async () => (await unfinished()) === 0, 60_000);

    const counts = resend.countByRecipient();
    expect(moved.filter((appointment) => counts.get(appointment.email) !== 1)).toEqual([]);
    expect(resend.emails).toHaveLength(900);
    expectWholeThread(4);
    const xRows = await t.db.select().from(deliveries).where(eq(deliveries.channel, 'x'));
    expect(new Set(xRows.map((row) => row.providerId))).toEqual(new Set(x.posts.map((post) => post.id)));
    // The crashes did hit mid-flight: a post was adopted from the account, batches were replayed.
    expect(xRows.filter((row) => (row.payload as { recoveredFromTimeline?: boolean }).recoveredFromTimeline).length).toBeGreaterThan(0);
    expect(emailRequests).toBeGreaterThan(resend.batchRequests());
  }, 120_000);
});
