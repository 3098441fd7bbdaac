import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { systemActor } from '../../api/auth/actor';
import { publishUpdate } from '../../api/incidents/publish-update';
import { pendingRevision } from '../../api/incidents/revision';
import { countRoundTrips } from '../../db/round-trip-counter';
import type { BenchRow } from './bench-row';
import { prepareOutage } from './appointments';

const simulatedRoundTripMs = 20;

/**
 * Publishes the update that moves the 100,000 appointments of prepareOutage, counting the
 * database round trips and, with `delayMs`, waiting that long before each one: a libSQL server
 * across a network, simulated on the local file.
 */
async function publishOutage(dir: string, delayMs: number): Promise<{ ms: number; roundTrips: number; moved: number }> {
  const connection = await prepareOutage(dir);
  try {
    await connection.db.run(sql`INSERT INTO incident_updates (id, incident_id, state, status, body) VALUES ('next', 'bench', 'draft', 'identified', 'Still down.')`);
    const expectedRevision = await pendingRevision(connection.db, 'bench');
    const counter = countRoundTrips(connection.client, { delayMs });
    const started = performance.now();
    const published = await publishUpdate(connection.db, 'bench', { now: new Date('2026-06-08T07:00:00Z'), actor: systemActor, expectedRevision });
    return { ms: performance.now() - started, roundTrips: counter.count(), moved: published.rescheduled.moved };
  } finally {
    connection.close();
  }
}

export async function run(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'hali-bench-publish-'));
  try {
    const local = await publishOutage(dir, 0);
    const remote = await publishOutage(dir, simulatedRoundTripMs);
    if (local.moved !== 100_000 || remote.moved !== 100_000) throw new Error(`Expected 100,000 moves, got ${local.moved} and ${remote.moved}.`);
    return [
      { key: 'publish_round_trips_100k', name: 'publish moving 100,000: database round trips', value: local.roundTrips, unit: 'round trips', target: '≤ 100', note: 'statements, batches, BEGIN and COMMIT' },
      { key: 'publish_100k_ms', name: 'publish moving 100,000, local file', value: Math.round(local.ms), unit: 'ms' },
      {
        key: 'publish_100k_ms_at_20ms_rtt',
        name: `publish moving 100,000, ${simulatedRoundTripMs} ms per round trip`,
        value: Math.round(remote.ms),
        unit: 'ms',
        target: '≤ 5000',
        note: `${remote.roundTrips} round trips × ${simulatedRoundTripMs} ms injected`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
