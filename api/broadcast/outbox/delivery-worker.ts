import { setMaxListeners } from 'node:events';
import { hostname } from 'node:os';
import type { Database } from '../../../db/client';
import { loggableError } from '../../logging/loggable-error';
import type { Config } from '../../config';
import { newId } from '../../ids';
import { resendRateLimiter, xRateLimiter, type ChannelRateLimiter } from './channel-rate-limiter';
import { claimEmailBatch, claimNewEmailBatch, claimXDelivery, type Lease } from './claim-due-deliveries';
import { deliverEmailBatch } from '../email/deliver-email-batch';
import { deliverXPost } from '../x/deliver-x-post';
import { releaseClaim } from './record-delivery-outcome';
import { createEmailChannel, type EmailChannel } from '../email/resend-channel';
import { createXChannel, type XChannel } from '../x/x-channel';

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
  channels?: { x?: XChannel | null; email?: EmailChannel | null };
  log?: (line: string) => void;
};

export type DeliveryWorker = {
  /** Finishes the requests in flight, then stops polling. */
  stop(): Promise<void>;
  /** Sends everything due now; resolves with the number of deliveries it handled. */
  drainOnce(): Promise<number>;
};

/**
 * Drains the outbox: X posts one at a time in thread order, applicant emails in batches of up to
 * 100, each channel under its own rate limit. Runs inside `npm start` (config.runWorker) or alone
 * (`npm run worker`); any number of workers may share a database, the leases keep them apart.
 */
export function startDeliveryWorker(deps: DeliveryWorkerDependencies, options: DeliveryWorkerOptions = {}): DeliveryWorker {
  const { config, db } = deps;
  const now = deps.now ?? (() => new Date());
  const owner = options.owner ?? `${hostname()}:${process.pid}:${newId(6)}`;
  const leaseMs = options.leaseMs ?? 60_000;
  const idleMs = options.idleMs ?? 250;
  const emailConcurrency = options.emailConcurrency ?? 4;
  const log = options.log ?? ((line: string) => console.log(line));
  const xChannel = options.channels && 'x' in options.channels ? (options.channels.x ?? null) : createXChannel(config.x);
  const emailChannel = options.channels && 'email' in options.channels ? (options.channels.email ?? null) : createEmailChannel(config.resend);
  // A dry-run channel talks to nobody, so it needs no limit.
  const xLimiter = xChannel ? xRateLimiter(config.x.postsPer15Minutes) : null;
  const emailLimiter = emailChannel ? resendRateLimiter(config.resend.requestsPerSecond) : null;
  const stopping = new AbortController();
  // Every lane waits on this one signal (rate limit and idle pauses): more than Node's default 10 listeners, by design.
  setMaxListeners(64, stopping.signal);
  const lease = (): Lease => ({ owner, now: now(), leaseMs });
  const holder = () => ({ owner, now: now() });

  /** Takes a rate-limit token, claims, and gives the token back when there was nothing to claim. */
  async function claimWithin<T>(limiter: ChannelRateLimiter | null, claim: () => Promise<T | null>): Promise<T | null> {
    await limiter?.take(stopping.signal);
    const claimed = await claim();
    if (claimed === null) limiter?.giveBack();
    return claimed;
  }

  async function drainX(): Promise<number> {
    let handled = 0;
    while (!stopping.signal.aborted) {
      const row = await claimWithin(xLimiter, () => claimXDelivery(db, lease()));
      if (!row) break;
      await deliverXPost({ db, config, channel: xChannel, holder: holder() }, row);
      handled += 1;
    }
    return handled;
  }

  async function claimAnyEmailBatch() {
    const retried = await claimEmailBatch(db, lease());
    const batch = retried.length ? retried : await claimNewEmailBatch(db, lease());
    return batch.length ? batch : null;
  }

  // Emails claim first and wait for the rate limit only once the batch is rendered, so preparing
  // the next batch overlaps the wait; the lease is far longer than the wait.
  async function drainEmail(): Promise<number> {
    let handled = 0;
    const beforeSend = async () => emailLimiter?.take(stopping.signal);
    while (!stopping.signal.aborted) {
      const batch = await claimAnyEmailBatch();
      if (!batch) break;
      try {
        await deliverEmailBatch({ db, config, channel: emailChannel, holder: holder(), beforeSend }, batch);
      } catch (error) {
        // Stopped while waiting for the rate limit: hand the batch back rather than leave it leased.
        if (stopping.signal.aborted) await releaseClaim(db, holder(), batch.map((row) => row.id));
        throw error;
      }
      handled += batch.length;
    }
    return handled;
  }

  async function drainOnce(): Promise<number> {
    const lanes = [drainX(), ...Array.from({ length: emailConcurrency }, drainEmail)];
    const counts = await Promise.all(lanes);
    return counts.reduce((sum, count) => sum + count, 0);
  }

  function pause(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        stopping.signal.removeEventListener('abort', done);
        resolve();
      }
      stopping.signal.addEventListener('abort', done, { once: true });
    });
  }

  /** One lane, polled on its own, so a channel waiting out its rate limit never holds up the other. */
  async function keepDraining(lane: () => Promise<number>): Promise<void> {
    while (!stopping.signal.aborted) {
      try {
        const handled = await lane();
        if (handled > 0) log(`delivery worker ${owner}: handled ${handled} deliveries`);
        else await pause(idleMs);
      } catch (error) {
        if (stopping.signal.aborted) break;
        log(`delivery worker ${owner}: ${loggableError(error)}; trying again shortly`);
        await pause(Math.max(idleMs, 1000));
      }
    }
  }

  const running =
    options.poll === false ? Promise.resolve() : Promise.all([keepDraining(drainX), ...Array.from({ length: emailConcurrency }, () => keepDraining(drainEmail))]);

  return {
    drainOnce,
    async stop() {
      stopping.abort();
      await running;
    },
  };
}
