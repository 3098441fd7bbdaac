import { afterEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../support/test-context';

const megabyte = 1_048_576;

/**
 * A body of `total` bytes (or endless) made as it is read, counting what the server pulled: a
 * limit that cuts the stream pulls little more than the limit.
 */
function countedBody(total = Number.POSITIVE_INFINITY, chunkBytes = 64 * 1024) {
  const pulled = { bytes: 0 };
  const chunk = new TextEncoder().encode('x'.repeat(chunkBytes));
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const size = Math.min(chunk.length, total - pulled.bytes);
      if (size <= 0) return controller.close();
      pulled.bytes += size;
      controller.enqueue(size === chunk.length ? chunk : chunk.subarray(0, size));
    },
  });
  return { stream, pulled };
}

async function post(t: TestContext, path: string, body: BodyInit, headers: Record<string, string>) {
  const init = { method: 'POST', body, headers: { Authorization: `Bearer ${t.tokens.admin}`, ...headers }, duplex: 'half' } as RequestInit;
  return t.app.request(path, init);
}

describe('request body limits', () => {
  let t: TestContext;
  afterEach(() => t.close());

  it('answers a JSON body of 1 MB and 1 byte with 413 problem+json naming the limit', async () => {
    t = await createTestContext();
    const response = await post(t, '/api/v1/incidents', 'x'.repeat(megabyte + 1), { 'Content-Type': 'application/json' });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 413, title: 'Content Too Large', detail: expect.stringContaining('1 MB') });

    // At the limit the body is read (and found not to be JSON).
    const atLimit = await post(t, '/api/v1/incidents', 'x'.repeat(megabyte), { 'Content-Type': 'application/json' });
    expect(atLimit.status).toBe(400);
  });

  it('cuts a chunked JSON body without Content-Length soon after 1 MB instead of reading it all', async () => {
    t = await createTestContext();
    const { stream, pulled } = countedBody();
    const response = await post(t, '/api/v1/incidents', stream, { 'Content-Type': 'application/json' });
    expect(response.status).toBe(413);
    expect(pulled.bytes).toBeGreaterThan(megabyte);
    expect(pulled.bytes).toBeLessThan(2 * megabyte);
  });

  it('gives the CSV import its own larger limit, IMPORT_MAX_BYTES', async () => {
    t = await createTestContext({ IMPORT_MAX_BYTES: String(3 * megabyte) });
    const header = 'reference,full_name,email,language,service,office,appointment_date\n';
    // 2 MB of CSV passes the limit (and fails on its rows, not its size).
    const rows = 'NYH-1,Amina Ali,amina@example.com,sw,application,NOSUCH,2026-06-02\n'.repeat(Math.ceil((2 * megabyte) / 66));
    const accepted = await post(t, '/api/v1/appointments/import', header + rows, { 'Content-Type': 'text/csv' });
    expect(accepted.status).not.toBe(413);

    const declared = await post(t, '/api/v1/appointments/import', 'x'.repeat(3 * megabyte + 1), { 'Content-Type': 'text/csv' });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ title: 'Content Too Large', detail: expect.stringContaining('3 MB') });

    const { stream, pulled } = countedBody();
    const chunked = await post(t, '/api/v1/appointments/import', stream, { 'Content-Type': 'text/csv' });
    expect(chunked.status).toBe(413);
    expect(chunked.headers.get('content-type')).toContain('application/problem+json');
    expect(pulled.bytes).toBeLessThan(4 * megabyte);
  });

  it('does not buffer an anonymous chunked upload to the import before authentication', async () => {
    t = await createTestContext();
    const { stream, pulled } = countedBody();
    const response = await t.app.request('/api/v1/appointments/import', { method: 'POST', body: stream, headers: { 'Content-Type': 'text/csv' }, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(401);
    expect(pulled.bytes).toBeLessThan(megabyte);
  });
});
