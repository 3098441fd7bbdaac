import { randomBytes } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../../../db/client';
import { components, deliveries, webhooks, type WebhookRow } from '../../../db/schema/index';
import { recordAudit } from '../../audit/record-audit';
import type { ActionContext } from '../../auth/actor';
import { badRequest, conflict } from '../../domain-errors';
import { newId } from '../../ids';
import { webhookUrlProblem } from './webhook-address-guard';

export type WebhookInput = { url: string; componentIds: string[] };

/** At most this many public registrations wait for their challenge at once: anonymous requests cannot fill the table. */
export const maxPendingPublicWebhooks = 1_000;

async function checkInput(tx: Transaction, input: WebhookInput, allowPrivate: boolean): Promise<string[] | null> {
  const problem = webhookUrlProblem(input.url, allowPrivate);
  if (problem) throw badRequest(`The webhook URL ${problem}.`, [{ field: 'url', message: problem }]);
  const ids = [...new Set(input.componentIds)];
  if (ids.length === 0) return null;
  const known = await tx.select({ id: components.id }).from(components).where(inArray(components.id, ids));
  if (known.length !== ids.length) throw badRequest('Some components do not exist; list them with GET /components.', [{ field: 'component_ids', message: 'unknown component' }]);
  return ids;
}

const newSecret = () => `whsec_${randomBytes(24).toString('base64url')}`;

/** Staff register a webhook: active at once (staff vouch for the URL). The secret is returned once. */
export async function registerStaffWebhook(db: Database, input: WebhookInput, options: { allowPrivate: boolean }, context: ActionContext): Promise<WebhookRow> {
  const at = context.now.toISOString();
  return db.transaction(async (tx) => {
    const componentIds = await checkInput(tx, input, options.allowPrivate);
    const [row] = await tx
      .insert(webhooks)
      .values({ id: newId(), url: input.url, secret: newSecret(), state: 'active', source: 'staff', createdBy: context.actor.tokenId, componentIds, createdAt: at, updatedAt: at, confirmedAt: at })
      .returning();
    await recordAudit(tx, { actor: context.actor, action: 'webhook.create', targetType: 'webhook', targetId: row.id, detail: { url: row.url } });
    return row;
  });
}

/**
 * The public register a webhook: it waits (`pending`) until Hali has POSTed a challenge to the URL
 * through the outbox and the URL echoed it, which shows the registrant controls the endpoint. The
 * secret is returned once, to the registrant.
 */
export async function registerPublicWebhook(db: Database, input: WebhookInput, options: { allowPrivate: boolean; now: Date }): Promise<WebhookRow> {
  const at = options.now.toISOString();
  return db.transaction(async (tx) => {
    const componentIds = await checkInput(tx, input, options.allowPrivate);
    const [{ pending }] = await tx.select({ pending: sql<number>`count(*)` }).from(webhooks).where(sql`${webhooks.state} = 'pending' AND ${webhooks.source} = 'public'`);
    if (pending >= maxPendingPublicWebhooks) throw conflict('Too many webhook registrations are waiting for confirmation; try again later.');
    const [row] = await tx
      .insert(webhooks)
      .values({ id: newId(), url: input.url, secret: newSecret(), state: 'pending', source: 'public', componentIds, challenge: randomBytes(18).toString('base64url'), createdAt: at, updatedAt: at })
      .returning();
    await tx.insert(deliveries).values({
      id: newId(),
      channel: 'webhook',
      recipient: row.id,
      state: 'pending',
      idempotencyKey: `webhook:challenge:${row.id}`,
      payload: { kind: 'challenge' },
      nextAttemptAt: at,
      createdAt: at,
      updatedAt: at,
    });
    return row;
  });
}

/** Staff remove a webhook; what was queued for it and not sent is dropped. */
export async function deleteWebhook(db: Database, id: string, context: ActionContext): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [gone] = await tx.delete(webhooks).where(eq(webhooks.id, id)).returning({ id: webhooks.id, url: webhooks.url });
    if (!gone) return false;
    await dropQueuedWebhookDeliveries(tx, id, context.now, 'The webhook was removed before this was sent.');
    await recordAudit(tx, { actor: context.actor, action: 'webhook.delete', targetType: 'webhook', targetId: id, detail: { url: gone.url } });
    return true;
  });
}

export async function dropQueuedWebhookDeliveries(tx: Transaction | Database, webhookId: string, now: Date, reason: string): Promise<void> {
  await tx
    .update(deliveries)
    .set({ state: 'superseded', lastError: reason, updatedAt: now.toISOString() })
    .where(sql`${deliveries.channel} = 'webhook' AND ${deliveries.recipient} = ${webhookId} AND ${deliveries.state} = 'pending'`);
}
