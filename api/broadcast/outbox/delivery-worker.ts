import { setMaxListeners } from 'node:events';
import { hostname } from 'node:os';
import type { Database } from '../../../db/client';
import type { DeliveryChannel } from '../../../db/schema/index';
import type { Config } from '../../config';
import { newId } from '../../ids';
import { createEmailChannel, type EmailChannel } from '../email/resend-channel';
import { renderSubscriberEmailPayloads } from '../messages/subscriber-email-payloads';
import { createWebhookChannel, type WebhookChannel } from '../webhook/webhook-channel';
import { createXChannel, type XChannel } from '../x/x-channel';
import { resendRateLimiter, xRateLimiter } from './channel-rate-limiter';
import { emailLane } from './email-lane';
import { keepDraining } from './keep-draining';
import { watchForDueWork } from './due-work-watch';
import { webhookLane } from './webhook-lane';
import { bookingWebhookLane } from '../../applicants/booking-webhook/booking-webhook-lane';
import type { Lane } from './worker-lane';
import { xLane } from './x-lane';

export type DeliveryWorkerDependencies = { config: Config; db: Database; now?: () => Date };

export type DeliveryWorkerOptions = {
  /** Names this worker in lease_owner; unique per process by default. */
  owner?: string;
  /** How long a claim is ours; longer than any provider request (those time out at 20–30 s). */
  leaseMs?: number;
  /** Pause between polls when nothing is due. */
  idleMs?: number;
  /** Email batches in flight at once (the rate limiter still spaces their start). */
  emailConcurrency?: number;
  /** false: no background polling, only drainOnce() calls (tests). */
  poll?: boolean;
  /** Channels to use instead of the ones built from config (tests, benchmarks). */
  channels?: { x?: XChannel | null; email?: EmailChannel | null; webhook?: WebhookChannel | null };
  log?: (line: string) => void;
};

export type DeliveryWorker = {
  /** Finishes the requests in flight, then stops polling. */
  stop(): Promise<void>;
  /** Sends everything due now; resolves with the number of deliveries it handled. */
  drainOnce(): Promise<number>;
};

/** The channels from options when a test or benchmark gives them (null: dry run), else from config. */
function chooseChannels(config: Config, given: DeliveryWorkerOptions['channels']) {
  return {
    x: given && 'x' in given ? (given.x ?? null) : createXChannel(config.x),
    email: given && 'email' in given ? (given.email ?? null) : createEmailChannel(config.resend),
    webhook: given && 'webhook' in given ? (given.webhook ?? null) : createWebhookChannel({ allowPrivateAddresses: config.webhooks.allowPrivateAddresses }),
  };
}

/**
 * Drains the outbox: X posts one at a time in thread order, applicant emails in batches of up to
 * 100, each channel under its own rate limit (shared with the other workers). Runs in
 * `npm run worker` (scripts/worker.ts), which `npm start` also starts as a child process when
 * config.runWorker; any number of workers may share a database, the leases keep them apart.
 */
export function startDeliveryWorker(deps: DeliveryWorkerDependencies, options: DeliveryWorkerOptions = {}): DeliveryWorker {
  const { config } = deps;
  const owner = options.owner ?? `${hostname()}:${process.pid}:${newId(6)}`;
  const idleMs = options.idleMs ?? 250;
  const log = options.log ?? ((line: string) => console.log(line));
  const stopping = new AbortController();
  // Every lane waits on this one signal (rate limit and idle pauses): more than Node's default 10 listeners, by design.
  setMaxListeners(64, stopping.signal);
  const context = { db: deps.db, config, now: deps.now ?? (() => new Date()), owner, leaseMs: options.leaseMs ?? 60_000, signal: stopping.signal };
  const channels = chooseChannels(config, options.channels);
  // A dry-run channel talks to nobody, so it needs no limit.
  // Shared through the database: every worker on it together stays under the provider's limit.
  const xLimiter = channels.x ? xRateLimiter(deps.db, config.x.postsPer15Minutes) : null;
  const emailLimiter = channels.email ? resendRateLimiter(deps.db, config.resend.requestsPerSecond) : null;
  // Each lane with the channel it claims from; the booking lane also queues its calls from new moves, so it polls on its own.
  const lanes: (readonly [DeliveryChannel | null, Lane])[] = [
    ['x', xLane(context, channels.x, xLimiter)],
    ...Array.from({ length: options.emailConcurrency ?? 4 }, () => ['applicant_email', emailLane(context, channels.email, emailLimiter)] as const),
    // Subscribers share Resend's rate limit with applicants; webhooks get a few lanes so one slow endpoint waits alone.
    ['subscriber_email', emailLane(context, channels.email, emailLimiter, { channel: 'subscriber_email', render: renderSubscriberEmailPayloads })],
    ...Array.from({ length: 2 }, () => ['webhook', webhookLane(context, channels.webhook)] as const),
    // One lane keeps the booking system's calls in order of the moves they carry.
    [null, bookingWebhookLane(context)],
  ];

  const watch = watchForDueWork(deps.db, context.now, idleMs, stopping.signal);
  const running =
    options.poll === false
      ? Promise.resolve()
      : Promise.all(lanes.map(([channel, lane]) => keepDraining(lane, { signal: stopping.signal, idleMs, owner, log, untilDue: () => watch.untilDue(channel) })));

  return {
    async drainOnce() {
      const counts = await Promise.all(lanes.map(([, lane]) => lane()));
      return counts.reduce((sum, count) => sum + count, 0);
    },
    async stop() {
      stopping.abort();
      await running;
    },
  };
}
