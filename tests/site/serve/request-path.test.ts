import { describe, expect, it } from 'vitest';
import { builtFileOf, folderUrlOf, normaliseSitePath } from '../../../api/site/serve/request-path';

describe('normaliseSitePath', () => {
  it('gives every spelling of a file the same built file', () => {
    const spellings: [string, string][] = [
      ['/api/v2/summary.json', 'api/v2/summary.json'],
      ['/api/v2/%73ummary.json', 'api/v2/summary.json'],
      ['//api/v2/summary.json', 'api/v2/summary.json'],
      ['/./api/v2/summary.json', 'api/v2/summary.json'],
      ['/api/x/../v2//summary.json', 'api/v2/summary.json'],
      ['/api/%2e/v2/%2E%2E/v2/summary.json', 'api/v2/summary.json'],
      ['/', 'index.html'],
      ['//', 'index.html'],
      ['/index.html', 'index.html'],
      ['/history/', 'history/index.html'],
      ['/history/.', 'history/index.html'],
      ['/history/x/..', 'history/index.html'],
      ['/%68istory//', 'history/index.html'],
    ];
    for (const [raw, file] of spellings) {
      const path = normaliseSitePath(raw);
      expect(path, raw).not.toBeNull();
      expect(builtFileOf(path!), raw).toBe(file);
    }
  });

  it('refuses paths that could stand for another file, folder or host', () => {
    for (const raw of ['/..', '/../etc/passwd', '/a/../../b', '/%2e%2e/x', '/..%2fhistory', '/%2f%2fevil.example', '/%5cevil.example', '/\\evil.example', '/a%00.html', '/%E0%A4%A', '/%zz', 'evil.example/']) {
      expect(normaliseSitePath(raw), raw).toBeNull();
    }
  });

  it('builds folder URLs that start with exactly one slash', () => {
    expect(folderUrlOf(normaliseSitePath('//history')!)).toBe('/history/');
    expect(folderUrlOf(normaliseSitePath('///evil.example/../incidents/a b')!)).toBe('/incidents/a%20b/');
    expect(folderUrlOf(normaliseSitePath('/%3A%40evil')!)).toBe('/%3A%40evil/');
  });
});
