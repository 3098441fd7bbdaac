import type { BuiltFile } from './built-site-files';

export type StaticCacheStats = { entries: number; bytes: number; maxBytes: number };

/** The map entry, its key and the file's response headers (kept per encoding), so many tiny files still count. */
const entryOverhead = 1024;

function sizeOf(key: string, file: BuiltFile): number {
  return entryOverhead + key.length * 2 + file.body.length + (file.gzip?.length ?? 0) + (file.br?.length ?? 0);
}

/**
 * Files of the served build kept in memory, one entry per built file, bounded by total bytes
 * (bodies plus compressed forms): the least recently used go first. A Map keeps insertion order,
 * so re-inserting on use makes its first key the least recently used.
 */
export function createStaticFileCache(maxBytes: number) {
  const entries = new Map<string, { file: BuiltFile; bytes: number }>();
  let bytes = 0;

  function forget(key: string): void {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.bytes;
  }

  return {
    get(key: string): BuiltFile | undefined {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      entries.set(key, entry);
      return entry.file;
    },

    /** Adds a file, or re-counts it after a compressed form was added; a file larger than the whole budget is not kept. */
    remember(key: string, file: BuiltFile): void {
      forget(key);
      const size = sizeOf(key, file);
      if (size > maxBytes) return;
      for (const [oldest] of entries) {
        if (bytes + size <= maxBytes) break;
        forget(oldest);
      }
      entries.set(key, { file, bytes: size });
      bytes += size;
    },

    clear(): void {
      entries.clear();
      bytes = 0;
    },

    stats(): StaticCacheStats {
      return { entries: entries.size, bytes, maxBytes };
    },
  };
}

export type StaticFileCache = ReturnType<typeof createStaticFileCache>;
