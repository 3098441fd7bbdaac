import type { TestContext } from '../support/test-context';
import type { KnownValues } from './schema-arbitrary';

const capacity = [300, 300, 300, 300, 250, 0, 0];

/** The few fields of the API's answers the seeding reads. */
type Answer = { id: string; updates?: { id: string; state: string; revision?: string | null }[]; items?: { id: string }[] };

async function call(t: TestContext, method: string, path: string, token: string, options: { json?: unknown; body?: string; headers?: Record<string, string> } = {}) {
  const response = await t.request(method, `/api/v1${path}`, { token, ...options });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`Seeding the hostile-input world: ${method} ${path} answered ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : {}) as Answer;
}

/** The revision a reviewer read, when the API has revisions (older versions ignore the field). */
async function pendingRevision(t: TestContext, incidentId: string): Promise<Record<string, string>> {
  const detail = await call(t, 'GET', `/incidents/${incidentId}`, t.tokens.publisher);
  const pending = (detail.updates ?? []).find((update) => update.state !== 'published');
  return pending?.revision ? { revision: pending.revision } : {};
}

/**
 * A small, realistic world for hostile requests to land in, made through the API: two offices,
 * a group of components, imported appointments, a published outage that moved some of them
 * (so deliveries exist), a second incident with a pending draft and a spare token. Returns the
 * stored values keyed by the parameter and field names that take them.
 */
export async function seedHostileWorld(t: TestContext): Promise<KnownValues> {
  // Each token's first use writes last_used_at; use them all now so that write never looks like
  // something a rejected request stored.
  // The integration role reads appointment changes only, so its first use is that read.
  for (const [role, token] of Object.entries(t.tokens)) await call(t, 'GET', role === 'integration' ? '/appointments/changes' : '/components', token);

  const offices = ['NYH', 'MSA'];
  for (const code of offices) {
    await call(t, 'POST', '/offices', t.tokens.publisher, { json: { code, name: `Office ${code}`, capacity: { application: capacity, collection: capacity } } });
  }
  const group = await call(t, 'POST', '/component-groups', t.tokens.publisher, { json: { name: 'Nyayo House, Nairobi' } });
  const components: string[] = [];
  for (const service of ['application', 'collection']) {
    const component = await call(t, 'POST', '/components', t.tokens.publisher, { json: { name: `Passport ${service} — Nyayo House`, service, office: 'NYH', group_id: group.id } });
    components.push(component.id);
  }

  const references = Array.from({ length: 12 }, (_, i) => `NYH-A-${String(i + 1).padStart(3, '0')}`);
  const days = ['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'];
  const csv = ['reference,full_name,email,language,service,office,appointment_date', ...references.map((reference, i) => `${reference},Applicant ${i},applicant${i}@example.com,${i % 2 ? 'sw' : 'en'},${i % 3 ? 'application' : 'collection'},NYH,${days[i % days.length]}`)].join('\n');
  await call(t, 'POST', '/appointments/import', t.tokens.publisher, { body: csv, headers: { 'Content-Type': 'text/csv' } });

  const outage = await call(t, 'POST', '/incidents', t.tokens.drafter, {
    json: {
      name: 'Passport services unavailable',
      impact: 'critical',
      status: 'identified',
      body: 'Passport services are unavailable because of a system failure. We apologise.',
      body_sw: 'Huduma za pasipoti hazipatikani. Tunaomba radhi.',
      components: { [components[0]]: 'major_outage', [components[1]]: 'major_outage' },
      disruption_from: '2026-11-24',
      expected_restoration: '2026-11-30',
    },
  });
  await call(t, 'POST', `/incidents/${outage.id}/publish`, t.tokens.publisher, { json: await pendingRevision(t, outage.id) });
  const pendingIncident = await call(t, 'POST', '/incidents', t.tokens.drafter, {
    json: { name: 'Collection delays', impact: 'minor', status: 'investigating', body: 'Collections are slow today.', components: { [components[1]]: 'degraded_performance' } },
  });
  const spareToken = await call(t, 'POST', '/tokens', t.tokens.admin, { json: { name: 'spare', role: 'drafter' } });
  const deliveries = await call(t, 'GET', '/deliveries', t.tokens.admin);
  const updateIds = [outage, pendingIncident].flatMap((incident) => (incident.updates ?? []).map((update) => update.id));

  const incidents = [outage.id, pendingIncident.id];
  const deliveryIds = (deliveries.items ?? []).map((delivery) => delivery.id);
  return {
    // Path parameters look under the collection they follow (`/incidents/{id}` → incidents)…
    incidents,
    components,
    'component-groups': [group.id],
    tokens: [spareToken.id],
    deliveries: deliveryIds.slice(0, 5),
    updates: updateIds,
    offices,
    appointments: references,
    // …and fields and other parameters under their own name.
    id: [...incidents, ...components, group.id, spareToken.id, ...deliveryIds.slice(0, 5)],
    update_id: updateIds,
    code: offices,
    office: offices,
    reference: references,
    group_id: [group.id],
    incident: incidents,
    incident_id: incidents,
    target_id: incidents,
  };
}
