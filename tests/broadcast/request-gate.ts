import type { EmailChannel } from '../../api/broadcast/email/resend-channel';
import type { XChannel } from '../../api/broadcast/x/x-channel';

export type GatedChannel = 'x' | 'email';
export type HeldRequest = { worker: string; channel: GatedChannel; release(): void };
type Match = { worker: string; channel: GatedChannel };

/**
 * Holds every provider request a worker makes until the test releases it, so a test decides the
 * order in which two workers' requests finish, with promises instead of sleeps. `open()` lets
 * everything held, and everything after, through.
 */
export type RequestGate = {
  /** The next request held from this worker on this channel: one already waiting, or the next to arrive. */
  next(match: Match): Promise<HeldRequest>;
  open(): void;
  /** Every request that reached a provider, in order: which worker sent what. */
  sent: { worker: string; channel: GatedChannel; key: string }[];
  email(worker: string, real: EmailChannel): EmailChannel;
  x(worker: string, real: XChannel): XChannel;
};

export function createRequestGate(): RequestGate {
  let isOpen = false;
  const unreleased = new Set<() => void>();
  const waiting: HeldRequest[] = [];
  const takers: { match: Match; take: (held: HeldRequest) => void }[] = [];
  const sent: RequestGate['sent'] = [];
  const matches = (held: HeldRequest, match: Match) => held.worker === match.worker && held.channel === match.channel;

  async function pass(worker: string, channel: GatedChannel): Promise<void> {
    if (isOpen) return;
    await new Promise<void>((resolve) => {
      const release = () => {
        unreleased.delete(release);
        resolve();
      };
      unreleased.add(release);
      const held: HeldRequest = { worker, channel, release };
      const taker = takers.findIndex((candidate) => matches(held, candidate.match));
      if (taker >= 0) takers.splice(taker, 1)[0].take(held);
      else waiting.push(held);
    });
  }

  return {
    sent,
    next(match) {
      const index = waiting.findIndex((held) => matches(held, match));
      if (index >= 0) return Promise.resolve(waiting.splice(index, 1)[0]);
      return new Promise((take) => takers.push({ match, take }));
    },
    open() {
      isOpen = true;
      for (const release of [...unreleased]) release();
    },
    email: (worker, real) => ({
      async sendBatch(messages, idempotencyKey) {
        await pass(worker, 'email');
        sent.push({ worker, channel: 'email', key: idempotencyKey });
        return real.sendBatch(messages, idempotencyKey);
      },
    }),
    x: (worker, real) => ({
      async post(text, inReplyTo) {
        await pass(worker, 'x');
        sent.push({ worker, channel: 'x', key: text });
        return real.post(text, inReplyTo);
      },
      findMostRecentPost: () => real.findMostRecentPost(),
    }),
  };
}
