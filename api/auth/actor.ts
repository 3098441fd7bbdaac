import type { TokenRole } from '../../db/schema/index';

/**
 * Who is acting: a person (`userId`), through the console (tokenId null) or one of their API
 * tokens, or a trusted script such as the demo seed (both null), which four-eyes cannot tell
 * apart from another person and therefore does not restrict. Four-eyes compares people.
 */
export type Actor = { userId: string | null; tokenId: string | null; role: TokenRole };

/** Who acts and when: what every domain function that writes (and audits) is given. */
export type ActionContext = { now: Date; actor: Actor };

/** A trusted script's context (demo seed, CLIs): no person, full rights, audited as the system. */
export const systemActor: Actor = { userId: null, tokenId: null, role: 'admin' };
