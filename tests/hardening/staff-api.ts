/** The staff API of a running server, as a script or the console would call it. */
export type StaffApi = (method: string, path: string, options?: { json?: unknown; csv?: string; token?: string }) => Promise<{ status: number; body: Record<string, unknown> }>;

export function staffApi(url: string, defaultToken: string): StaffApi {
  return async (method, path, options = {}) => {
    const headers: Record<string, string> = { Authorization: `Bearer ${options.token ?? defaultToken}` };
    let body: string | undefined;
    if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.csv !== undefined) {
      headers['Content-Type'] = 'text/csv';
      body = options.csv;
    }
    const response = await fetch(`${url}/api/v1${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: Record<string, unknown> = {};
    try {
      parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      parsed = { text };
    }
    return { status: response.status, body: parsed };
  };
}

type PendingUpdate = { id: string; state: string; revision?: string | null };

/**
 * Drafts a new incident over the whole outage window (drafter), and returns what a publisher
 * sends to publish it: the id and the revision of the pending update they reviewed.
 */
export async function draftOutage(
  api: StaffApi,
  tokens: { drafter: string; publisher: string },
  outage: { name: string; body: string; from: string; restoration: string; components: Record<string, string> },
): Promise<{ id: string; publishBody: Record<string, unknown> }> {
  const created = await api('POST', '/incidents', {
    token: tokens.drafter,
    json: {
      name: outage.name,
      impact: 'critical',
      status: 'identified',
      body: outage.body,
      disruption_from: outage.from,
      expected_restoration: outage.restoration,
      components: outage.components,
    },
  });
  if (created.status !== 201) throw new Error(`Creating the incident answered ${created.status}: ${JSON.stringify(created.body)}`);
  const id = String(created.body.id);
  return { id, publishBody: await publishBodyFor(api, tokens.publisher, id) };
}

/** `{ revision }` of the incident's pending update, as the publisher saw it (empty where the API has no revisions). */
export async function publishBodyFor(api: StaffApi, publisherToken: string, incidentId: string): Promise<Record<string, unknown>> {
  const detail = await api('GET', `/incidents/${incidentId}`, { token: publisherToken });
  const pending = (detail.body.updates as PendingUpdate[] | undefined)?.find((update) => update.state !== 'published');
  return pending?.revision ? { revision: pending.revision } : {};
}
