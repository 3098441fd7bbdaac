import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * The opaque token in an applicant's link: the appointment reference and the move id, encrypted
 * and authenticated with AES-256-GCM under a key derived from the signing secret *and the link's
 * purpose*. The link reveals nothing by itself (not even the reference); a token that was not made
 * by us, was altered, or was made for another purpose (a calendar token offered as a "choose another
 * date" token) does not open. The nonce is derived from the subject (synthetic-IV style), so
 * rendering the same email twice gives the same link.
 */
export type LinkTokenSubject = { reference: string; moveId: number };
export type LinkPurpose = 'hali-calendar-token' | 'hali-choose-date-token';

// Only for callers that never resolved a key (scripts/start.ts and the worker always do: see
// calendar-signing-secret.ts); such links stay valid only as long as this process runs.
const processSecret = randomBytes(32).toString('hex');

// A fan-out seals two links per email under the same one or two keys: derive each once. A process
// knows one secret (two while a test switches), so the memo stays tiny; it is bounded regardless.
const derivedKeys = new Map<string, Buffer>();

function keyFor(purpose: LinkPurpose, secret: string | undefined): Buffer {
  const material = `${purpose}:${secret ?? processSecret}`;
  let key = derivedKeys.get(material);
  if (!key) {
    if (derivedKeys.size >= 16) derivedKeys.clear();
    key = createHash('sha256').update(material).digest();
    derivedKeys.set(material, key);
  }
  return key;
}

export function createLinkToken(purpose: LinkPurpose, subject: LinkTokenSubject, secret: string | undefined): string {
  const key = keyFor(purpose, secret);
  const plain = `${subject.moveId}:${subject.reference}`;
  const iv = createHmac('sha256', key).update(plain).digest().subarray(0, 12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
}

/** The subject of a token, or null when it is malformed, forged, made for another purpose or under another secret. */
export function readLinkToken(purpose: LinkPurpose, token: string, secret: string | undefined): LinkTokenSubject | null {
  if (!/^[A-Za-z0-9_-]{40,400}$/.test(token)) return null;
  const raw = Buffer.from(token, 'base64url');
  if (raw.length < 12 + 16 + 3) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(purpose, secret), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    const plain = Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8');
    const match = /^(\d+):(.+)$/.exec(plain);
    return match ? { moveId: Number(match[1]), reference: match[2] } : null;
  } catch {
    return null;
  }
}
