import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** One request as a fake sees it. */
/** `arrivedAt`: performance.now() when the request's head arrived, before its body was read (as a provider counts requests). */
export type FakeRequest = { method: string; path: string; query: URLSearchParams; headers: IncomingHttpHeaders; body: Buffer; arrivedAt: number };
export type FakeReply = { status: number; headers?: Record<string, string>; body?: unknown };

/**
 * What a test can make the next matching request suffer:
 * - status: answer this instead, without processing (429 with headers, 500, 403…);
 * - drop: close the connection before processing (nothing happened);
 * - drop-after-processing: do the work (send, post), then close without answering;
 * - hold: do the work, then keep the answer until `release` settles (kill the client meanwhile).
 */
export type InjectedFault = { match?: (request: FakeRequest) => boolean } & (
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: unknown }
  | { kind: 'drop' }
  | { kind: 'drop-after-processing' }
  | { kind: 'hold'; release: Promise<unknown> }
);

export type FakeHttpServer = {
  url: string;
  /** Consumed in order, one per matching request (by default: every POST). */
  faults: InjectedFault[];
  /** Called as each request arrives, before anything else: a test can kill its client here. */
  onRequest?: (request: FakeRequest, count: number) => void;
  received(): number;
  close(): Promise<void>;
};

const postsOnly = (request: FakeRequest) => request.method === 'POST';

/** A node:http server on 127.0.0.1, on a free port, with fault injection shared by the fakes. */
export async function startFakeHttpServer(handle: (request: FakeRequest) => FakeReply | Promise<FakeReply>): Promise<FakeHttpServer> {
  const sockets = new Set<Socket>();
  let count = 0;
  const fake: FakeHttpServer = { url: '', faults: [], received: () => count, close: async () => {} };

  function reply(response: ServerResponse, answer: FakeReply) {
    if (response.destroyed) return;
    const body = answer.body === undefined ? '' : JSON.stringify(answer.body);
    response.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers });
    response.end(body);
  }

  const server = createServer(async (incoming, response) => {
    const arrivedAt = performance.now();
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
    const request: FakeRequest = { method: incoming.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: incoming.headers, body: Buffer.concat(chunks), arrivedAt };
    count += 1;
    fake.onRequest?.(request, count);
    const index = fake.faults.findIndex((fault) => (fault.match ?? postsOnly)(request));
    const fault = index >= 0 ? fake.faults.splice(index, 1)[0] : undefined;
    try {
      if (fault?.kind === 'status') return reply(response, { status: fault.status, headers: fault.headers, body: fault.body });
      if (fault?.kind === 'drop') return void incoming.socket.destroy();
      const answer = await handle(request);
      if (fault?.kind === 'drop-after-processing') return void incoming.socket.destroy();
      if (fault?.kind === 'hold') await fault.release.catch(() => undefined);
      reply(response, answer);
    } catch (error) {
      reply(response, { status: 500, body: { message: error instanceof Error ? error.message : String(error) } });
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('fake server has no port');
  fake.url = `http://127.0.0.1:${address.port}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return fake;
}
