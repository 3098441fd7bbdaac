import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../api/config';

const x = { X_APP_KEY: 'app-key', X_APP_SECRET: 'app-secret', X_ACCESS_TOKEN: 'access-token', X_ACCESS_SECRET: 'access-secret' };

/** The problem lines loadConfig refuses `env` with (one per problem, as `npm start` prints them). */
function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loading the configuration', () => {
  it('runs with nothing set: local defaults, X and email dry', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 4321, host: '127.0.0.1', publicUrl: 'http://127.0.0.1:4321', importMaxBytes: 64 * 1_048_576, runWorker: true });
    expect(config.x.credentials).toBeUndefined();
    expect(config.resend.apiKey).toBeUndefined();
  });

  it('takes all four X credentials', () => {
    expect(loadConfig(x).x.credentials).toEqual({ appKey: 'app-key', appSecret: 'app-secret', accessToken: 'access-token', accessSecret: 'access-secret' });
  });

  it('refuses some X credentials without the others, naming the missing ones', () => {
    const onlyKey = problems({ X_APP_KEY: 'app-key' });
    expect(onlyKey).toHaveLength(1);
    expect(onlyKey[0]).toMatch(/^X_APP_SECRET, X_ACCESS_TOKEN, X_ACCESS_SECRET: missing/);
    expect(onlyKey[0]).toContain('all four');
    const allButOne = problems({ ...x, X_ACCESS_SECRET: undefined as unknown as string });
    expect(allButOne[0]).toMatch(/^X_ACCESS_SECRET: missing/);
  });

  it('treats an empty or blank value as unset, never as a credential', () => {
    expect(loadConfig({ X_APP_KEY: '', X_APP_SECRET: '', X_ACCESS_TOKEN: '', X_ACCESS_SECRET: '' }).x.credentials).toBeUndefined();
    expect(loadConfig({ X_APP_KEY: '  ', X_APP_SECRET: '\t', X_ACCESS_TOKEN: ' ', X_ACCESS_SECRET: '\n' }).x.credentials).toBeUndefined();
    expect(problems({ ...x, X_APP_SECRET: '' })[0]).toMatch(/^X_APP_SECRET: missing/);
    expect(problems({ ...x, X_APP_SECRET: '   ' })[0]).toMatch(/^X_APP_SECRET: missing/);
    expect(loadConfig({ RESEND_API_KEY: ' ' }).resend.apiKey).toBeUndefined();
    expect(loadConfig({ ADMIN_TOKEN: '' }).adminToken).toBeUndefined();
    // Empty means the default, as for any unset variable: not port 0 or a refused URL.
    expect(loadConfig({ PORT: '', PUBLIC_URL: '', IMPORT_MAX_BYTES: '', HOST: '' })).toMatchObject({ port: 4321, publicUrl: 'http://127.0.0.1:4321', importMaxBytes: 64 * 1_048_576 });
  });

  it('refuses a credential with spaces or a line break around it (a pasted secret), naming the variable and not the value', () => {
    const pasted = problems({ ...x, X_ACCESS_TOKEN: 'access-token\n', RESEND_API_KEY: ' re_123' });
    expect(pasted).toEqual([expect.stringMatching(/^X_ACCESS_TOKEN: .*space/), expect.stringMatching(/^RESEND_API_KEY: .*space/)]);
    expect(pasted.join('\n')).not.toContain('access-token');
    expect(pasted.join('\n')).not.toContain('re_123');
  });

  it('refuses a PORT that is not a whole number from 0 to 65535', () => {
    for (const port of ['http', '80.5', '-1', '65536', '4321abc']) expect(problems({ PORT: port }), port).toEqual([expect.stringMatching(/^PORT: /)]);
    expect(loadConfig({ PORT: '0' }).port).toBe(0);
    expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://127.0.0.1:8080');
  });

  it('refuses a PUBLIC_URL without http:// or https://, saying what to write', () => {
    for (const url of ['status.immigration.go.ke', 'localhost:4321', 'ftp://status.immigration.go.ke', 'javascript:alert(1)']) {
      const [problem, ...rest] = problems({ PUBLIC_URL: url });
      expect(rest, url).toEqual([]);
      expect(problem, url).toMatch(/^PUBLIC_URL: .*https?:\/\//);
    }
    expect(loadConfig({ PUBLIC_URL: 'https://status.immigration.go.ke/' }).publicUrl).toBe('https://status.immigration.go.ke');
  });

  it('refuses an IMPORT_MAX_BYTES that is not a positive whole number of bytes', () => {
    for (const bytes of ['64MB', '0', '-1', '1.5']) expect(problems({ IMPORT_MAX_BYTES: bytes }), bytes).toEqual([expect.stringMatching(/^IMPORT_MAX_BYTES: /)]);
    expect(loadConfig({ IMPORT_MAX_BYTES: '1048576' }).importMaxBytes).toBe(1_048_576);
  });

  it('lists every problem at once, one line each', () => {
    const all = problems({ PORT: 'x', PUBLIC_URL: 'status', X_APP_KEY: 'k', IMPORT_MAX_BYTES: '0' });
    expect(all.map((line) => line.split(':')[0]).sort()).toEqual(['IMPORT_MAX_BYTES', 'PORT', 'PUBLIC_URL', 'X_APP_SECRET, X_ACCESS_TOKEN, X_ACCESS_SECRET']);
  });
});
