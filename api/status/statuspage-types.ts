import type { ComponentStatus, IncidentImpact, IncidentStatus } from '../../db/schema/constants';
import type { PageIndicator } from './page-status';

// Atlassian Statuspage's public v2 API shapes, field for field (snake_case, ISO 8601 times,
// null where Statuspage answers null).

export type StatuspagePage = { id: string; name: string; url: string; time_zone: string; updated_at: string };

export type StatuspageStatus = { indicator: PageIndicator; description: string };

export type StatuspageComponent = {
  id: string;
  page_id: string;
  group_id: string | null;
  group: boolean;
  name: string;
  description: string | null;
  status: ComponentStatus;
  position: number;
  showcase: boolean;
  only_show_if_degraded: boolean;
  start_date: string | null;
  created_at: string;
  updated_at: string;
  /** Only on groups: the ids of their components. */
  components?: string[];
};

export type StatuspageAffectedComponent = { code: string; name: string; old_status: ComponentStatus; new_status: ComponentStatus };

export type StatuspageIncidentUpdate = {
  id: string;
  incident_id: string;
  status: IncidentStatus;
  body: string;
  created_at: string;
  updated_at: string;
  display_at: string;
  affected_components: StatuspageAffectedComponent[] | null;
};

export type StatuspageIncident = {
  id: string;
  page_id: string;
  name: string;
  status: IncidentStatus;
  impact: IncidentImpact;
  created_at: string;
  updated_at: string;
  started_at: string;
  monitoring_at: string | null;
  resolved_at: string | null;
  shortlink: string;
  /** The postmortem as staff wrote it (Markdown), and when it was published; null: none. */
  postmortem_body: string | null;
  postmortem_published_at: string | null;
  /** Newest first. */
  incident_updates: StatuspageIncidentUpdate[];
  components: StatuspageComponent[];
};

export type StatuspageMaintenance = StatuspageIncident & { scheduled_for: string | null; scheduled_until: string | null };

export type StatuspageDocuments = {
  'summary.json': {
    page: StatuspagePage;
    components: StatuspageComponent[];
    incidents: StatuspageIncident[];
    scheduled_maintenances: StatuspageMaintenance[];
    status: StatuspageStatus;
  };
  'status.json': { page: StatuspagePage; status: StatuspageStatus };
  'components.json': { page: StatuspagePage; components: StatuspageComponent[] };
  'incidents.json': { page: StatuspagePage; incidents: StatuspageIncident[] };
  'incidents/unresolved.json': { page: StatuspagePage; incidents: StatuspageIncident[] };
  'scheduled-maintenances.json': { page: StatuspagePage; scheduled_maintenances: StatuspageMaintenance[] };
  'scheduled-maintenances/upcoming.json': { page: StatuspagePage; scheduled_maintenances: StatuspageMaintenance[] };
  'scheduled-maintenances/active.json': { page: StatuspagePage; scheduled_maintenances: StatuspageMaintenance[] };
};
