import type { ComponentGroupRow, ComponentRow, IncidentComponentRow, IncidentRow, IncidentUpdateRow } from '../../db/schema/index';

/** The columns the public model is made from; staff names and draft-only fields stay out. */
export type PublishedRows = {
  components: ComponentRow[];
  groups: ComponentGroupRow[];
  incidents: Pick<
    IncidentRow,
    | 'id' | 'kind' | 'name' | 'nameSw' | 'status' | 'impact' | 'disruptionFrom' | 'expectedRestoration' | 'scheduledFor' | 'scheduledUntil'
    | 'postmortem' | 'postmortemPublishedAt' | 'publishedAt' | 'startedAt' | 'monitoringAt' | 'resolvedAt'
  >[];
  incidentComponents: IncidentComponentRow[];
  /** Only published updates count; others are skipped. */
  updates: Pick<IncidentUpdateRow, 'id' | 'incidentId' | 'state' | 'status' | 'body' | 'bodySw' | 'components' | 'publishedAt'>[];
};
