import type { XChannel } from '../x/x-channel';
import { deliverXPost } from '../x/deliver-x-post';
import type { ChannelRateLimiter } from './channel-rate-limiter';
import { claimXDelivery, hasDueXDelivery } from './claim-due-deliveries';
import { holderOf, leaseOf, type Lane, type LaneContext } from './worker-lane';

/**
 * X posts, one at a time in thread order (claimXDelivery never hands out a second while one is in
 * flight). Room under the rate limit is taken before each claim (a claim holds a lease, which must not
 * run out while waiting) and given back when another worker claimed the post first.
 * `channel` null: X runs dry; `limiter` null: nothing to limit.
 */
export function xLane(context: LaneContext, channel: XChannel | null, limiter: ChannelRateLimiter | null): Lane {
  const { db, config, signal } = context;
  return async () => {
    let handled = 0;
    while (!signal.aborted && (await hasDueXDelivery(db, context.now()))) {
      await limiter?.take(signal);
      const row = await claimXDelivery(db, leaseOf(context));
      if (!row) {
        // Another worker took it meanwhile.
        await limiter?.giveBack();
        break;
      }
      await deliverXPost({ db, config, channel, holder: holderOf(context) }, row);
      handled += 1;
    }
    return handled;
  };
}
