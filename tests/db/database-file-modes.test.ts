import { chmodSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase } from '../../db/client';

const modeOf = (path: string) => statSync(path).mode & 0o777;

/** The database holds applicants' names and emails and the calendar signing key: owner only. */
describe('database file permissions', () => {
  let dir: string;
  let umask: number;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hali-modes-'));
    umask = process.umask(0o022); // the usual default, which leaves new files readable by all
  });
  afterEach(() => {
    process.umask(umask);
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the data folder 0700 and the database, its WAL and shared-memory files 0600', async () => {
    const path = join(dir, 'data', 'hali.db');
    const connection = await openDatabase({ url: `file:${path}` });
    await migrateDatabase(connection.db);
    expect(existsSync(`${path}-wal`)).toBe(true);
    expect(existsSync(`${path}-shm`)).toBe(true);
    expect({ dir: modeOf(join(dir, 'data')), db: modeOf(path), wal: modeOf(`${path}-wal`), shm: modeOf(`${path}-shm`) }).toEqual({
      dir: 0o700,
      db: 0o600,
      wal: 0o600,
      shm: 0o600,
    });
    connection.close();
  });

  it('closes up files an earlier version left readable by all', async () => {
    const path = join(dir, 'hali.db');
    const earlier = await openDatabase({ url: `file:${path}` });
    await migrateDatabase(earlier.db);
    const files = [path, `${path}-wal`, `${path}-shm`];
    for (const file of files) chmodSync(file, 0o644);

    const reopened = await openDatabase({ url: `file:${path}` });
    expect(files.map(modeOf)).toEqual([0o600, 0o600, 0o600]);
    reopened.close();
    earlier.close();
  });
});
