import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runDeployCommand } from '../../../api/site/build/run-deploy-command';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hali-deploy-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('runDeployCommand', () => {
  it('passes the build folder to the command', async () => {
    const out = join(dir, 'out.txt');
    expect(await runDeployCommand(`printf %s "$HALI_SITE_BUILD" > "${out}"`, '/srv/site/builds/b42')).toBeNull();
    expect(readFileSync(out, 'utf8')).toBe('/srv/site/builds/b42');
  });

  it('reports a failing command with its exit code and error output', async () => {
    const failure = await runDeployCommand('echo "bucket not found" >&2; exit 3', dir);
    expect(failure).toBe('exited with code 3: bucket not found');
  });

  it('stops a command that hangs, with everything it started', async () => {
    const failure = await runDeployCommand('sleep 30 & sleep 30; wait', dir, 300);
    expect(failure).toBe('stopped after 0 s without finishing');
  });
});
