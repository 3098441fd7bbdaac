import { startDeliveryWorker, type DeliveryWorker } from '../../api/broadcast/outbox/delivery-worker';
import { createTestContext, type TestContext } from '../support/test-context';
import { startFakeResend, type FakeResend, type FakeResendOptions } from '../fakes/resend';
import { startFakeX, type FakeX, type FakeXOptions } from '../fakes/x';

export type BroadcastHarness = {
  t: TestContext;
  x: FakeX;
  resend: FakeResend;
  worker: DeliveryWorker;
  /** Moves the worker's clock forward, e.g. past a retry delay or a lease. */
  advance(ms: number): void;
  close(): Promise<void>;
};

export const xCredentials = { X_APP_KEY: 'app-key', X_APP_SECRET: 'app-secret', X_ACCESS_TOKEN: 'access-token', X_ACCESS_SECRET: 'access-secret' };

/**
 * A test app on its own SQLite file, fake X and Resend on 127.0.0.1, and a worker (no background
 * polling: the test calls drainOnce) using the real SDKs against them. `dry` leaves the channel
 * without credentials.
 */
export async function createBroadcastHarness(
  options: { env?: Record<string, string>; dry?: { x?: boolean; email?: boolean }; resend?: FakeResendOptions; x?: FakeXOptions } = {},
): Promise<BroadcastHarness> {
  const x = await startFakeX(options.x);
  const resend = await startFakeResend(options.resend);
  const t = await createTestContext({
    X_API_BASE_URL: x.url,
    RESEND_BASE_URL: resend.url,
    RESEND_RPS: '1000',
    PUBLIC_URL: 'https://status.example.go.ke',
    CALENDAR_SIGNING_SECRET: 'calendar-secret-for-tests',
    ...(options.dry?.x ? {} : xCredentials),
    ...(options.dry?.email ? {} : { RESEND_API_KEY: 're_test_key' }),
    ...options.env,
  });
  let offsetMs = 0;
  const worker = startDeliveryWorker({ config: t.config, db: t.db, now: () => new Date(Date.now() + offsetMs) }, { poll: false, log: () => {} });
  return {
    t,
    x,
    resend,
    worker,
    advance: (ms) => void (offsetMs += ms),
    async close() {
      await worker.stop();
      await Promise.all([x.close(), resend.close()]);
      t.close();
    },
  };
}
