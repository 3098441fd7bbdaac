import { spawn } from 'node:child_process';

/**
 * Runs the operator's deploy command (e.g. an rsync or an object-store sync) after a good build,
 * with the new build's folder in HALI_SITE_BUILD. Resolves with the failure message, if any.
 */
export function runDeployCommand(command: string, buildDir: string): Promise<string | null> {
  return new Promise((resolve) => {
    const child = spawn(command, { shell: true, stdio: ['ignore', 'inherit', 'pipe'], env: { ...process.env, HALI_SITE_BUILD: buildDir } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    child.on('error', (error) => resolve(`could not start: ${error.message}`));
    child.on('close', (code) => resolve(code === 0 ? null : `exited with code ${code}: ${stderr.trim()}`));
  });
}
