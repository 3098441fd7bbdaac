import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

// A new build folder is put together from two sources: the unchanged pages of earlier builds
// (recycle-build-folder.ts, while Astro runs) and the pages Astro just rendered (moved in once it
// is done).

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
