import type { IncidentUpdateRow, TokenRole } from '../../db/schema/index';
import type { Actor } from '../auth/actor';
import { forbidden } from '../domain-errors';

const mayRelease = (role: TokenRole) => role === 'publisher' || role === 'admin';

const wroteIt = (update: IncidentUpdateRow, actor: Actor) => actor.userId !== null && update.draftedBy === actor.userId;

/** Approval is the second pair of eyes: a publisher or admin other than the person who drafted it. */
export function assertMayApprove(update: IncidentUpdateRow, actor: Actor): void {
  if (!mayRelease(actor.role)) {
    throw forbidden(`Approving needs a publisher or admin token; yours is a ${actor.role}.`);
  }
  if (wroteIt(update, actor)) {
    throw forbidden('You drafted this update, so someone else must approve it (four-eyes rule). Ask another publisher.');
  }
}

/**
 * Publishing follows the same rule. Only an admin may publish their own draft, and only by
 * giving an override reason, which is kept on the update and in the audit log.
 */
export function assertMayPublish(update: IncidentUpdateRow, actor: Actor, overrideReason: string | null): void {
  if (!mayRelease(actor.role)) {
    throw forbidden(`Publishing needs a publisher or admin token; yours is a ${actor.role}.`);
  }
  if (overrideReason !== null && actor.role !== 'admin') {
    throw forbidden('Only an admin may override the four-eyes rule; leave out override_reason and ask another publisher to publish.');
  }
  if (wroteIt(update, actor) && overrideReason === null) {
    throw forbidden(
      actor.role === 'admin'
        ? 'You drafted this update. Ask another publisher to publish it, or pass override_reason to publish it yourself (it is recorded in the audit log).'
        : 'You drafted this update, so another publisher must publish it (four-eyes rule).',
    );
  }
}
