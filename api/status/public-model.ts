import type { AppointmentService, ComponentStatus, IncidentImpact, IncidentKind, IncidentStatus } from '../../db/schema/constants';
import type { PageStatus } from './page-status';

// The published read model: everything the public site, feeds and JSON are made from, and
// nothing else (no drafts, no staff names, no appointments). Times are ISO 8601 instants.

export type PublicUpdate = {
  id: string;
  incidentId: string;
  status: IncidentStatus;
  body: string;
  bodySw: string | null;
  /** Component statuses this update set. */
  components: Record<string, ComponentStatus>;
  publishedAt: string;
};

export type PublicIncident = {
  id: string;
  kind: IncidentKind;
  name: string;
  /** Swahili name for the Swahili pages; null: they show `name`. */
  nameSw: string | null;
  status: IncidentStatus;
  impact: IncidentImpact;
  /** YYYY-MM-DD dates in Africa/Nairobi. */
  disruptionFrom: string | null;
  expectedRestoration: string | null;
  scheduledFor: string | null;
  scheduledUntil: string | null;
  postmortem: string | null;
  /** When the postmortem was last saved (null: none). */
  postmortemPublishedAt: string | null;
  publishedAt: string;
  startedAt: string | null;
  monitoringAt: string | null;
  resolvedAt: string | null;
  /** When the public last saw it change: its latest published update or resolution. */
  updatedAt: string;
  open: boolean;
  affected: { componentId: string; status: ComponentStatus }[];
  /** Published updates only, oldest first. */
  updates: PublicUpdate[];
};

export type PublicComponent = {
  id: string;
  name: string;
  nameSw: string | null;
  description: string | null;
  groupId: string | null;
  position: number;
  /** What staff set on the component itself. */
  ownStatus: ComponentStatus;
  /** What the public sees: own status worsened by open incidents. */
  status: ComponentStatus;
  showcase: boolean;
  onlyShowIfDegraded: boolean;
  /** Which appointments it serves (null: none); the home page lays outages out as offices × services. */
  service: AppointmentService | null;
  startDate: string | null;
  createdAt: string;
  updatedAt: string;
};

export type PublicGroup = {
  id: string;
  name: string;
  nameSw: string | null;
  description: string | null;
  position: number;
  /** The worst shown status among its components. */
  status: ComponentStatus;
  componentIds: string[];
  createdAt: string;
  updatedAt: string;
};

export type PublishedData = {
  components: PublicComponent[];
  groups: PublicGroup[];
  /** Published incidents and maintenances, oldest first (by first publication, then id). */
  incidents: PublicIncident[];
  status: PageStatus;
  /** The latest change anywhere on the page. */
  updatedAt: string;
};
