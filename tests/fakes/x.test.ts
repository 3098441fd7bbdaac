import { ApiResponseError, TwitterApi } from 'twitter-api-v2';
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeX, type FakeX } from './x';

let fake: FakeX;
afterEach(async () => fake?.close());

function client(tokens = { appKey: 'k', appSecret: 's', accessToken: 't', accessSecret: 'a' }) {
  return new TwitterApi(tokens, {
    httpAgent: new http.Agent(),
    plugins: [{ onBeforeRequestConfig: ({ params }) => void (params.url = `${fake.url}${new URL(params.url).pathname}`) }],
  });
}

describe('fake X', () => {
  it('creates posts and replies, and shows the latest post through /2/users/me', async () => {
    fake = await startFakeX();
    const x = client();
    const root = await x.v2.tweet('First notice');
    const reply = await x.v2.tweet('Second notice', { reply: { in_reply_to_tweet_id: root.data.id } });
    const me = await x.v2.get('users/me', { expansions: 'most_recent_post_id' });
    expect(me.includes.posts[0]).toMatchObject({ id: reply.data.id, referenced_posts: [{ type: 'replied_to', id: root.data.id }] });
    expect(fake.thread(root.data.id).map((post) => post.text)).toEqual(['First notice', 'Second notice']);
  });

  it('refuses duplicate content with 403, as X does', async () => {
    fake = await startFakeX();
    const x = client();
    await x.v2.tweet('Same words');
    const error = await x.v2.tweet('Same words').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiResponseError);
    expect((error as ApiResponseError).code).toBe(403);
    expect((error as ApiResponseError).data).toMatchObject({ detail: 'You are not allowed to create a Tweet with duplicate content.' });
  });

  it('checks the body against the spec, the weighted length, the reply target and the OAuth header', async () => {
    fake = await startFakeX();
    const x = client();
    await expect(x.v2.post('tweets', { text: 'hi', unknown_field: true })).rejects.toMatchObject({ code: 400 });
    await expect(x.v2.tweet('x'.repeat(281))).rejects.toMatchObject({ code: 400 });
    await expect(x.v2.tweet('a reply', { reply: { in_reply_to_tweet_id: '42' } })).rejects.toMatchObject({ code: 400 });
    await expect(x.v2.get('users/me', { expansions: 'not_a_field' })).rejects.toMatchObject({ code: 400 });
    const anonymous = await fetch(`${fake.url}/2/tweets`, { method: 'POST', headers: { Authorization: 'Bearer abc' }, body: '{"text":"hi"}' });
    expect(anonymous.status).toBe(401);
    expect(fake.posts).toHaveLength(0);
  });

  it('answers 429 with x-rate-limit headers past its 15-minute limit', async () => {
    fake = await startFakeX({ postsPer15Minutes: 1 });
    const x = client();
    await x.v2.tweet('one');
    const error = (await x.v2.tweet('two').catch((caught: unknown) => caught)) as ApiResponseError;
    expect(error.code).toBe(429);
    expect(Number(error.headers['x-rate-limit-reset'])).toBeGreaterThan(Date.now() / 1000);
  });
});
