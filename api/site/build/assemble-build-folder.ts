import { link, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

// A new build folder is put together from two sources: the unchanged pages of the previous build
// (hard-linked, while Astro runs) and the pages Astro just rendered (moved in once it is done).

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

/**
 * Moves every file Astro rendered into the build folder, replacing what is there, and answers
 * their paths. Renames only: the handful of rendered files, no copying.
 */
export async function mergeRenderedPages(renderedDir: string, buildDir: string): Promise<string[]> {
  const paths = await readdir(renderedDir, { recursive: true });
  const kinds = await Promise.all(paths.map(async (path) => ({ path, isFile: (await stat(join(renderedDir, path))).isFile() })));
  const files = kinds.filter((kind) => kind.isFile).map((kind) => kind.path);
  const folders = [...new Set(files.map((file) => dirname(join(buildDir, file))))];
  await Promise.all(folders.map((folder) => mkdir(folder, { recursive: true })));
  await Promise.all(files.map((file) => rename(join(renderedDir, file), join(buildDir, file))));
  await rm(renderedDir, { recursive: true, force: true });
  return files;
}
