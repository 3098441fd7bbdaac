import type { Database } from '../../db/client';
import {
  appointments,
  components,
  incidentComponents,
  incidents,
  incidentUpdates,
  offices,
  officeOverrides,
  type AppointmentService,
  type ComponentStatus,
  type WeeklyCapacity,
} from '../../db/schema/index';

/** Test data written straight through Drizzle, so these tests don't depend on the incidents API. */
export const weekdays = (n: number): WeeklyCapacity => [n, n, n, n, n, 0, 0];

export async function addOffice(
  db: Database,
  code: string,
  capacity: { application: WeeklyCapacity; collection: WeeklyCapacity },
  overrides: { date: string; service: AppointmentService; capacity: number }[] = [],
): Promise<void> {
  await db.insert(offices).values({ code, name: `Office ${code}`, applicationCapacity: capacity.application, collectionCapacity: capacity.collection });
  for (const override of overrides) await db.insert(officeOverrides).values({ officeCode: code, ...override });
}

export async function addAppointments(
  db: Database,
  rows: { reference: string; office: string; service: AppointmentService; date: string }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db.insert(appointments).values(
      rows.slice(i, i + 500).map((row) => ({
        reference: row.reference,
        fullName: `Applicant ${row.reference}`,
        email: `${row.reference.toLowerCase()}@example.org`,
        language: 'en' as const,
        service: row.service,
        officeCode: row.office,
        appointmentDate: row.date,
      })),
    );
  }
}

export type IncidentSetup = {
  id: string;
  disruptionFrom: string;
  expectedRestoration: string | null;
  /** Components the incident marks, by service and office (null = all offices). */
  disrupts: { service: AppointmentService; office: string | null; status?: ComponentStatus }[];
  published?: boolean;
};

/** An incident with its components, either published (incident_components) or as a draft update only. */
export async function addIncident(db: Database, setup: IncidentSetup): Promise<void> {
  const published = setup.published ?? true;
  await db.insert(incidents).values({
    id: setup.id,
    name: `Outage ${setup.id}`,
    status: 'identified',
    impact: 'major',
    disruptionFrom: setup.disruptionFrom,
    expectedRestoration: published ? setup.expectedRestoration : null,
    publishedAt: published ? '2026-05-01T06:00:00.000Z' : null,
  });
  const changes: Record<string, ComponentStatus> = {};
  for (const [i, target] of setup.disrupts.entries()) {
    const componentId = `${setup.id}-c${i}`;
    await db.insert(components).values({ id: componentId, name: `Component ${componentId}`, service: target.service, officeCode: target.office });
    const status = target.status ?? 'major_outage';
    if (published) await db.insert(incidentComponents).values({ incidentId: setup.id, componentId, status });
    changes[componentId] = status;
  }
  await db.insert(incidentUpdates).values({
    id: `${setup.id}-u1`,
    incidentId: setup.id,
    state: published ? 'published' : 'draft',
    status: 'identified',
    body: 'Systems are down.',
    components: changes,
    expectedRestoration: setup.expectedRestoration,
  });
}
