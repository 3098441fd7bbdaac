import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { components } from '../../db/schema/index';
import { recordAudit } from '../audit/record-audit';
import type { ActionContext } from '../auth/actor';
import { loadComponent } from './read-components';

/**
 * Removes a component from the page. Its rows in incidents go with it (the incidents stay); a
 * pending update that still names it is refused at publish with a message to edit it.
 */
export async function deleteComponent(db: Database, componentId: string, context: ActionContext): Promise<void> {
  await db.transaction(async (tx) => {
    const component = await loadComponent(tx, componentId);
    await tx.delete(components).where(eq(components.id, componentId));
    await recordAudit(tx, {
      actor: context.actor,
      action: 'component.delete',
      targetType: 'component',
      targetId: componentId,
      detail: { group_id: component.groupId },
    });
  });
}
