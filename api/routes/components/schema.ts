import { z } from '@hono/zod-openapi';
import { appointmentServices, componentStatuses } from '../../../db/schema/constants';
import { listSchema } from '../../http/paging';

export const ComponentIdParamSchema = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'p31zjtct2jer' }) });

/** Optional: the Swahili pages show the English name when there is none; blank clears it. */
const swahiliName = z.string().trim().max(200, 'at most 200 characters').nullable().openapi({ description: 'Name on the Swahili pages (null or blank: the English name).' });

const componentFields = {
  name: z.string().trim().min(1, 'cannot be empty').max(200, 'at most 200 characters').openapi({ example: 'Passport application receiving — Nyayo House' }),
  name_sw: swahiliName.openapi({ example: 'Kupokea maombi ya pasipoti — Nyayo House' }),
  description: z.string().max(2_000).nullable(),
  group_id: z.string().nullable(),
  position: z.number().int().min(0),
  status: z.enum(componentStatuses),
  service: z.enum(appointmentServices).nullable().openapi({ description: 'Which appointments this service receives; null: none.' }),
  office: z.string().max(20).nullable().openapi({ description: 'Office code; null: all offices.', example: 'NYH' }),
  showcase: z.boolean(),
  only_show_if_degraded: z.boolean(),
  start_date: z.iso.date({ error: 'use a day like 2026-11-25' }).nullable(),
};

export const CreateComponentSchema = z
  .object(componentFields)
  .partial()
  .required({ name: true })
  .openapi('CreateComponent');

export const EditComponentSchema = z.object(componentFields).partial().openapi('EditComponent');

export const ComponentSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    name_sw: z.string().nullable(),
    description: z.string().nullable(),
    group_id: z.string().nullable(),
    position: z.number().int(),
    status: z.enum(componentStatuses),
    service: z.enum(appointmentServices).nullable(),
    office: z.string().nullable(),
    showcase: z.boolean(),
    only_show_if_degraded: z.boolean(),
    start_date: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Component');

export const ComponentListSchema = listSchema(ComponentSchema, 'ComponentList');

const groupFields = {
  name: z.string().trim().min(1, 'cannot be empty').max(200, 'at most 200 characters').openapi({ example: 'Nyayo House, Nairobi' }),
  name_sw: swahiliName,
  description: z.string().max(2_000).nullable(),
  position: z.number().int().min(0),
  components: z.array(z.string()).openapi({ description: 'Ids of the member components; given, it replaces the membership.' }),
};

export const CreateComponentGroupSchema = z.object(groupFields).partial().required({ name: true }).openapi('CreateComponentGroup');
export const EditComponentGroupSchema = z.object(groupFields).partial().openapi('EditComponentGroup');

export const ComponentGroupSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    name_sw: z.string().nullable(),
    description: z.string().nullable(),
    position: z.number().int(),
    components: z.array(z.string()),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('ComponentGroup');

export const ComponentGroupListSchema = listSchema(ComponentGroupSchema, 'ComponentGroupList');
