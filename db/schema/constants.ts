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

/**
 * Staff roles, for people and their API tokens alike. `integration` is the booking system's
 * read-only account: it reads appointment changes and nothing else.
 */
export const tokenRoles = ['drafter', 'publisher', 'admin', 'integration'] as const;
export type TokenRole = (typeof tokenRoles)[number];
export const staffRoles = tokenRoles;
export type StaffRole = TokenRole;

/** What a template fills the draft form with. */
export const templateKinds = ['outage', 'restored', 'delayed', 'maintenance'] as const;
export type TemplateKind = (typeof templateKinds)[number];

export const appointmentServices = ['application', 'collection'] as const;
export type AppointmentService = (typeof appointmentServices)[number];

export const appointmentLanguages = ['en', 'sw'] as const;
export type AppointmentLanguage = (typeof appointmentLanguages)[number];

export const appointmentStatuses = ['booked', 'rescheduled', 'cancelled'] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

/** `booking_webhook`: a change of an appointment, sent to the department's booking system. */
export const deliveryChannels = ['x', 'applicant_email', 'subscriber_email', 'webhook', 'booking_webhook'] as const;
export type DeliveryChannel = (typeof deliveryChannels)[number];

/** pending: asked, not yet confirmed by the link in their email; only confirmed ones are notified. */
export const subscriberStates = ['pending', 'confirmed', 'unsubscribed'] as const;
export type SubscriberState = (typeof subscriberStates)[number];

/** pending: a public registration whose URL has not yet echoed the challenge. */
export const webhookStates = ['pending', 'active', 'disabled'] as const;
export type WebhookState = (typeof webhookStates)[number];
export const webhookSources = ['staff', 'public'] as const;
export type WebhookSource = (typeof webhookSources)[number];

/** `superseded`: an applicant email replaced, before it was ever sent, by the email of a later move. */
export const deliveryStates = ['pending', 'sending', 'sent', 'failed', 'dead', 'dry_run', 'superseded'] as const;
export type DeliveryState = (typeof deliveryStates)[number];

/** What an applicant did about their new date (api/applicants/). */
export const applicantActionKinds = ['opened_link', 'looked_up', 'chose_date'] as const;
export type ApplicantActionKind = (typeof applicantActionKinds)[number];

/** Why an office day has the capacity it has (a date override wins over everything else). */
export const dayCapacitySources = ['override', 'weekday', 'weekend', 'holiday'] as const;
export type DayCapacitySource = (typeof dayCapacitySources)[number];
