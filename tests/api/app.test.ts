import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../support/test-context';

describe('the staff API shell', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
  });
  afterEach(() => t.close());

  it('serves the OpenAPI 3.1 document', async () => {
    const response = await t.request('GET', '/api/v1/openapi.json');
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string };
    expect(document.openapi).toBe('3.1.0');
  });

  it('answers unknown paths with problem+json', async () => {
    const response = await t.request('GET', '/api/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('requests the API cannot read', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
  });
  afterEach(() => t.close());

  it('answers broken JSON and the wrong media type with problem+json saying what to send', async () => {
    const broken = await t.request('POST', '/api/v1/incidents', { token: t.tokens.drafter, body: '{"name": ', headers: { 'Content-Type': 'application/json' } });
    expect(broken.status).toBe(400);
    expect(broken.headers.get('content-type')).toContain('application/problem+json');
    expect(await broken.json()).toMatchObject({ title: 'Bad Request', detail: expect.stringContaining('not valid JSON') });

    const form = await t.request('POST', '/api/v1/incidents', { token: t.tokens.drafter, body: 'name=x', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(415);
    expect(await form.json()).toMatchObject({ title: 'Unsupported Media Type', detail: expect.stringContaining('application/json') });
  });
});
