// Enumerations shared by the schema, the API validation and the site; importable without Drizzle.
export const componentStatuses = [
  'operational',
  'degraded_performance',
  'partial_outage',
  'major_outage',
  'under_maintenance',
] as const;
export type ComponentStatus = (typeof componentStatuses)[number];

/** Component statuses that make an appointment at that service/office "affected". */
export const disruptiveComponentStatuses = ['partial_outage', 'major_outage', 'under_maintenance'] as const;

export const incidentKinds = ['incident', 'maintenance'] as const;
export type IncidentKind = (typeof incidentKinds)[number];

export const incidentImpacts = ['none', 'minor', 'major', 'critical'] as const;
export type IncidentImpact = (typeof incidentImpacts)[number];

export const incidentStatuses = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export const maintenanceStatuses = ['scheduled', 'in_progress', 'verifying', 'completed'] as const;
export const allIncidentStatuses = [...incidentStatuses, ...maintenanceStatuses] as const;
export type IncidentStatus = (typeof allIncidentStatuses)[number];
/** Statuses after which an incident no longer affects the page. */
export const closedIncidentStatuses = ['resolved', 'completed'] as const;

export const updateStates = ['draft', 'approved', 'published'] as const;
export type UpdateState = (typeof updateStates)[number];

export const tokenRoles = ['drafter', 'publisher', 'admin'] as const;
export type TokenRole = (typeof tokenRoles)[number];

export const appointmentServices = ['application', 'collection'] as const;
export type AppointmentService = (typeof appointmentServices)[number];

export const appointmentLanguages = ['en', 'sw'] as const;
export type AppointmentLanguage = (typeof appointmentLanguages)[number];

export const appointmentStatuses = ['booked', 'rescheduled', 'cancelled'] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

export const deliveryChannels = ['x', 'applicant_email', 'subscriber_email', 'webhook'] as const;
export type DeliveryChannel = (typeof deliveryChannels)[number];

/** `superseded`: an applicant email replaced, before it was ever sent, by the email of a later move. */
export const deliveryStates = ['pending', 'sending', 'sent', 'failed', 'dead', 'dry_run', 'superseded'] as const;
export type DeliveryState = (typeof deliveryStates)[number];

/** Why an office day has the capacity it has (a date override wins over everything else). */
export const dayCapacitySources = ['override', 'weekday', 'weekend', 'holiday'] as const;
export type DayCapacitySource = (typeof dayCapacitySources)[number];
