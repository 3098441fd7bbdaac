import type { Database } from '../../../db/client';
import type { Config } from '../../config';
import type { Lease } from './claim-due-deliveries';
import type { LeaseHolder } from './record-delivery-outcome';

/** What every lane of one worker shares: who it is, its clock and lease length, and its stop signal. */
export type LaneContext = {
  db: Database;
  config: Config;
  now: () => Date;
  /** Names this worker in lease_owner. */
  owner: string;
  leaseMs: number;
  /** Aborted when the worker stops: lanes finish the request in flight and claim nothing more. */
  signal: AbortSignal;
};

/** Claims and sends what is due on one channel until nothing is; resolves with the number handled. */
export type Lane = () => Promise<number>;

/** A fresh lease for a claim, timed from now. */
export const leaseOf = (context: LaneContext): Lease => ({ owner: context.owner, now: context.now(), leaseMs: context.leaseMs });

/** Who records an outcome, and when: outcome writes are guarded by the lease owner. */
export const holderOf = (context: LaneContext): LeaseHolder => ({ owner: context.owner, now: context.now() });
