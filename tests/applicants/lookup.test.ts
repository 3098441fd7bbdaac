import { performance } from 'node:perf_hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../support/test-context';
import { movedByOutage, postForm } from './applicant-fixtures';

describe('looking up an appointment (POST /appointment/lookup)', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
    await movedByOutage(t);
  });
  afterEach(() => t.close());

  const lookup = (reference: string, email: string, language = 'en') => postForm(t, '/appointment/lookup', { reference, email, language });
  // What staff see: the count of applicants who looked their appointment up for the incident.
  const lookedUp = async () => ((await (await t.request('GET', '/api/v1/incidents/inc/applicant-actions', { token: t.tokens.publisher })).json()) as { applicants: { looked_up: number } }).applicants.looked_up;

  it('shows the date, office, address, what to bring, the links and each move in plain words, with the first name only and nothing cached', async () => {
    const response = await lookup(' R1 ', 'amina@example.ORG');
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(response.headers.get('Content-Type')).toMatch(/^text\/html/);
    const page = await response.text();
    expect(page).toContain('Hello Amina,');
    expect(page).not.toContain('Wanjiru');
    expect(page).not.toContain('Otieno');
    expect(page).not.toMatch(/example\.org/i);
    expect(page).toContain('Thursday, 4 June 2026');
    expect(page).toContain('Nyayo House');
    expect(page).toContain('Kenyatta Avenue, Nairobi');
    expect(page).toContain('your printed application form');
    expect(page).toContain('Moved from Tuesday, 2 June 2026 to Thursday, 4 June 2026 because of Outage inc.');
    expect(page).toMatch(/href="http:\/\/[^"]+\/calendar\/[A-Za-z0-9_-]+\.ics"/);
    expect(page).toMatch(/href="http:\/\/[^"]+\/appointment\/choose\/[A-Za-z0-9_-]+"/);
    expect(page).toContain('<link rel="stylesheet" href="/hali.css"');
    expect(await lookedUp()).toBe(1);
    await lookup('R1', 'amina@example.org');
    expect(await lookedUp()).toBe(1);
  });

  it('answers a Swahili form in Swahili', async () => {
    const page = await (await lookup('R1', 'amina@example.org', 'sw')).text();
    expect(page).toContain('<html lang="sw">');
    expect(page).toContain('Habari Amina,');
    expect(page).toContain('Ilihamishwa kutoka');
  });

  it('gives a wrong reference and a wrong email the same answer', async () => {
    const wrongReference = await lookup('R9', 'amina@example.org');
    const wrongEmail = await lookup('R1', 'someone@example.org');
    expect(wrongReference.status).toBe(404);
    expect(wrongEmail.status).toBe(wrongReference.status);
    expect(await wrongEmail.text()).toBe(await wrongReference.text());
    expect(wrongEmail.headers.get('Cache-Control')).toBe('no-store');
    expect(await lookedUp()).toBe(0);
  });

  it('takes no time that tells a wrong reference from a wrong email', async () => {
    // Loose on purpose: medians of many interleaved tries, within a factor far above noise but
    // far below what a skipped database read (or an early return) would show.
    const many = await createTestContext();
    const references = Array.from({ length: 40 }, (_, i) => `R${i + 1}`);
    await movedByOutage(many, { references });
    const times = { reference: [] as number[], email: [] as number[] };
    const time = async (kind: keyof typeof times, fields: Record<string, string>, i: number) => {
      const started = performance.now();
      // Each try from its own address and on its own reference, so no limit ever cuts one short.
      const response = await postForm(many, '/appointment/lookup', fields, `10.0.${i}.${kind === 'email' ? 1 : 2}`);
      expect(response.status).toBe(404);
      await response.text();
      times[kind].push(performance.now() - started);
    };
    for (let i = 0; i < 40; i++) {
      await time('reference', { reference: `NOPE${i}`, email: 'amina@example.org' }, i);
      await time('email', { reference: references[i], email: `wrong${i}@example.org` }, i);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const ratio = median(times.reference) / median(times.email);
    expect(ratio).toBeGreaterThan(1 / 3);
    expect(ratio).toBeLessThan(3);
    many.close();
  });

  it('limits failed tries per reference, then per address, with 429 and Retry-After', async () => {
    for (let i = 0; i < 5; i++) expect((await lookup('R1', `guess${i}@example.org`)).status).toBe(404);
    const limited = await lookup('R1', 'amina@example.org');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(limited.headers.get('Cache-Control')).toBe('no-store');
    // Another reference from the same address still works until the address has failed 30 times.
    expect((await lookup('R2', 'r2@example.org')).status).toBe(200);
    for (let i = 0; i < 25; i++) expect((await lookup(`X${i}`, 'x@example.org')).status).toBe(404);
    const byAddress = await lookup('R2', 'r2@example.org');
    expect(byAddress.status).toBe(429);
    t.now.value = new Date(t.now.value.getTime() + 16 * 60_000);
    expect((await lookup('R2', 'r2@example.org')).status).toBe(200);
  });

  it('refuses a form larger than a lookup', async () => {
    const response = await postForm(t, '/appointment/lookup', { reference: 'R1', email: 'a'.repeat(5_000) });
    expect(response.status).toBe(413);
  });
});
