import type { XChannel } from '../x/x-channel';
import { deliverXPost } from '../x/deliver-x-post';
import type { ChannelRateLimiter } from './channel-rate-limiter';
import { claimXDelivery } from './claim-due-deliveries';
import { holderOf, leaseOf, type Lane, type LaneContext } from './worker-lane';

/**
 * X posts, one at a time in thread order (claimXDelivery never hands out a second while one is in
 * flight). A rate-limit token is taken before each claim and given back when nothing was due.
 * `channel` null: X runs dry; `limiter` null: nothing to limit.
 */
export function xLane(context: LaneContext, channel: XChannel | null, limiter: ChannelRateLimiter | null): Lane {
  const { db, config, signal } = context;
  return async () => {
    let handled = 0;
    while (!signal.aborted) {
      await limiter?.take(signal);
      const row = await claimXDelivery(db, leaseOf(context));
      if (!row) {
        limiter?.giveBack();
        break;
      }
      await deliverXPost({ db, config, channel, holder: holderOf(context) }, row);
      handled += 1;
    }
    return handled;
  };
}
