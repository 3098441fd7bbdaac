import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { components, type ComponentRow } from '../../db/schema/index';
import { recordAudit } from '../audit/record-audit';
import type { ActionContext } from '../auth/actor';
import { badRequest } from '../domain-errors';
import { newId } from '../ids';
import { assertComponentReferences, componentValues, type ComponentInput } from './component-input-rules';
import { loadComponent } from './read-components';

/** Adds a public service to the page. */
export async function createComponent(db: Database, input: ComponentInput, context: ActionContext): Promise<ComponentRow> {
  const at = context.now.toISOString();
  return db.transaction(async (tx) => {
    await assertComponentReferences(tx, input);
    const [component] = await tx
      .insert(components)
      .values({ ...componentValues(input), id: newId(), name: input.name.trim(), createdAt: at, updatedAt: at })
      .returning();
    await recordAudit(tx, {
      actor: context.actor,
      action: 'component.create',
      targetType: 'component',
      targetId: component.id,
      detail: { status: component.status },
    });
    return component;
  });
}

/** Changes a component; a status change here is public at once (no draft, no four-eyes). */
export async function updateComponent(
  db: Database,
  componentId: string,
  changes: Partial<ComponentInput>,
  context: ActionContext,
): Promise<ComponentRow> {
  const at = context.now.toISOString();
  return db.transaction(async (tx) => {
    const current = await loadComponent(tx, componentId);
    await assertComponentReferences(tx, changes);
    const values = componentValues(changes);
    if (Object.keys(values).length === 0) throw badRequest('Send at least one field to change.', [{ field: '(body)', message: 'No field to change.' }]);
    const [component] = await tx
      .update(components)
      .set({ ...values, updatedAt: at })
      .where(eq(components.id, componentId))
      .returning();
    await recordAudit(tx, {
      actor: context.actor,
      action: 'component.update',
      targetType: 'component',
      targetId: componentId,
      detail: { fields: Object.keys(values), ...(changes.status && changes.status !== current.status ? { from: current.status, to: changes.status } : {}) },
    });
    return component;
  });
}
