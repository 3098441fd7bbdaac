import { z } from '@hono/zod-openapi';
import {
  allIncidentStatuses,
  componentStatuses,
  incidentImpacts,
  incidentKinds,
  updateStates,
} from '../../../db/schema/constants';
import { listSchema, PagingQuerySchema } from '../../http/paging';
import { incidentStates } from '../../incidents/read-incidents';

const day = z.iso.date({ error: 'use a day like 2026-11-25' });
const instant = z.iso.datetime({ offset: true, error: 'use an ISO date-time like 2026-11-25T08:00:00+03:00' });
/** Optional everywhere: the Swahili pages show the English name when there is none; blank clears it. */
const swahiliName = z.string().trim().max(200, 'at most 200 characters').nullish().openapi({ description: 'Name on the Swahili pages (null or blank: the English name).' });
const text = (max: number) => z.string().trim().min(1, 'cannot be empty').max(max, `at most ${max} characters`);

export const ComponentStatusMapSchema = z
  .record(z.string(), z.enum(componentStatuses))
  .openapi({ description: 'Component id → status this notice sets.', example: { p31zjtct2jer: 'major_outage' } });

export const IdParamSchema = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'p31zjtct2jer' }) });
export const UpdateParamSchema = IdParamSchema.extend({
  update_id: z.string().openapi({ param: { name: 'update_id', in: 'path' }, example: 'k8d2x3m4n5p6' }),
});

const updateContent = {
  status: z.enum(allIncidentStatuses).openapi({ description: 'Incident: investigating, identified, monitoring, resolved. Maintenance: scheduled, in_progress, verifying, completed.' }),
  body: text(10_000).openapi({ description: 'The notice in English (the apology lives here).' }),
  body_sw: z.string().max(10_000).nullish().openapi({ description: 'The notice in Swahili.' }),
  x_text: z.string().max(2_000).nullish().openapi({ description: 'Custom X post; at most 280 by X’s weighted count.' }),
  components: ComponentStatusMapSchema.optional(),
  expected_restoration: day.nullish().openapi({ description: 'First day offices can serve again (YYYY-MM-DD).' }),
};

export const CreateIncidentSchema = z
  .object({
    name: text(200),
    name_sw: swahiliName,
    kind: z.enum(incidentKinds).default('incident'),
    impact: z.enum(incidentImpacts),
    ...updateContent,
    disruption_from: z.union([day, instant]).nullish().openapi({ description: 'First day of disruption; a date-time is stored as its Africa/Nairobi day. A maintenance defaults to the day of scheduled_for.' }),
    scheduled_for: instant.nullish().openapi({ description: 'Maintenance start (required for maintenance).' }),
    scheduled_until: instant.nullish().openapi({ description: 'Maintenance end, after scheduled_for.' }),
  })
  .openapi('CreateIncident');

export const DraftUpdateSchema = z.object(updateContent).openapi('DraftUpdate');
export const EditUpdateSchema = z.object(updateContent).partial().openapi('EditUpdate');

export const EditIncidentSchema = z
  .object({
    name: text(200),
    name_sw: swahiliName,
    impact: z.enum(incidentImpacts),
    postmortem: z.string().max(50_000).nullable(),
    scheduled_for: instant.nullable(),
    scheduled_until: instant.nullable(),
    disruption_from: z.union([day, instant]).nullable().openapi({ description: 'Only while the incident was never published.' }),
  })
  .partial()
  .openapi('EditIncident');

const revisionDescription =
  'The revision of the pending update you reviewed, from GET /incidents/{id}/preview (`revision`) or the pending update in GET /incidents/{id}. Required here or as an `If-Match` header (428 without it); 409 with `current_revision` if the content changed since.';
const reviewedRevision = z.string().trim().min(1).max(64).optional().openapi({ description: revisionDescription, example: '3f9a1c2b7d4e5f60' });

/** If-Match carries the reviewed revision for clients that prefer a precondition header to a body field. */
export const ReviewedRevisionHeadersSchema = z.object({
  'if-match': z
    .string()
    .optional()
    .openapi({ description: 'The reviewed revision as an entity tag, e.g. "3f9a1c2b7d4e5f60"; instead of, or equal to, `revision` in the body. `*` names no revision.' }),
});

export const ApproveSchema = z.object({ revision: reviewedRevision }).openapi('Approve');

export const PublishSchema = z
  .object({
    revision: reviewedRevision,
    override_reason: z.string().trim().min(1).max(1_000).optional().openapi({ description: 'Admins only: publish your own draft; kept in the audit log.' }),
  })
  .openapi('Publish');

export const ListIncidentsQuerySchema = PagingQuerySchema.extend({
  state: z
    .enum(incidentStates)
    .optional()
    .openapi({ param: { name: 'state', in: 'query' }, description: 'draft: never published; open; closed; pending: has an update waiting.' }),
  kind: z.enum(incidentKinds).optional().openapi({ param: { name: 'kind', in: 'query' } }),
});

const nullableText = z.string().nullable();

export const IncidentUpdateSchema = z
  .object({
    id: z.string(),
    incident_id: z.string(),
    state: z.enum(updateStates),
    status: z.enum(allIncidentStatuses),
    body: z.string(),
    body_sw: nullableText,
    x_text: nullableText,
    components: ComponentStatusMapSchema,
    expected_restoration: nullableText,
    drafted_by: nullableText.openapi({ description: 'Staff account id (the person, whichever token or console session they used).' }),
    approved_by: nullableText,
    published_by: nullableText,
    override_reason: nullableText,
    x_post_id: nullableText,
    created_at: z.string(),
    updated_at: z.string(),
    approved_at: nullableText,
    published_at: nullableText,
    revision: nullableText.openapi({
      description: 'While pending: a hash of exactly what publishing it would release (this update and the incident fields sent with it). Name it to approve or publish. Null once published.',
    }),
  })
  .openapi('IncidentUpdate');

export const IncidentSchema = z
  .object({
    id: z.string(),
    kind: z.enum(incidentKinds),
    name: z.string(),
    name_sw: nullableText.openapi({ description: 'The name on the Swahili pages; null: they show `name`.' }),
    status: z.enum(allIncidentStatuses),
    impact: z.enum(incidentImpacts),
    components: ComponentStatusMapSchema.openapi({ description: 'As of the latest published update.' }),
    disruption_from: nullableText,
    expected_restoration: nullableText,
    scheduled_for: nullableText,
    scheduled_until: nullableText,
    postmortem: nullableText.openapi({ description: 'Markdown, shown on the incident page (sanitised) and in the Statuspage JSON.' }),
    postmortem_published_at: nullableText.openapi({ description: 'When the postmortem text was last saved; null without one.' }),
    published_at: nullableText.openapi({ description: 'Null while nothing is published: invisible to the public.' }),
    started_at: nullableText,
    monitoring_at: nullableText,
    resolved_at: nullableText,
    pending_update_id: nullableText.openapi({ description: 'The draft or approved update waiting to be published.' }),
    created_by: nullableText,
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Incident');

export const IncidentDetailSchema = IncidentSchema.extend({ updates: z.array(IncidentUpdateSchema) }).openapi('IncidentDetail');

export const PublishedIncidentSchema = IncidentDetailSchema.extend({
  rescheduled: z.object({
    moved: z.number().int().openapi({ description: 'Appointments moved by this publish.' }),
    waiting: z.number().int().openapi({ description: 'Affected but not yet movable (restoration unknown, or no free day found).' }),
  }),
}).openapi('PublishedIncident');

export const IncidentListSchema = listSchema(IncidentSchema, 'IncidentList');
