import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Moves every file Astro rendered into the build folder, replacing what is there. Astro renders
 * into its own folder while the unchanged pages are carried over into the build folder at the same
 * time; this joins the two. Renames only: the handful of rendered files, no copying.
 */
export async function mergeRenderedPages(renderedDir: string, buildDir: string): Promise<void> {
  const entries = await readdir(renderedDir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name).slice(renderedDir.length + 1));
  const folders = [...new Set(files.map((file) => join(buildDir, file, '..')))];
  await Promise.all(folders.map((folder) => mkdir(folder, { recursive: true })));
  await Promise.all(files.map((file) => rename(join(renderedDir, file), join(buildDir, file))));
  await rm(renderedDir, { recursive: true, force: true });
}
