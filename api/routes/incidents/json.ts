import type { z } from '@hono/zod-openapi';
import type { IncidentDetail, IncidentSummary } from '../../incidents/read-incidents';
import type { UpdateWithRevision } from '../../incidents/revision';
import type { UpdateContent } from '../../incidents/update-content';
import type { DraftUpdateSchema, IncidentDetailSchema, IncidentSchema, IncidentUpdateSchema } from './schema';

/** The API's snake_case shapes of incidents and updates (field names follow Statuspage). */
export function incidentJson(incident: IncidentSummary): z.infer<typeof IncidentSchema> {
  return {
    id: incident.id,
    kind: incident.kind,
    name: incident.name,
    name_sw: incident.nameSw,
    status: incident.status,
    impact: incident.impact,
    components: incident.components,
    disruption_from: incident.disruptionFrom,
    expected_restoration: incident.expectedRestoration,
    scheduled_for: incident.scheduledFor,
    scheduled_until: incident.scheduledUntil,
    postmortem: incident.postmortem,
    postmortem_published_at: incident.postmortemPublishedAt,
    published_at: incident.publishedAt,
    started_at: incident.startedAt,
    monitoring_at: incident.monitoringAt,
    resolved_at: incident.resolvedAt,
    pending_update_id: incident.pendingUpdateId,
    created_by: incident.createdBy,
    created_at: incident.createdAt,
    updated_at: incident.updatedAt,
  };
}

export function updateJson(update: UpdateWithRevision): z.infer<typeof IncidentUpdateSchema> {
  return {
    id: update.id,
    incident_id: update.incidentId,
    state: update.state,
    status: update.status,
    body: update.body,
    body_sw: update.bodySw,
    x_text: update.xText,
    components: update.components,
    expected_restoration: update.expectedRestoration,
    drafted_by: update.draftedBy,
    approved_by: update.approvedBy,
    published_by: update.publishedBy,
    override_reason: update.overrideReason,
    x_post_id: update.xPostId,
    created_at: update.createdAt,
    updated_at: update.updatedAt,
    approved_at: update.approvedAt,
    published_at: update.publishedAt,
    revision: update.revision,
  };
}

export function incidentDetailJson(detail: IncidentDetail): z.infer<typeof IncidentDetailSchema> {
  return { ...incidentJson(detail), updates: detail.updates.map(updateJson) };
}

/** An update's content as the domain takes it, from the API's snake_case body (fields left out stay undefined). */
export function updateContentFromJson(body: z.infer<typeof DraftUpdateSchema>): UpdateContent;
export function updateContentFromJson(body: Partial<z.infer<typeof DraftUpdateSchema>>): Partial<UpdateContent>;
export function updateContentFromJson(body: Partial<z.infer<typeof DraftUpdateSchema>>): Partial<UpdateContent> {
  return {
    status: body.status,
    body: body.body,
    bodySw: body.body_sw,
    xText: body.x_text,
    components: body.components,
    expectedRestoration: body.expected_restoration,
  };
}
