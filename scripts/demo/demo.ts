import { count } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { componentGroups, components, incidents, type AppointmentService, type ComponentStatus } from '../../db/schema/index';
import { createIncident } from '../../api/incidents/create-incident';
import { draftUpdate } from '../../api/incidents/draft-update';
import { publishUpdate } from '../../api/incidents/publish-update';
import { pendingRevision } from '../../api/incidents/revision';
import { systemActor, type ActionContext } from '../../api/auth/actor';
import { newId } from '../../api/ids';
import { createOffice, updateOffice } from '../../api/offices/manage-offices';
import { addDays, isWeekend, nairobiDay } from '../../api/offices/nairobi-days';
import { kenyanPublicHoliday } from '../../api/offices/kenyan-public-holidays';
import { demoOffices } from './demo-offices';
import { outageIdentified, outageNotice, paymentIncident, printingMaintenance } from './demo-notices';
import { seedDemoAppointments } from './demo-appointments';
import { demoHistory, type DemoTarget } from './demo-history';

/** True when there is nothing to lose: no components and no incidents yet. */
export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const [{ value: componentCount }] = await db.select({ value: count() }).from(components);
  const [{ value: incidentCount }] = await db.select({ value: count() }).from(incidents);
  return componentCount === 0 && incidentCount === 0;
}

const serviceNames: Record<AppointmentService, { en: string; sw: string }> = {
  application: { en: 'Passport application receiving', sw: 'Kupokea maombi ya pasipoti' },
  collection: { en: 'Passport collection', sw: 'Kukabidhi pasipoti' },
};

/** The services have run since long before the 90 days of uptime the page shows. */
const inServiceDays = 365;

/** The n-th working day (not a weekend, not a Kenyan holiday) after `day`. */
function workingDayAfter(day: string, n: number): string {
  let current = day;
  for (let found = 0; found < n; ) {
    current = addDays(current, 1);
    if (!isWeekend(current) && kenyanPublicHoliday(current) === null) found += 1;
  }
  return current;
}

/**
 * The passport outage as it happened: both services down at Nyayo House and the regional
 * offices, the department's notice and apology, then the update that sets a restoration date
 * (which moves the affected appointments); an earlier resolved incident; an upcoming maintenance.
 * Dates are relative to `now`, so the demo always looks current.
 */
