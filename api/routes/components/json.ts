import type { z } from '@hono/zod-openapi';
import type { ComponentRow } from '../../../db/schema/index';
import type { ComponentInput } from '../../components/component-input-rules';
import type { ComponentGroupWithMembers } from '../../components/read-components';
import type { ComponentGroupInput } from '../../components/save-component-group';
import type { ComponentGroupSchema, ComponentSchema, EditComponentGroupSchema, EditComponentSchema } from './schema';

/** The API's snake_case shapes of components and groups (Statuspage's names, plus service and office). */
export function componentJson(component: ComponentRow): z.infer<typeof ComponentSchema> {
  return {
    id: component.id,
    name: component.name,
    name_sw: component.nameSw,
    description: component.description,
    group_id: component.groupId,
    position: component.position,
    status: component.status,
    service: component.service,
    office: component.officeCode,
    showcase: component.showcase,
    only_show_if_degraded: component.onlyShowIfDegraded,
    start_date: component.startDate,
    created_at: component.createdAt,
    updated_at: component.updatedAt,
  };
}

export function componentGroupJson(group: ComponentGroupWithMembers): z.infer<typeof ComponentGroupSchema> {
  return {
    id: group.id,
    name: group.name,
    name_sw: group.nameSw,
    description: group.description,
    position: group.position,
    components: group.componentIds,
    created_at: group.createdAt,
    updated_at: group.updatedAt,
  };
}

/** The request body as domain input (only the fields sent, so an edit leaves the rest alone). */
export function componentInput(body: z.infer<typeof EditComponentSchema>): Partial<ComponentInput> {
  return {
    name: body.name,
    nameSw: body.name_sw,
    description: body.description,
    groupId: body.group_id,
    position: body.position,
    status: body.status,
    service: body.service,
    office: body.office,
    showcase: body.showcase,
    onlyShowIfDegraded: body.only_show_if_degraded,
    startDate: body.start_date,
  };
}

/** A group request body as domain input (`components` are member ids). */
export function componentGroupInput(body: z.infer<typeof EditComponentGroupSchema>): Partial<ComponentGroupInput> {
  return { name: body.name, nameSw: body.name_sw, description: body.description, position: body.position, componentIds: body.components };
}
