import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { siteFolders, switchCurrentBuild } from '../../api/site/site-folders';

/** A site folder with hand-made builds: the server only reads files, so no Astro build is needed. */
export type HandMadeSite = {
  dir: string;
  /** Writes a build folder and points `current` at it. */
  publish: (name: string, files: Record<string, string | Buffer>) => Promise<string>;
  remove: () => void;
};

export function createHandMadeSite(): HandMadeSite {
  const dir = mkdtempSync(join(tmpdir(), 'hali-server-'));
  return {
    dir,
    publish: async (name, files) => {
      const build = join(dir, 'builds', name);
      for (const [file, content] of Object.entries(files)) {
        mkdirSync(join(build, file, '..'), { recursive: true });
        writeFileSync(join(build, file), content);
      }
      await switchCurrentBuild(siteFolders(dir), build);
      return build;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The stand-in app behind the static responder: a staff route and a problem-style 404. */
export function createStandInApp(): Hono {
  const app = new Hono();
  app.get('/api/v1/ping', (c) => c.json({ from: 'app' }));
  app.get('/console', (c) => c.text('console'));
  app.notFound((c) => c.json({ title: 'Not Found' }, 404));
  return app;
}
