import { spawn } from 'node:child_process';

/** A deploy that takes longer than this is stopped, so one hung upload cannot stall every later build. */
const deployTimeoutMs = 10 * 60_000;

/**
 * Runs the operator's deploy command (e.g. an rsync or an object-store sync) after a good build,
 * with the new build's folder in HALI_SITE_BUILD. Resolves with the failure message, if any: the
 * local site is already live, so a failed deploy is reported, not undone.
 */
export function runDeployCommand(command: string, buildDir: string, timeoutMs = deployTimeoutMs): Promise<string | null> {
  return new Promise((resolve) => {
    const child = spawn(command, {
      shell: true,
      detached: true,
      stdio: ['ignore', 'inherit', 'pipe'],
      env: { ...process.env, HALI_SITE_BUILD: buildDir },
    });
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      // The shell and whatever it started form one process group: stop them all.
      try {
        if (child.pid) process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone between the timer firing and the signal: nothing left to stop.
      }
    }, timeoutMs);
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve(`could not start: ${error.message}`);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) resolve(`stopped after ${Math.round(timeoutMs / 1000)} s without finishing`);
      else resolve(code === 0 ? null : `exited with code ${code}: ${stderr.trim()}`);
    });
  });
}
