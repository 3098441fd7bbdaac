import { createRequire } from 'node:module';
import { isolateBidi, withoutBidiControls } from '../../text/isolate-bidi';

export const maxXPostWeight = 280;

export type XPostText = { text: string; weightedLength: number; valid: boolean };

// Loaded on the first post weighed: the delivery worker weighs a post only when an update is
// published to X, and the package (with its Unicode tables) adds about 10 MB to a process's memory.
const requireHere = createRequire(import.meta.url);
let twitterText: typeof import('twitter-text') | undefined;

/** X's own weighted count (URLs 23, emoji and CJK 2), from the twitter-text package. */
export function weighXPost(text: string): XPostText {
  twitterText ??= requireHere('twitter-text') as typeof import('twitter-text');
  const parsed = twitterText.parseTweet(text);
  return { text, weightedLength: parsed.weightedLength, valid: parsed.valid };
}

/**
 * The text of an update's X post: the update's own `x_text` when staff wrote one, otherwise the
 * incident name, the body shortened to fit, and the link to the incident page. Name and body are
 * isolated (api/text/isolate-bidi.ts) so they cannot turn the link around; the weight is always
 * taken of the final text, so the isolates (2 each) are counted. A staff-written post is the whole
 * post, with nothing of ours to protect: it only loses its direction controls, which can only make
 * it lighter than the weight checked when it was written.
 */
export function composeXPostText(input: {
  incidentId: string;
  incidentName: string;
  body: string;
  xText?: string | null;
  publicUrl: string;
}): XPostText {
  if (input.xText) return weighXPost(withoutBidiControls(input.xText));
  const link = `${input.publicUrl}/incidents/${input.incidentId}/`;
  const name = withoutBidiControls(input.incidentName);
  const head = `${isolateBidi(name)}: `;
  const body = withoutBidiControls(input.body).replace(/\s+/g, ' ').trim();
  const full = weighXPost(`${head}${isolateBidi(body)}\n${link}`);
  if (full.valid) return full;
  // Shorten the body word by word until the whole post fits, ending with an ellipsis.
  const words = body.split(' ');
  while (words.length > 1) {
    words.pop();
    const candidate = weighXPost(`${head}${isolateBidi(`${words.join(' ')}…`)}\n${link}`);
    if (candidate.valid) return candidate;
  }
  return weighXPost(`${isolateBidi(`${name.slice(0, 200)}…`)}\n${link}`);
}
