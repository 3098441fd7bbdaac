import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../support/test-context';
import { expectJson } from './staff-api-fixtures';

type OpenApiDocument = { paths: Record<string, Record<string, { security?: unknown; 'x-roles'?: string[]; responses: Record<string, { content?: Record<string, unknown> }> }>> };

/** Every operation the document lists, as "method /path": walked from the document, never a hand list. */
function operationsOf(document: OpenApiDocument): string[] {
  return Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method} ${path}`));
}

describe('API documentation', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
  });
  afterEach(() => t.close());

  it('documents every operation with bearer security, its roles and problem+json errors', async () => {
    const document = await expectJson(await t.request('GET', '/api/v1/openapi.json'), 200);
    const operations = operationsOf(document as OpenApiDocument);
    expect(operations).toEqual(expect.arrayContaining(['get /tokens', 'post /incidents/{id}/publish', 'post /appointments/import', 'get /site/status']));
    for (const entry of operations) {
      const [method, path] = entry.split(' ');
      const operation = document.paths[path][method];
      expect(operation.security, entry).toEqual([{ bearer: [] }]);
      expect(operation['x-roles'], entry).toEqual(expect.arrayContaining([expect.stringMatching(/^(drafter|publisher|admin)$/)]));
      for (const status of ['401', '403']) expect(operation.responses[status]?.content?.['application/problem+json'], `${entry} ${status}`).toBeDefined();
    }
    expect(document.components.securitySchemes.bearer).toEqual({ type: 'http', scheme: 'bearer' });
    const create = document.components.schemas.CreateIncident;
    expect(create.required).toEqual(expect.arrayContaining(['name', 'status', 'impact', 'body']));
    expect(Object.keys(create.properties)).toEqual(
      expect.arrayContaining(['kind', 'body_sw', 'x_text', 'components', 'disruption_from', 'expected_restoration', 'scheduled_for', 'scheduled_until']),
    );
  });

  it('serves a readable, script-free HTML reference made from the same document', async () => {
    const response = await t.request('GET', '/api/v1/reference');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await response.text();
    const operations = operationsOf(await expectJson(await t.request('GET', '/api/v1/openapi.json'), 200));
    expect(page).not.toMatch(/<script|<link|https?:\/\/(?!127\.0\.0\.1)[^"'\s<]*\.(js|css)/i);
    for (const entry of operations) {
      const [method, path] = entry.split(' ');
      expect(page, entry).toContain(`<code>${method.toUpperCase()} ${path}</code>`);
    }
    // Field names, enum values and descriptions from the schemas reach the page.
    expect(page).toContain('<code>override_reason</code>');
    expect(page).toContain('<code>under_maintenance</code>');
    expect(page).toContain('Africa/Nairobi');
    expect(page).toContain('id="schema-IncidentDetail"');
    // Extended schemas (OpenAPI allOf) show their merged fields, not an unknown type.
    const published = page.slice(page.indexOf('id="schema-PublishedIncident"'));
    expect(published.slice(0, published.indexOf('</section>'))).toMatch(/<code>rescheduled<\/code>[\s\S]*<code>moved<\/code>/);
    expect(page).not.toContain('<p>any</p>');
  });
});
