import { createHash, randomUUID } from 'node:crypto';
import { startFakeHttpServer, type FakeHttpServer, type FakeReply, type FakeRequest } from './fake-http-server';
import { specDefines, validateSchema } from './provider-specs';

/** An email the fake accepted, i.e. what the applicant would have received. */
export type FakeEmail = { id: string; to: string; subject: string; from: string; replyTo?: unknown; html?: string; text?: string; headers?: Record<string, string>; tags?: { name: string; value: string }[] };

export type FakeResend = FakeHttpServer & {
  /** Every email "delivered", in order (bodies kept only when keepBodies is on). */
  emails: FakeEmail[];
  /** How many times each address received an email. */
  countByRecipient(): Map<string, number>;
  batchRequests(): number;
  /**
   * When the first and the last batch the fake sent on arrived (performance.now()) and how many
   * emails came after the first batch: the rate a provider sees. Null before any batch.
   */
  sentBatchesSpan(): { first: number; last: number; emailsAfterFirst: number } | null;
};

export type FakeResendOptions = {
  /** Answer 429 past this many requests in any one second (Resend allows 2 to 5 by account). */
  requestsPerSecond?: number;
  /** Recipients Resend refuses with 422 (the whole strict-mode batch fails). */
  rejects?: (to: string) => boolean;
  /** false keeps only id and address per email (benchmarks with 100,000 emails). */
  keepBodies?: boolean;
};

const tagPattern = /^[A-Za-z0-9_-]{1,256}$/;
const error = (status: number, name: string, message: string, headers?: Record<string, string>): FakeReply => ({
  status,
  headers,
  body: { statusCode: status, name, message },
});

/**
 * A local Resend for tests: POST /emails/batch checked against resend-openapi.json (auth, body
 * schema, at most 100 messages, tag characters), Resend's idempotency (same key and body within
 * 24 h: the first answer again and nothing sent; same key, other body: 409; same key while the
 * first is in flight: 409), an optional per-second rate limit with retry-after, and fault injection.
 */
export async function startFakeResend(options: FakeResendOptions = {}): Promise<FakeResend> {
  const emails: FakeEmail[] = [];
  const idempotency = new Map<string, { bodyHash: string; answer?: FakeReply }>();
  const arrivals: number[] = [];
  let batches = 0;
  let sentSpan: { first: number; firstEmails: number; last: number; emails: number } | null = null;

  function rateLimited(at: number): FakeReply | null {
    if (!options.requestsPerSecond) return null;
    while (arrivals.length && arrivals[0] <= at - 1000) arrivals.shift();
    if (arrivals.length >= options.requestsPerSecond) {
      const retryAfter = Math.max(1, Math.ceil((arrivals[0] + 1000 - at) / 1000));
      return error(429, 'rate_limit_exceeded', 'Too many requests. You can only make a few requests per second.', {
        'retry-after': String(retryAfter),
        'ratelimit-limit': String(options.requestsPerSecond),
        'ratelimit-remaining': '0',
        'ratelimit-reset': String(retryAfter),
      });
    }
    // Bodies are read concurrently, so a request can be handled after one that arrived later.
    arrivals.push(at);
    arrivals.sort((a, b) => a - b);
    return null;
  }

  function sendBatch(messages: Record<string, unknown>[], arrivedAt: number): FakeReply {
    batches += 1;
    // Bodies are read concurrently, so batches can be handled out of arrival order.
    const emailsSoFar = (sentSpan?.emails ?? 0) + messages.length;
    if (sentSpan === null || arrivedAt < sentSpan.first) {
      sentSpan = { first: arrivedAt, firstEmails: messages.length, last: Math.max(sentSpan?.last ?? arrivedAt, arrivedAt), emails: emailsSoFar };
    } else {
      sentSpan = { ...sentSpan, last: Math.max(sentSpan.last, arrivedAt), emails: emailsSoFar };
    }
    const data = messages.map((message) => {
      const id = randomUUID();
      const to = Array.isArray(message.to) ? String(message.to[0]) : String(message.to);
      emails.push(
        options.keepBodies === false
          ? { id, to, subject: '', from: '' }
          : { id, to, subject: String(message.subject), from: String(message.from), replyTo: message.reply_to, html: message.html as string, text: message.text as string, headers: message.headers as FakeEmail['headers'], tags: message.tags as FakeEmail['tags'] },
      );
      return { id };
    });
    return { status: 200, body: { data } };
  }

  function handle(request: FakeRequest): FakeReply {
    if (!specDefines('resend', request.method, request.path)) return error(404, 'not_found', `No ${request.method} ${request.path} in the Resend API.`);
    if (!/^Bearer \S+$/.test(request.headers.authorization ?? '')) return error(401, 'missing_api_key', 'Missing API key in the authorization header.');
    if (request.path !== '/emails/batch') return error(405, 'method_not_allowed', 'This fake only implements POST /emails/batch.');
    const limited = rateLimited(request.arrivedAt);
    if (limited) return limited;
    let body: unknown;
    try {
      body = JSON.parse(request.body.toString('utf8'));
    } catch {
      return error(400, 'invalid_body', 'The body is not JSON.');
    }
    const problems = validateSchema('resend', { type: 'array', minItems: 1, maxItems: 100, items: { $ref: 'resend#/components/schemas/SendEmailRequest' } }, body);
    const messages = (Array.isArray(body) ? body : []) as Record<string, unknown>[];
    for (const [index, message] of messages.entries()) {
      for (const tag of (message.tags ?? []) as { name?: string; value?: string }[]) {
        if (!tagPattern.test(tag.name ?? '') || !tagPattern.test(tag.value ?? '')) problems.push(`/${index}/tags: only ASCII letters, numbers, _ and - are allowed`);
      }
      const to = (Array.isArray(message.to) ? message.to : [message.to]) as unknown[];
      for (const address of to) {
        if (typeof address === 'string' && options.rejects?.(address)) problems.push(`/${index}/to: Invalid \`to\` field: ${address} cannot receive email.`);
      }
    }
    if (problems.length) return error(422, 'validation_error', problems.join('; '));

    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string') {
      return sendBatch(messages, request.arrivedAt);
    }
    if (key.length > 256) return error(422, 'validation_error', 'Idempotency-Key is longer than 256 characters.');
    const bodyHash = createHash('sha256').update(request.body).digest('hex');
    const seen = idempotency.get(key);
    if (seen && seen.bodyHash !== bodyHash) {
      return error(409, 'invalid_idempotent_request', 'Same idempotency key used with a different request payload. Change your idempotency key or payload.');
    }
    if (seen && !seen.answer) return error(409, 'concurrent_idempotent_requests', 'Same idempotency key used while original request is still in progress.');
    if (seen?.answer) return seen.answer;
    const entry: { bodyHash: string; answer?: FakeReply } = { bodyHash };
    idempotency.set(key, entry);
    entry.answer = sendBatch(messages, request.arrivedAt);
    return entry.answer;
  }

  const server = await startFakeHttpServer(handle);
  return Object.assign(server, {
    emails,
    batchRequests: () => batches,
    sentBatchesSpan: () => (sentSpan ? { first: sentSpan.first, last: sentSpan.last, emailsAfterFirst: sentSpan.emails - sentSpan.firstEmails } : null),
    countByRecipient() {
      const counts = new Map<string, number>();
      for (const email of emails) counts.set(email.to, (counts.get(email.to) ?? 0) + 1);
      return counts;
    },
  });
}
