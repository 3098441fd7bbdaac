import http from 'node:http';
import type { ApiResponseError, ITwitterApiClientPlugin, TwitterApi } from 'twitter-api-v2';
import type { Config } from '../../config';
import { readProviderWait } from '../outbox/retry-delay';

export type XPostOutcome =
  | { kind: 'posted'; id: string }
  /** X refused the text as a repeat of a recent post: the post may already be there. */
  | { kind: 'duplicate'; message: string }
  | { kind: 'retry'; message: string; waitMs?: number }
  | { kind: 'permanent'; message: string };

/** The account's latest post, as far as we need it to recognise our own. */
export type RecentXPost = { id: string; text: string; inReplyTo: string | null; createdAt: string | null };

export type XChannel = {
  post(text: string, inReplyTo: string | null): Promise<XPostOutcome>;
  /** The account's most recent post (GET /2/users/me expanding most_recent_post_id). */
  findMostRecentPost(): Promise<RecentXPost | null>;
};

// Bounded so a hung request ends well inside the worker's lease on the delivery.
const requestTimeoutMs = 20_000;

/**
 * The real twitter-api-v2 client with OAuth 1.0a user context. twitter-api-v2 always targets
 * https://api.x.com, so a plugin rewrites each request's URL to config.x.baseUrl (a local fake in
 * tests), with a plain-HTTP agent when that base is http:.
 */
export function createXChannel(x: Config['x']): XChannel | null {
  if (!x.credentials) return null;
  const base = new URL(x.baseUrl);
  const rewriteToBaseUrl: ITwitterApiClientPlugin = {
    onBeforeRequestConfig({ params }) {
      params.url = `${x.baseUrl}${new URL(params.url).pathname}`;
    },
  };
  const credentials = x.credentials;
  // Loaded on first use: a worker whose X channel runs dry (or stays idle) does not carry the SDK (~20 MB).
  let client: Promise<TwitterApi> | undefined;
  const connect = () =>
    (client ??= import('twitter-api-v2').then(
      ({ TwitterApi }) =>
        new TwitterApi(
          { appKey: credentials.appKey, appSecret: credentials.appSecret, accessToken: credentials.accessToken, accessSecret: credentials.accessSecret },
          { plugins: [rewriteToBaseUrl], ...(base.protocol === 'http:' ? { httpAgent: new http.Agent({ keepAlive: true }) } : {}) },
        ),
    ));

  return {
    async post(text, inReplyTo) {
      try {
        const body = inReplyTo ? { text, reply: { in_reply_to_tweet_id: inReplyTo } } : { text };
        const response = await (await connect()).v2.post<{ data: { id: string } }>('tweets', body, { timeout: requestTimeoutMs });
        return { kind: 'posted', id: response.data.id };
      } catch (error) {
        return classifyXError(error);
      }
    },
    async findMostRecentPost() {
      const me = await (await connect()).v2.get<{
        includes?: { posts?: { id: string; text: string; created_at?: string; referenced_posts?: { type: string; id: string }[]; referenced_tweets?: { type: string; id: string }[] }[] };
      }>('users/me', { expansions: 'most_recent_post_id', 'post.fields': 'created_at,text,conversation_id' }, { timeout: requestTimeoutMs });
      const post = me.includes?.posts?.[0];
      if (!post) return null;
      const references = post.referenced_posts ?? post.referenced_tweets ?? [];
      return {
        id: post.id,
        text: post.text,
        inReplyTo: references.find((reference) => reference.type === 'replied_to')?.id ?? null,
        createdAt: post.created_at ?? null,
      };
    },
  };
}

function providerMessage(error: ApiResponseError): string {
  const data = error.data as { detail?: string; title?: string; errors?: { message?: string }[] } | undefined;
  return `X answered ${error.code}: ${data?.detail ?? data?.title ?? data?.errors?.[0]?.message ?? error.message}`;
}

/** twitter-api-v2's ApiResponseError (type "response"), recognised without loading the SDK. */
function isResponseError(error: unknown): error is ApiResponseError {
  return typeof error === 'object' && error !== null && (error as { type?: unknown }).type === 'response' && typeof (error as { code?: unknown }).code === 'number';
}

/** 429 and 5xx are worth another try; a refused duplicate is its own case; other 4xx are final. */
export function classifyXError(error: unknown): XPostOutcome {
  if (isResponseError(error)) {
    const message = providerMessage(error);
    if (error.code === 429 || error.code >= 500) {
      return { kind: 'retry', message, waitMs: readProviderWait(error.headers, new Date()) };
    }
    if (error.code === 403 && /duplicate content/i.test(message)) return { kind: 'duplicate', message };
    return { kind: 'permanent', message };
  }
  // Dropped connection, timeout or a cut-off answer: the post may or may not exist now.
  const reason = error instanceof Error ? error.message : String(error);
  return { kind: 'retry', message: `No answer from X (${reason}); the post may or may not have been made` };
}
