import { link, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';

const batchSize = 256;

/**
 * Hard-links unchanged pages from the previous build into the new one: no bytes are copied, and
 * each build folder stays complete on its own (deleting the old one later does not affect it).
 */
export async function carryOverPages(fromDir: string, toDir: string, files: readonly string[]): Promise<void> {
  const folders = [...new Set(files.map((file) => dirname(join(toDir, file))))];
  for (let i = 0; i < folders.length; i += batchSize) {
    await Promise.all(folders.slice(i, i + batchSize).map((folder) => mkdir(folder, { recursive: true })));
  }
  for (let i = 0; i < files.length; i += batchSize) {
    await Promise.all(files.slice(i, i + batchSize).map((file) => link(join(fromDir, file), join(toDir, file))));
  }
}
