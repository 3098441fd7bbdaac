import { serve } from '@hono/node-server';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBuiltSiteResponder } from './site/serve-built-site';

type FetchApp = { fetch: (request: Request) => Response | Promise<Response> };

/** Path roots that always belong to the app, even if a file of that name were ever built. */
const appRoots = ['/api/v1', '/console'];

/**
 * One handler for everything: the built status site (from `<siteDir>/current`) first, then the app
 * from createApp(deps) for the staff API, the console and anything the site does not have.
 */
export function createRequestHandler(
  app: FetchApp,
  siteDir: string,
): (request: Request, env?: { incoming?: { headers: IncomingHttpHeaders } }) => Response | Promise<Response> {
  const respondFromBuiltSite = createBuiltSiteResponder(siteDir, { appRoots });
  return function handleRequest(request, env) {
    // Under @hono/node-server, Node's own header object spares building a Headers per request.
    const raw = env?.incoming?.headers;
    const header = raw ? (name: string) => (raw[name] as string | undefined) ?? null : undefined;
    return respondFromBuiltSite(request, header) ?? app.fetch(request);
  };
}

export type RunningServer = { url: string; port: number; close: () => Promise<void> };

/** Starts the HTTP server on host:port (port 0 picks a free one) and resolves once it listens. */
export function startServer(options: { app: FetchApp; siteDir: string; host: string; port: number }): Promise<RunningServer> {
  const fetch = createRequestHandler(options.app, options.siteDir);
  return new Promise((resolve) => {
    const server = serve({ fetch, hostname: options.host, port: options.port }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Keep-alive connections would otherwise hold close() open.
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
  });
}
