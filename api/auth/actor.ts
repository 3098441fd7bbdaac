import type { TokenRole } from '../../db/schema/index';

/**
 * Who is acting: a staff member's API token, or a trusted script such as the demo seed (tokenId
 * null), which four-eyes cannot tell apart from another person and therefore does not restrict.
 */
export type Actor = { tokenId: string | null; role: TokenRole };

/** Who acts and when: what every domain function that writes (and audits) is given. */
export type ActionContext = { now: Date; actor: Actor };

/** A trusted script's context (demo seed, CLIs): no token, full rights, audited as the system. */
export const systemActor: Actor = { tokenId: null, role: 'admin' };
