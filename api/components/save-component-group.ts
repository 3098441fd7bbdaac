import { and, eq, inArray, notInArray } from 'drizzle-orm';
import type { Database, Transaction } from '../../db/client';
import { componentGroups, components } from '../../db/schema/index';
import { recordAudit } from '../audit/record-audit';
import type { ActionContext } from '../auth/actor';
import { badRequest } from '../domain-errors';
import { newId } from '../ids';
import { loadComponentGroup, type ComponentGroupWithMembers } from './read-components';

/** A heading on the page that gathers components; `componentIds` sets its members when given. */
export type ComponentGroupInput = { name: string; nameSw?: string | null; description?: string | null; position?: number; componentIds?: string[] };

async function setMembers(tx: Transaction, groupId: string, componentIds: string[], at: string): Promise<void> {
  const found = componentIds.length
    ? await tx.select({ id: components.id }).from(components).where(inArray(components.id, componentIds))
    : [];
  const missing = componentIds.filter((id) => !found.some((row) => row.id === id));
  if (missing.length > 0) {
    const errors = missing.map((id) => ({ field: `components.${componentIds.indexOf(id)}`, message: `No component with id "${id}".` }));
    throw badRequest(`The request is not valid: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`, errors);
  }
  await tx
    .update(components)
    .set({ groupId: null, updatedAt: at })
    .where(and(eq(components.groupId, groupId), notInArray(components.id, componentIds)));
  if (componentIds.length > 0) {
    await tx.update(components).set({ groupId, updatedAt: at }).where(inArray(components.id, componentIds));
  }
}

export async function createComponentGroup(db: Database, input: ComponentGroupInput, context: ActionContext): Promise<ComponentGroupWithMembers> {
  const at = context.now.toISOString();
  return db.transaction(async (tx) => {
    if (input.name.trim() === '') throw badRequest('name: The name cannot be empty.', [{ field: 'name', message: 'The name cannot be empty.' }]);
    const id = newId();
    await tx.insert(componentGroups).values({
      id,
      name: input.name.trim(),
      nameSw: input.nameSw?.trim() || null,
      description: input.description || null,
      position: input.position ?? 0,
      createdAt: at,
      updatedAt: at,
    });
    if (input.componentIds) await setMembers(tx, id, input.componentIds, at);
    await recordAudit(tx, { actor: context.actor, action: 'component_group.create', targetType: 'component_group', targetId: id });
    return loadComponentGroup(tx, id);
  });
}

export async function updateComponentGroup(
  db: Database,
  groupId: string,
  changes: Partial<ComponentGroupInput>,
  context: ActionContext,
): Promise<ComponentGroupWithMembers> {
  const at = context.now.toISOString();
  return db.transaction(async (tx) => {
    await loadComponentGroup(tx, groupId);
    if (changes.name !== undefined && changes.name.trim() === '') {
      throw badRequest('name: The name cannot be empty.', [{ field: 'name', message: 'The name cannot be empty.' }]);
    }
    await tx
      .update(componentGroups)
      .set({
        ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
        ...(changes.nameSw !== undefined ? { nameSw: changes.nameSw?.trim() || null } : {}),
        ...(changes.description !== undefined ? { description: changes.description || null } : {}),
        ...(changes.position !== undefined ? { position: changes.position } : {}),
        updatedAt: at,
      })
      .where(eq(componentGroups.id, groupId));
    if (changes.componentIds) await setMembers(tx, groupId, changes.componentIds, at);
    await recordAudit(tx, {
      actor: context.actor,
      action: 'component_group.update',
      targetType: 'component_group',
      targetId: groupId,
      detail: { fields: Object.entries(changes).filter(([, value]) => value !== undefined).map(([field]) => field) },
    });
    return loadComponentGroup(tx, groupId);
  });
}
