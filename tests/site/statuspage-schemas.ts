import { z } from 'zod';

// Statuspage's public v2 shapes as its documentation gives them, written independently of
// api/status so the test checks the output against the contract, not against itself. Strict:
// a missing, extra, renamed or mistyped field fails.

const isoInstant = z.iso.datetime({ offset: true });
const componentStatus = z.enum(['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance']);
const incidentStatus = z.enum(['investigating', 'identified', 'monitoring', 'resolved', 'postmortem']);
const maintenanceStatus = z.enum(['scheduled', 'in_progress', 'verifying', 'completed']);

export const page = z.strictObject({ id: z.string(), name: z.string(), url: z.url(), time_zone: z.literal('Africa/Nairobi'), updated_at: isoInstant });
export const status = z.strictObject({
  indicator: z.enum(['none', 'minor', 'major', 'critical', 'maintenance']),
  description: z.string().min(1),
});

export const component = z.strictObject({
  id: z.string(),
  page_id: z.string(),
  group_id: z.string().nullable(),
  group: z.boolean(),
  name: z.string(),
  description: z.string().nullable(),
  status: componentStatus,
  position: z.number().int(),
  showcase: z.boolean(),
  only_show_if_degraded: z.boolean(),
  start_date: z.iso.date().nullable(),
  created_at: isoInstant,
  updated_at: isoInstant,
  components: z.array(z.string()).optional(),
});

const update = (statuses: z.ZodType) =>
  z.strictObject({
    id: z.string(),
    incident_id: z.string(),
    status: statuses,
    body: z.string(),
    created_at: isoInstant,
    updated_at: isoInstant,
    display_at: isoInstant,
    affected_components: z
      .array(z.strictObject({ code: z.string(), name: z.string(), old_status: componentStatus, new_status: componentStatus }))
      .nullable(),
  });

const incidentFields = (statuses: z.ZodType) => ({
  id: z.string(),
  page_id: z.string(),
  name: z.string(),
  status: statuses,
  impact: z.enum(['none', 'minor', 'major', 'critical']),
  created_at: isoInstant,
  updated_at: isoInstant,
  started_at: isoInstant,
  monitoring_at: isoInstant.nullable(),
  resolved_at: isoInstant.nullable(),
  shortlink: z.url(),
  postmortem_body: z.string().nullable(),
  postmortem_published_at: isoInstant.nullable(),
  incident_updates: z.array(update(statuses)),
  components: z.array(component),
});

export const incident = z.strictObject(incidentFields(incidentStatus));
export const maintenance = z.strictObject({
  ...incidentFields(maintenanceStatus),
  scheduled_for: isoInstant.nullable(),
  scheduled_until: isoInstant.nullable(),
});

export const documents = {
  'summary.json': z.strictObject({
    page,
    components: z.array(component),
    incidents: z.array(incident),
    scheduled_maintenances: z.array(maintenance),
    status,
  }),
  'status.json': z.strictObject({ page, status }),
  'components.json': z.strictObject({ page, components: z.array(component) }),
  'incidents.json': z.strictObject({ page, incidents: z.array(incident).max(50) }),
  'incidents/unresolved.json': z.strictObject({ page, incidents: z.array(incident) }),
  'scheduled-maintenances.json': z.strictObject({ page, scheduled_maintenances: z.array(maintenance).max(50) }),
  'scheduled-maintenances/upcoming.json': z.strictObject({ page, scheduled_maintenances: z.array(maintenance) }),
  'scheduled-maintenances/active.json': z.strictObject({ page, scheduled_maintenances: z.array(maintenance) }),
};
