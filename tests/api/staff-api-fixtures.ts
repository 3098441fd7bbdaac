import { expect } from 'vitest';
import type { TestContext } from '../support/test-context';

/** Reads a JSON response after checking its status, so a failing test shows the problem body. */
export async function expectJson<T = Record<string, any>>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  expect({ status: response.status, body: text }).toMatchObject({ status });
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The field names a problem+json validation answer lists. */
export async function problemFields(response: Response): Promise<string[]> {
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  const problem = (await response.json()) as { errors?: { field: string }[] };
  return (problem.errors ?? []).map((error) => error.field);
}

export async function addComponent(t: TestContext, body: Record<string, unknown> = {}) {
  const response = await t.request('POST', '/api/v1/components', {
    token: t.tokens.publisher,
    json: { name: 'Passport application receiving — Nyayo House', service: 'application', ...body },
  });
  return expectJson(response, 201);
}

/** The passport outage notice as a drafter would write it. */
export function outageDraft(components: Record<string, string> = {}, extra: Record<string, unknown> = {}) {
  return {
    name: 'Passport services unavailable at all offices',
    impact: 'critical',
    status: 'investigating',
    body: 'Passport application and collection services are unavailable because of a system failure. We apologise to everyone affected.',
    body_sw: 'Huduma za pasipoti hazipatikani kwa sababu ya hitilafu ya mfumo. Tunaomba radhi.',
    components,
    disruption_from: '2026-11-24',
    ...extra,
  };
}

export async function draftIncident(t: TestContext, body: Record<string, unknown>, token = t.tokens.drafter) {
  return expectJson(await t.request('POST', '/api/v1/incidents', { token, json: body }), 201);
}

/** The revision of the incident's pending update (what a publish would release), or null when nothing is pending. */
export async function currentRevision(t: TestContext, incidentId: string): Promise<string | null> {
  const response = await t.request('GET', `/api/v1/incidents/${incidentId}`, { token: t.tokens.drafter });
  if (response.status !== 200) return null;
  const detail = (await response.json()) as { updates: { state: string; revision: string | null }[] };
  return detail.updates.find((update) => update.state !== 'published')?.revision ?? null;
}

/** Publishes as a reviewer who read the current content: names its revision unless `json` names one. */
export async function publish(t: TestContext, incidentId: string, token: string, json?: Record<string, unknown>) {
  const revision = await currentRevision(t, incidentId);
  return t.request('POST', `/api/v1/incidents/${incidentId}/publish`, { token, json: { ...(revision ? { revision } : {}), ...json } });
}

/** Approves as a reviewer who read the current content: names its revision unless `json` names one. */
export async function approve(t: TestContext, incidentId: string, updateId: string, token: string, json?: Record<string, unknown>) {
  const revision = await currentRevision(t, incidentId);
  return t.request('POST', `/api/v1/incidents/${incidentId}/updates/${updateId}/approve`, { token, json: { ...(revision ? { revision } : {}), ...json } });
}

/** The id of the token a secret belongs to, as the admin sees it. */
export async function tokenIdOf(t: TestContext, name: string): Promise<string> {
  const list = await expectJson(await t.request('GET', '/api/v1/tokens', { token: t.tokens.admin }), 200);
  const token = list.items.find((item: { name: string }) => item.name === name);
  expect(token, `token named ${name}`).toBeDefined();
  return token.id;
}

/** The id of the account a token acts for: what drafted_by, approved_by and published_by name. */
export async function userIdOf(t: TestContext, name: string): Promise<string> {
  const list = await expectJson(await t.request('GET', '/api/v1/tokens', { token: t.tokens.admin }), 200);
  const token = list.items.find((item: { name: string }) => item.name === name);
  expect(token, `token named ${name}`).toBeDefined();
  return token.user_id;
}
