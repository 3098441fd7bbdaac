import { serve } from '@hono/node-server';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBuiltSiteResponder } from './site/serve/serve-built-site';
import { strictTransportSecurity } from './site/serve/security-headers';
import type { StaticCacheStats } from './site/serve/static-file-cache';

/** Node's request goes on to the app as its env, so it can see the client's socket address. */
type NodeEnv = { incoming?: { headers: IncomingHttpHeaders; socket?: { remoteAddress?: string } } };
type FetchApp = { fetch: (request: Request, env?: NodeEnv) => Response | Promise<Response> };

/** Path roots that always belong to the app, even if a file of that name were ever built. */
const appRoots = ['/api/v1', '/console'];

export type RequestHandlerOptions = {
  /** The public address (config.publicUrl); when it is https every answer carries HSTS. */
  publicUrl?: string;
  /** Bytes of built files and their compressed forms kept in memory (default 64 MB). */
  staticCacheBytes?: number;
};

export type RequestHandler = ((request: Request, env?: NodeEnv) => Response | Promise<Response>) & {
  /** How much of the built site is held in memory, for tests and diagnostics. */
  staticCacheStats: () => StaticCacheStats;
};

/** Adds HSTS to an app answer; a response with immutable headers is copied first. */
function withTransportSecurity(response: Response): Response {
  try {
    response.headers.set('Strict-Transport-Security', strictTransportSecurity);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    copy.headers.set('Strict-Transport-Security', strictTransportSecurity);
    return copy;
  }
}

/**
 * One handler for everything: the built status site (from `<siteDir>/current`) first, then the app
 * from createApp(deps) for the staff API, the console and anything the site does not have.
 */
export function createRequestHandler(app: FetchApp, siteDir: string, options: RequestHandlerOptions = {}): RequestHandler {
  const https = options.publicUrl?.startsWith('https:') ?? false;
  const site = createBuiltSiteResponder(siteDir, { appRoots, https, cacheBytes: options.staticCacheBytes });
  function handleRequest(request: Request, env?: NodeEnv): Response | Promise<Response> {
    // Under @hono/node-server, Node's own header object spares building a Headers per request.
    const raw = env?.incoming?.headers;
    const header = raw ? (name: string) => (raw[name] as string | undefined) ?? null : undefined;
    const fromSite = site.respond(request, header);
    if (fromSite) return fromSite;
    if (!https) return app.fetch(request, env);
    return Promise.resolve(app.fetch(request, env)).then(withTransportSecurity);
  }
  return Object.assign(handleRequest, { staticCacheStats: site.stats });
}

export type RunningServer = { url: string; port: number; close: () => Promise<void> };

/** Starts the HTTP server on host:port (port 0 picks a free one) and resolves once it listens. */
export function startServer(options: { app: FetchApp; siteDir: string; host: string; port: number } & RequestHandlerOptions): Promise<RunningServer> {
  const fetch = createRequestHandler(options.app, options.siteDir, options);
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
