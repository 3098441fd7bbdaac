import { describe, expect, it } from 'vitest';
import { decodeUtf8, InvalidUtf8Error } from '../../api/appointments/decode-utf8';

async function decodeInChunks(bytes: Buffer, size: number): Promise<string> {
  const chunks: Buffer[] = [];
  for (let start = 0; start < bytes.length; start += size) chunks.push(bytes.subarray(start, start + size));
  let text = '';
  for await (const piece of decodeUtf8(chunks)) text += piece;
  return text;
}

const lineOfFailure = (bytes: Buffer, size: number) =>
  decodeInChunks(bytes, size).then(
    () => null,
    (error: unknown) => (error instanceof InvalidUtf8Error ? error.line : error),
  );

describe('decodeUtf8', () => {
  // Two-, three- and four-byte characters, so every chunk size splits some of them.
  const text = 'reference,full_name\nR1,Wanjirũ Kamau\nR2,Ngũgĩ wa Thiong’o\nR3,Zoë 😀 Ali\n';

  it('decodes whatever the chunk boundaries, characters split across chunks included', async () => {
    for (let size = 1; size <= 12; size++) expect(await decodeInChunks(Buffer.from(text), size), `chunks of ${size}`).toBe(text);
  });

  it('names the line of the first byte that is not UTF-8, whatever the chunk boundaries', async () => {
    const bad = Buffer.concat([Buffer.from(text), Buffer.from('R4,Jos'), Buffer.from([0xe9]), Buffer.from(' Ali\nR5,Ok\n')]);
    for (let size = 1; size <= 12; size++) expect(await lineOfFailure(bad, size), `chunks of ${size}`).toBe(5);
    expect(await lineOfFailure(bad, 1 << 16)).toBe(5);
  });

  it('refuses a character cut short at the end of the file, and overlong or surrogate encodings', async () => {
    expect(await lineOfFailure(Buffer.concat([Buffer.from('a\nb\n'), Buffer.from([0xe2, 0x82])]), 3)).toBe(3);
    expect(await lineOfFailure(Buffer.from([0x61, 0x0a, 0xc0, 0xaf, 0x0a]), 2)).toBe(2);
    expect(await lineOfFailure(Buffer.from([0x0a, 0x0a, 0xed, 0xa0, 0x80]), 4)).toBe(3);
  });
});
