import { chromium, type Browser } from 'playwright-core';
import { startServer, type RunningServer } from '../../api/server';
import { createSiteBuilder, type SiteBuilder } from '../../api/site/build/site-builder';
import type { TestContext } from '../support/test-context';

/** Debian's Chromium (never a downloaded browser), headless, with nothing reaching the network on its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export type E2eSite = { builder: SiteBuilder; server: RunningServer; browser: Browser; close(): Promise<void> };

/** What a browser suite stands on: the test app's site built once, served on 127.0.0.1, and Chromium. */
export async function openE2eSite(t: TestContext): Promise<E2eSite> {
  const builder = createSiteBuilder(t.config, t.db, { log: () => {} });
  const result = await builder.buildNow('e2e');
  if (!result.ok) throw new Error(result.error);
  const server = await startServer({ app: t.app, siteDir: t.config.site.dir, host: '127.0.0.1', port: 0 });
  const browser = await launchChromium();
  return {
    builder,
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
      builder.close();
    },
  };
}
