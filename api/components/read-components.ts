import { asc, count, eq, inArray } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../db/client';
import { componentGroups, components, type ComponentGroupRow, type ComponentRow } from '../../db/schema/index';
import { notFound } from '../domain-errors';

export type ComponentGroupWithMembers = ComponentGroupRow & { componentIds: string[] };

/** The order components take on the page; the id breaks ties so list pages never overlap. */
const pageOrder = [asc(components.position), asc(components.name), asc(components.id)];
const groupOrder = [asc(componentGroups.position), asc(componentGroups.name), asc(componentGroups.id)];

/** One page of components in page order (by position, then name), and how many there are. */
export async function listComponents(db: DatabaseOrTransaction, page: { limit: number; offset: number }): Promise<{ items: ComponentRow[]; total: number }> {
  const items = await db.select().from(components).orderBy(...pageOrder).limit(page.limit).offset(page.offset);
  const [{ total }] = await db.select({ total: count() }).from(components);
  return { items, total };
}

/** The component, or a 404 naming the id. */
export async function loadComponent(db: DatabaseOrTransaction, componentId: string): Promise<ComponentRow> {
  const [component] = await db.select().from(components).where(eq(components.id, componentId));
  if (!component) throw notFound('component', componentId);
  return component;
}

/** One page of groups in page order, each with its members' ids in page order, and how many groups there are. */
export async function listComponentGroups(
  db: DatabaseOrTransaction,
  page: { limit: number; offset: number },
): Promise<{ items: ComponentGroupWithMembers[]; total: number }> {
  const groups = await db
    .select()
    .from(componentGroups)
    .orderBy(...groupOrder)
    .limit(page.limit)
    .offset(page.offset);
  const members = groups.length
    ? await db
        .select({ id: components.id, groupId: components.groupId })
        .from(components)
        .where(inArray(components.groupId, groups.map((group) => group.id)))
        .orderBy(...pageOrder)
    : [];
  const [{ total }] = await db.select({ total: count() }).from(componentGroups);
  const items = groups.map((group) => ({
    ...group,
    componentIds: members.filter((member) => member.groupId === group.id).map((member) => member.id),
  }));
  return { items, total };
}

/** The group with its members, or a 404 naming the id. */
export async function loadComponentGroup(db: DatabaseOrTransaction, groupId: string): Promise<ComponentGroupWithMembers> {
  const [group] = await db.select().from(componentGroups).where(eq(componentGroups.id, groupId));
  if (!group) throw notFound('component group', groupId);
  const members = await db
    .select({ id: components.id })
    .from(components)
    .where(eq(components.groupId, groupId))
    .orderBy(...pageOrder);
  return { ...group, componentIds: members.map((member) => member.id) };
}
