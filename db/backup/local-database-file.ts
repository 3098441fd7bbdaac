import { resolve } from 'node:path';

/** Why a backup or restore cannot work on this DATABASE_URL, in words an operator can act on. */
export class BackupRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupRefused';
  }
}

/**
 * The file behind a `file:` DATABASE_URL. A libSQL or Turso server keeps its data on the server,
 * where this process cannot copy files, so those URLs are refused with what to do instead.
 */
export function localDatabaseFile(url: string): string {
  if (!url.startsWith('file:')) {
    const host = /^[a-z]+:\/\/([^/?]+)/i.exec(url)?.[1] ?? 'a remote server';
    throw new BackupRefused(
      `DATABASE_URL points at a libSQL server (${host}), not a local file: back it up on that server (Turso: point-in-time restore or \`turso db shell .dump\`). npm run backup and restore work on file: databases only.`,
    );
  }
  const path = url.slice('file:'.length).replace(/\?.*$/, '');
  if (path === ':memory:' || path === '') throw new BackupRefused('DATABASE_URL is an in-memory database: there is nothing on disk to back up or restore.');
  return resolve(path);
}