export async function seedDemo(db: Database, options: { now: Date }): Promise<{ incidentId: string; moved: number }> {
  const now = options.now;
  const today = nairobiDay(now);
  const script = (at: Date): ActionContext => ({ now: at, actor: systemActor });
  // The seed wrote every notice it publishes, so it names the revision pending now.
  const publishPending = async (incidentId: string, at: Date) =>
    publishUpdate(db, incidentId, { ...script(at), expectedRevision: await pendingRevision(db, incidentId) });
  const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

  const componentIds: Record<string, Record<AppointmentService, string>> = {};
  for (const [index, office] of demoOffices.entries()) {
    await createOffice(db, { code: office.code, name: office.name, address: office.address, capacity: { application: office.application, collection: office.collection } }, script(now));
    const groupId = newId();
    await db.insert(componentGroups).values({ id: groupId, name: office.name, nameSw: office.nameSw, position: index + 1 });
    componentIds[office.code] = { application: newId(), collection: newId() };
    for (const [position, service] of (['application', 'collection'] as const).entries()) {
      const place = office.name.replace(/ Regional Office$/, '');
      await db.insert(components).values({
        id: componentIds[office.code][service],
        name: `${serviceNames[service].en} — ${place}`,
        nameSw: `${serviceNames[service].sw} — ${place}`,
        startDate: addDays(today, -inServiceDays),
        groupId,
        position,
        service,
        officeCode: office.code,
      });
    }
  }
  // Once every office exists: an applicant of an office with a nearby one may choose a day there.
  for (const office of demoOffices) if (office.nearby) await updateOffice(db, office.code, { nearbyOffice: office.nearby }, script(now));
  const onlineGroup = newId();
  const eCitizenId = newId();
  const enquiriesId = newId();
  await db.insert(componentGroups).values({ id: onlineGroup, name: 'Online services', nameSw: 'Huduma za mtandaoni', position: 0 });
  await db.insert(components).values([
    {
      id: eCitizenId,
      name: 'eCitizen passport applications and payments',
      nameSw: 'Maombi na malipo ya pasipoti kupitia eCitizen',
      groupId: onlineGroup,
      position: 0,
      startDate: addDays(today, -inServiceDays),
    },
    {
      id: enquiriesId,
      name: 'Passport status enquiries (SMS and web)',
      nameSw: 'Kuuliza hali ya pasipoti (SMS na tovuti)',
      groupId: onlineGroup,
      position: 1,
      startDate: addDays(today, -inServiceDays),
    },
  ]);

  await seedDemoAppointments(db, { from: addDays(today, -5), to: addDays(today, 40) });

  // Ninety days of past trouble, for the uptime bars and the history.
  const targetId = (target: DemoTarget) =>
    target === 'ecitizen' ? eCitizenId : target === 'enquiries' ? enquiriesId : componentIds[target.office][target.service];
  for (const past of demoHistory) {
    const start = new Date(Date.parse(`${addDays(today, -past.daysAgo)}T00:00:00+03:00`) + past.startHour * 3_600_000);
    const end = new Date(start.getTime() + past.hours * 3_600_000);
    const affected = (status: ComponentStatus) => Object.fromEntries(past.targets.map((t) => [targetId(t), status]));
    const maintenance = past.kind === 'maintenance';
    const created = await createIncident(
      db,
      {
        name: past.name,
        nameSw: past.nameSw,
        kind: past.kind,
        impact: past.impact,
        status: maintenance ? 'in_progress' : 'investigating',
        body: past.body,
        bodySw: past.bodySw,
        components: affected(past.status),
        ...(maintenance ? { scheduledFor: start.toISOString(), scheduledUntil: end.toISOString() } : {}),
      },
      script(start),
    );
    await publishPending(created.incident.id, start);
    await draftUpdate(
      db,
      created.incident.id,
      { status: maintenance ? 'completed' : 'resolved', body: past.resolved, bodySw: past.resolvedSw, components: affected('operational') },
      script(end),
    );
    await publishPending(created.incident.id, end);
  }

  // An earlier incident, resolved, for the history page.
  const pastStart = hoursAgo(24 * 38);
  const payment = await createIncident(
    db,
    { name: paymentIncident.name, nameSw: paymentIncident.nameSw, impact: 'minor', ...paymentIncident.updates[0], components: { [eCitizenId]: 'degraded_performance' } },
    script(pastStart),
  );
  await publishPending(payment.incident.id, pastStart);
  for (const [step, update] of paymentIncident.updates.slice(1).entries()) {
    const at = new Date(pastStart.getTime() + (step + 1) * 3 * 3_600_000);
    const components: Record<string, ComponentStatus> = update.status === 'resolved' ? { [eCitizenId]: 'operational' } : { [eCitizenId]: 'degraded_performance' };
    await draftUpdate(db, payment.incident.id, { ...update, components }, script(at));
    await publishPending(payment.incident.id, at);
  }

  // The outage: every passport service at every office down from this morning.
  const down: Record<string, ComponentStatus> = {};
  for (const ids of Object.values(componentIds)) {
    down[ids.application] = 'major_outage';
    down[ids.collection] = 'major_outage';
  }
  const outage = await createIncident(
    db,
    { ...outageNotice, status: 'investigating', impact: 'critical', components: down, disruptionFrom: today },
    script(hoursAgo(3)),
  );
  await publishPending(outage.incident.id, hoursAgo(3));
  await draftUpdate(
    db,
    outage.incident.id,
    { ...outageIdentified, status: 'identified', components: down, expectedRestoration: workingDayAfter(today, 3) },
    script(hoursAgo(1)),
  );
  const { rescheduled } = await publishPending(outage.incident.id, hoursAgo(1));

  // Upcoming maintenance next Saturday morning, when offices are closed anyway.
  let saturday = addDays(today, 1);
  while (new Date(`${saturday}T00:00:00Z`).getUTCDay() !== 6) saturday = addDays(saturday, 1);
  const maintenance = await createIncident(
    db,
    {
      ...printingMaintenance,
      kind: 'maintenance',
      status: 'scheduled',
      impact: 'minor',
      components: { [componentIds.NYH.collection]: 'under_maintenance' },
      scheduledFor: `${addDays(saturday, 7)}T06:00:00+03:00`,
      scheduledUntil: `${addDays(saturday, 7)}T14:00:00+03:00`,
    },
    script(hoursAgo(2)),
  );
  await publishPending(maintenance.incident.id, hoursAgo(2));

  return { incidentId: outage.incident.id, moved: rescheduled.moved };
}
