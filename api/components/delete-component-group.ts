import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { componentGroups } from '../../db/schema/index';
import { recordAudit } from '../audit/record-audit';
import type { ActionContext } from '../auth/actor';
import { loadComponentGroup } from './read-components';

/**
 * Removes a group heading. Its components stay on the page, ungrouped (the foreign key sets
 * their group_id to null), so deleting a heading never hides a service.
 */
export async function deleteComponentGroup(db: Database, groupId: string, context: ActionContext): Promise<void> {
  await db.transaction(async (tx) => {
    const group = await loadComponentGroup(tx, groupId);
    await tx.delete(componentGroups).where(eq(componentGroups.id, groupId));
    await recordAudit(tx, {
      actor: context.actor,
      action: 'component_group.delete',
      targetType: 'component_group',
      targetId: groupId,
      detail: { ungrouped: group.componentIds.length },
    });
  });
}
