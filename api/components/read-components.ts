import { asc, eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../db/client';
import { componentGroups, components, type ComponentGroupRow, type ComponentRow } from '../../db/schema/index';
import { notFound } from '../domain-errors';

export type ComponentGroupWithMembers = ComponentGroupRow & { componentIds: string[] };

/** Components in page order (by position, then name). */
export function listComponents(db: DatabaseOrTransaction): Promise<ComponentRow[]> {
  return db.select().from(components).orderBy(asc(components.position), asc(components.name));
}

/** The component, or a 404 naming the id. */
export async function loadComponent(db: DatabaseOrTransaction, componentId: string): Promise<ComponentRow> {
  const [component] = await db.select().from(components).where(eq(components.id, componentId));
  if (!component) throw notFound('component', componentId);
  return component;
}

/** Groups in page order, each with its members' ids in page order. */
export async function listComponentGroups(db: DatabaseOrTransaction): Promise<ComponentGroupWithMembers[]> {
  const groups = await db.select().from(componentGroups).orderBy(asc(componentGroups.position), asc(componentGroups.name));
  const members = await listComponents(db);
  return groups.map((group) => ({
    ...group,
    componentIds: members.filter((member) => member.groupId === group.id).map((member) => member.id),
  }));
}

/** The group with its members, or a 404 naming the id. */
export async function loadComponentGroup(db: DatabaseOrTransaction, groupId: string): Promise<ComponentGroupWithMembers> {
  const [group] = await db.select().from(componentGroups).where(eq(componentGroups.id, groupId));
  if (!group) throw notFound('component group', groupId);
  const members = await db
    .select({ id: components.id })
    .from(components)
    .where(eq(components.groupId, groupId))
    .orderBy(asc(components.position), asc(components.name));
  return { ...group, componentIds: members.map((member) => member.id) };
}
