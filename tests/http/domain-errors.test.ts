import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { badRequest, conflict, DomainError, forbidden, notFound, revisionRequired } from '../../api/domain-errors';
import { createTestContext, type TestContext } from '../support/test-context';

const api = fileURLToPath(new URL('../../api/', import.meta.url));
/** Folders of domain code: they decide and refuse in their own words, and never speak HTTP. */
const domainFolders = ['appointments', 'audit', 'broadcast', 'components', 'incidents', 'offices', 'status', 'text'];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(folder, name));
}

describe('domain errors', () => {
  it('are what domain code throws: no domain module imports the HTTP layer, Hono or problem+json', () => {
    const files = [...domainFolders.flatMap((folder) => sourceFiles(join(api, folder))), join(api, 'auth/manage-tokens.ts')];
    const offenders = files.filter((file) => /from '(?:hono|@hono\/[^']+|[^']*\/http\/[^']*)'/.test(readFileSync(file, 'utf8')));
    expect(offenders.map((file) => file.slice(api.length))).toEqual([]);
  });

  describe('answered by the app', () => {
    let t: TestContext;
    beforeEach(async () => {
      t = await createTestContext();
    });
    afterEach(() => t.close());

    const cases: [string, DomainError, object][] = [
      ['invalid', badRequest('name: The name cannot be empty.', [{ field: 'name', message: 'The name cannot be empty.' }]), {
        title: 'Bad Request', status: 400, detail: 'name: The name cannot be empty.', errors: [{ field: 'name', message: 'The name cannot be empty.' }],
      }],
      ['forbidden', forbidden('Ask another publisher.'), { title: 'Forbidden', status: 403, detail: 'Ask another publisher.' }],
      ['not_found', notFound('office', 'KSM'), { title: 'Not Found', status: 404, detail: 'No office with id "KSM".' }],
      ['conflict', conflict('It changed.', { current_revision: 'abc' }), { title: 'Conflict', status: 409, detail: 'It changed.', current_revision: 'abc' }],
      ['revision_required', revisionRequired('Name the revision.'), { title: 'Precondition Required', status: 428, detail: 'Name the revision.' }],
    ];
    it.each(cases)('%s as problem+json with its status, title, detail and extensions', async (_kind, error, body) => {
      t.app.get('/throws', () => {
        throw error;
      });
      const response = await t.app.request('/throws');
      expect(response.status).toBe((body as { status: number }).status);
      expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
      expect(await response.json()).toStrictEqual(body);
    });
  });
});
