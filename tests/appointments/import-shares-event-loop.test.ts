import { performance } from 'node:perf_hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../api/server';
import { appointments } from '../../db/schema/index';
import { createTestContext, type TestContext } from '../support/test-context';
import { addOffice, weekdays } from './appointment-fixtures';

// The local libSQL driver is synchronous and the status page is served by the same process: a
// long import must let timers and requests run between its slices, while its transaction stays
// whole for everyone else (db/in-process-turns.ts makes their database work wait its turn).
describe('a large import shares the event loop', () => {
  let t: TestContext;
  let server: RunningServer;
  beforeEach(async () => {
    t = await createTestContext();
    await addOffice(t.db, 'NYH', { application: weekdays(5), collection: weekdays(5) });
    server = await startServer({ app: t.app, siteDir: t.config.site.dir, host: '127.0.0.1', port: 0 });
  });
  afterEach(async () => {
    await server.close();
    t.close();
  });

  it('lets timers run while it works, and reads made meanwhile see none of it or all of it', async () => {
    const rows = 20_000;
    const lines = ['reference,full_name,email,language,service,office,appointment_date'];
    for (let i = 0; i < rows; i++) lines.push(`R${i},Person ${i},p${i}@example.com,en,application,NYH,2026-06-${String(1 + (i % 28)).padStart(2, '0')}`);
    const body = `${lines.join('\n')}\n`;

    const started = performance.now();
    let longestGap = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 5);
    const seen: number[] = [];
    let importing = true;
    // Through the real server, as staff send it.
    const imported = fetch(`${server.url}/api/v1/appointments/import`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.tokens.publisher}`, 'Content-Type': 'text/csv' },
      body,
    })
      .then((response) => response.json())
      .finally(() => (importing = false));
    // Reads issued while the import runs wait for its transaction, then see every row.
    const readsDuringImport = (async () => {
      while (importing) {
        seen.push(await t.db.$count(appointments));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const result = await imported;
    const took = performance.now() - started;
    clearInterval(ticker);
    await readsDuringImport;

    expect(result).toMatchObject({ inserted: rows, error_count: 0 });
    expect(seen.length).toBeGreaterThan(0);
    for (const count of seen) expect([0, rows]).toContain(count);
    // Without slices the loop is held for nearly the whole import; with them, for a slice and a
    // batch at a time (relative, so a busy machine slowing both does not decide the outcome).
    expect(longestGap, `import took ${Math.round(took)} ms`).toBeLessThan(took / 3);
  });
});
