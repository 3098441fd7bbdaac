import type { Database } from '../../db/client';
import { insertComponent, insertGroup, insertIncident } from './insert-published-data';

/** Texts that exist only in unpublished rows: none may appear in any public file. */
export const secretTexts = {
  draftUpdate: 'DRAFT-ONLY-9f3c: printers fixed, do not announce yet',
  unpublishedIncidentName: 'UNPUBLISHED-INCIDENT-71ab',
  unpublishedBody: 'UNPUBLISHED-BODY-5d2e',
  approvedUpdate: 'APPROVED-NOT-PUBLISHED-44c1',
};

/**
 * The passport outage as the public should see it: Nyayo House application receiving down with an
 * announced restoration date, a resolved incident in the past, planned and running maintenance,
 * plus drafts and a never-published incident that must stay invisible.
 */
export async function insertDemoScenario(db: Database): Promise<void> {
  await insertGroup(db, { id: 'grp-nyh', name: 'Nyayo House, Nairobi', position: 1 });
  await insertGroup(db, { id: 'grp-msa', name: 'Mombasa', position: 2 });
  await insertComponent(db, { id: 'cmp-nyh-app', name: 'Passport application receiving', groupId: 'grp-nyh', position: 1 });
  await insertComponent(db, { id: 'cmp-nyh-col', name: 'Passport collection', groupId: 'grp-nyh', position: 2 });
  await insertComponent(db, { id: 'cmp-msa-app', name: 'Mombasa passport application receiving', groupId: 'grp-msa', position: 1 });
  await insertComponent(db, { id: 'cmp-online', name: 'eCitizen online payments', position: 9 });

  await insertIncident(db, {
    id: 'inc-outage',
    name: 'Passport system outage at Nyayo House',
    status: 'identified',
    impact: 'critical',
    expectedRestoration: '2026-11-30',
    affected: { 'cmp-nyh-app': 'major_outage' },
    updates: [
      { id: 'upd-1', status: 'investigating', body: 'We cannot receive passport applications at Nyayo House today.', components: { 'cmp-nyh-app': 'major_outage' }, at: '2026-11-24T05:30:00.000Z' },
      {
        id: 'upd-2',
        status: 'identified',
        body: 'The passport printing system failed. We apologise to everyone affected; booked applicants will be given a new date by email.',
        bodySw: 'Mfumo wa kuchapisha pasipoti umeharibika. Tunaomba radhi; waliopanga miadi watapewa tarehe mpya kwa barua pepe.',
        at: '2026-11-24T09:15:00.000Z',
      },
      { id: 'upd-3', state: 'draft', status: 'resolved', body: secretTexts.draftUpdate, at: '2026-11-24T11:00:00.000Z' },
      { id: 'upd-4', state: 'approved', status: 'monitoring', body: secretTexts.approvedUpdate, at: '2026-11-24T10:00:00.000Z' },
    ],
  });
  await insertIncident(db, {
    id: 'inc-hidden',
    name: secretTexts.unpublishedIncidentName,
    status: 'investigating',
    published: false,
    affected: { 'cmp-nyh-col': 'major_outage' },
    updates: [{ id: 'upd-hidden', status: 'investigating', body: secretTexts.unpublishedBody, at: '2026-11-24T07:00:00.000Z' }],
  });
  await insertIncident(db, {
    id: 'inc-old',
    name: 'Slow collection at Mombasa',
    status: 'resolved',
    impact: 'minor',
    affected: { 'cmp-msa-app': 'degraded_performance' },
    updates: [
      { id: 'upd-old-1', status: 'investigating', body: 'Collection is slow at Mombasa.', components: { 'cmp-msa-app': 'degraded_performance' }, at: '2026-10-01T06:00:00.000Z' },
      { id: 'upd-old-2', status: 'resolved', body: 'Collection at Mombasa is back to normal.', components: { 'cmp-msa-app': 'operational' }, at: '2026-10-01T09:00:00.000Z' },
    ],
  });
  await insertIncident(db, {
    id: 'mnt-planned',
    kind: 'maintenance',
    name: 'Planned upgrade of the payment gateway',
    status: 'scheduled',
    impact: 'minor',
    scheduledFor: '2026-12-05T18:00:00.000Z',
    scheduledUntil: '2026-12-05T22:00:00.000Z',
    affected: { 'cmp-online': 'under_maintenance' },
    updates: [{ id: 'upd-mnt-1', status: 'scheduled', body: 'Online payments will pause during the upgrade.', at: '2026-11-20T08:00:00.000Z' }],
  });
}
