import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceivedCall = { headers: IncomingHttpHeaders; body: string };

export type WebhookReceiver = {
  url: string;
  calls: ReceivedCall[];
  /** How to answer the next calls: status and body (default 200 echoing a challenge). */
  answer: (call: ReceivedCall) => { status: number; body?: string } | Promise<{ status: number; body?: string }>;
  close(): Promise<void>;
};

/** A webhook endpoint on 127.0.0.1 that records every call; by default it answers 200 and echoes challenges. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const calls: ReceivedCall[] = [];
  const receiver: WebhookReceiver = {
    url: '',
    calls,
    answer(call) {
      const parsed = JSON.parse(call.body) as { challenge?: string };
      return { status: 200, body: parsed.challenge ? JSON.stringify({ challenge: parsed.challenge }) : 'ok' };
    },
    close: async () => {},
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const call = { headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
      calls.push(call);
      const { status, body } = await receiver.answer(call);
      response.writeHead(status, { 'Content-Type': 'application/json' }).end(body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/hali`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return receiver;
}
