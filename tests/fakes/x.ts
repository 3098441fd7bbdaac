import twitterText from 'twitter-text';
import { startFakeHttpServer, type FakeHttpServer, type FakeReply, type FakeRequest } from './fake-http-server';
import { specDefines, validateListParameter, validateSchema } from './provider-specs';

export type FakeXPost = { id: string; text: string; inReplyTo: string | null; conversationId: string; createdAt: string };

export type FakeX = FakeHttpServer & {
  /** Every post on the account, oldest first. */
  posts: FakeXPost[];
  /** The posts of one conversation (thread), in order. */
  thread(rootId: string): FakeXPost[];
};

export type FakeXOptions = {
  postsPer15Minutes?: number;
  /** Answer reads with the bidi isolates (U+2066–U+2069) dropped, as X might normalise stored text. */
  dropsBidiIsolatesOnRead?: boolean;
};

const oauthParameters = ['oauth_consumer_key', 'oauth_token', 'oauth_signature_method', 'oauth_timestamp', 'oauth_nonce', 'oauth_signature'];
const problem = (status: number, title: string, detail: string, headers?: Record<string, string>): FakeReply => ({
  status,
  headers: { 'Content-Type': 'application/problem+json', ...headers },
  body: { title, detail, type: 'about:blank', status },
});

/**
 * A local X API v2 for tests: POST /2/tweets, GET /2/tweets/{id} and GET /2/users/me as cut in
 * x-api-v2-openapi.json, checked against it (OAuth 1.0a header, body schema, query parameter
 * enums), with X's behaviour the spec does not state: 280 weighted characters, 403 on duplicate
 * content, x-rate-limit-* headers and 429, replies only to existing posts.
 */
export async function startFakeX(options: FakeXOptions = {}): Promise<FakeX> {
  const posts: FakeXPost[] = [];
  const user = { id: '1400000000000000001', name: 'Immigration Services', username: 'ImmigrationKE' };
  let nextId = 1860000000000000000n;
  let windowStart = Date.now();
  let windowCount = 0;

  const present = (post: FakeXPost) => ({
    id: post.id,
    text: options.dropsBidiIsolatesOnRead ? post.text.replace(/[\u2066-\u2069]/g, '') : post.text,
    created_at: post.createdAt,
    conversation_id: post.conversationId,
    author_id: user.id,
    edit_history_post_ids: [post.id],
    ...(post.inReplyTo ? { referenced_posts: [{ type: 'replied_to', id: post.inReplyTo }], in_reply_to_user_id: user.id } : {}),
  });

  function rateHeaders(): Record<string, string> {
    const limit = options.postsPer15Minutes ?? 100;
    return {
      'x-rate-limit-limit': String(limit),
      'x-rate-limit-remaining': String(Math.max(0, limit - windowCount)),
      'x-rate-limit-reset': String(Math.ceil((windowStart + 15 * 60_000) / 1000)),
    };
  }

  function createPost(request: FakeRequest): FakeReply {
    if (Date.now() - windowStart >= 15 * 60_000) (windowStart = Date.now()), (windowCount = 0);
    if (options.postsPer15Minutes && windowCount >= options.postsPer15Minutes) return problem(429, 'Too Many Requests', 'Too Many Requests', rateHeaders());
    let body: { text?: string; reply?: { in_reply_to_tweet_id?: string } };
    try {
      body = JSON.parse(request.body.toString('utf8'));
    } catch {
      return problem(400, 'Invalid Request', 'The body is not JSON.');
    }
    const problems = validateSchema('x', '#/components/schemas/CreatePostsRequest', body);
    if (typeof body.text !== 'string' || body.text === '') problems.push('text is required');
    if (problems.length) return problem(400, 'Invalid Request', `One or more parameters to your request was invalid: ${problems.join('; ')}`);
    const text = body.text!;
    if (!twitterText.parseTweet(text).valid) return problem(400, 'Invalid Request', 'The text of your Post is too long.');
    const parentId = body.reply?.in_reply_to_tweet_id ?? null;
    const parent = parentId ? posts.find((post) => post.id === parentId) : null;
    if (parentId && !parent) return problem(400, 'Invalid Request', 'The Post you are replying to has been deleted or is not visible to you.');
    if (posts.some((post) => post.text === text)) {
      return problem(403, 'Forbidden', 'You are not allowed to create a Tweet with duplicate content.', rateHeaders());
    }
    windowCount += 1;
    nextId += 1n;
    const id = nextId.toString();
    const post: FakeXPost = { id, text, inReplyTo: parentId, conversationId: parent?.conversationId ?? id, createdAt: new Date().toISOString() };
    posts.push(post);
    return { status: 201, headers: rateHeaders(), body: { data: { id, text, edit_history_post_ids: [id] } } };
  }

  function handle(request: FakeRequest): FakeReply {
    const template = /^\/2\/tweets\/[^/]+$/.test(request.path) ? '/2/tweets/{id}' : request.path;
    if (!specDefines('x', request.method, template)) return problem(404, 'Not Found Error', `No ${request.method} ${request.path} in the X API.`);
    const auth = request.headers.authorization ?? '';
    if (!auth.startsWith('OAuth ') || oauthParameters.some((name) => !auth.includes(`${name}="`))) {
      return problem(401, 'Unauthorized', 'Unauthorized: OAuth 1.0a user context is required.');
    }
    if (request.method === 'POST') return createPost(request);
    const queryProblems = [
      ...validateListParameter('x', template === '/2/users/me' ? 'UserExpansionsParameter' : 'PostExpansionsParameter', request.query.get('expansions')),
      ...validateListParameter('x', 'PostFieldsParameter', request.query.get('post.fields')),
      ...validateListParameter('x', 'UserFieldsParameter', request.query.get('user.fields')),
    ];
    if (queryProblems.length) return problem(400, 'Invalid Request', queryProblems.join('; '));
    if (template === '/2/users/me') {
      const latest = posts.at(-1);
      const expand = (request.query.get('expansions') ?? '').split(',').includes('most_recent_post_id');
      return {
        status: 200,
        body: { data: { ...user, ...(latest ? { most_recent_post_id: latest.id } : {}) }, ...(expand && latest ? { includes: { posts: [present(latest)] } } : {}) },
      };
    }
    const post = posts.find((candidate) => candidate.id === request.path.split('/').at(-1));
    if (!post) return { status: 200, body: { errors: [{ title: 'Not Found Error', detail: 'Could not find the Post.', type: 'https://api.x.com/2/problems/resource-not-found' }] } };
    return { status: 200, body: { data: present(post) } };
  }

  const server = await startFakeHttpServer(handle);
  return Object.assign(server, {
    posts,
    thread: (rootId: string) => posts.filter((post) => post.conversationId === rootId),
  });
}
