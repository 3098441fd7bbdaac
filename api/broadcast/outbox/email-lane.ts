import { deliverEmailBatch, type EmailBatchContext } from '../email/deliver-email-batch';
import type { EmailChannel } from '../email/resend-channel';
import type { ChannelRateLimiter } from './channel-rate-limiter';
import { claimEmailBatch, claimNewEmailBatch, type ClaimedEmail, type ClaimedEmailWithMessage, type EmailDeliveryChannel } from './claim-due-deliveries';
import { renderApplicantEmailPayloads } from '../messages/applicant-email-payloads';
import { eventLoopSlices } from '../../event-loop-slices';
import { releaseClaim } from './record-delivery-outcome';
import { holderOf, leaseOf, type Lane, type LaneContext } from './worker-lane';

/** A batch whose membership is fixed (abandoned or due for retry) first, else a new one of waiting emails. */
async function claimAnyEmailBatch(context: LaneContext, emails: EmailKind): Promise<ClaimedEmail[] | ClaimedEmailWithMessage[] | null> {
  const retried = await claimEmailBatch(context.db, leaseOf(context), emails.channel);
  if (retried.length) return retried;
  const render = emails.render ?? renderApplicantEmailPayloads;
  const batch = await claimNewEmailBatch(context.db, leaseOf(context), emails.channel, (tx, ids) => render(tx, context.config, ids));
  return batch.length ? batch : null;
}

/**
 * Applicant emails in batches of up to 100. A lane claims first and waits for the rate limit only
 * once the batch is rendered, so preparing the next batch overlaps the wait; the lease is far
 * longer than the wait. Several email lanes run at once.
 */
/** Which emails a lane sends: applicant emails by default; subscriber emails with their own renderer. */
export type EmailKind = { channel: EmailDeliveryChannel; render?: EmailBatchContext['render'] };

// Shared by every email lane of the process: a lane that settled one batch and claims the next
// runs a chain of statements without waiting on anything, which would hold up another lane whose
// turn at the rate limit has come (measured: wake-ups 11–83 ms late).
const endSliceIfDue = eventLoopSlices();

export function emailLane(context: LaneContext, channel: EmailChannel | null, limiter: ChannelRateLimiter | null, emails: EmailKind = { channel: 'applicant_email' }): Lane {
  const { db, config, signal } = context;
  const beforeSend = async () => {
    if (!limiter) return;
    const taken = await limiter.take(signal);
    return (at: number) => limiter.wentOut(taken, at);
  };
  return async () => {
    let handled = 0;
    while (!signal.aborted) {
      await endSliceIfDue();
      const batch = await claimAnyEmailBatch(context, emails);
      if (!batch) break;
      try {
        await deliverEmailBatch({ db, config, channel, holder: holderOf(context), beforeSend, render: emails.render }, batch);
      } catch (error) {
        // Stopped while waiting for the rate limit: hand the batch back rather than leave it leased.
        if (signal.aborted) await releaseClaim(db, holderOf(context), batch.map((row) => row.id));
        throw error;
      }
      handled += batch.length;
    }
    return handled;
  };
}
