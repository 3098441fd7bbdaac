import { isUtf8 } from 'node:buffer';

/** The file is not UTF-8 from `line` on (1-based, counting line feeds as the CSV parser does). */
export class InvalidUtf8Error extends Error {
  constructor(readonly line: number) {
    super(`line ${line} is not valid UTF-8`);
  }
}

const lineFeed = 0x0a;
const pieceSize = 65_536;

/** Line feeds in `bytes`: a UTF-8 multi-byte sequence never contains the byte 0x0A. */
function countLineFeeds(bytes: Buffer): number {
  let count = 0;
  for (let at = bytes.indexOf(lineFeed); at !== -1; at = bytes.indexOf(lineFeed, at + 1)) count++;
  return count;
}

/** Where the last complete character of `bytes` ends, so a character split across chunks is decoded whole. */
function endOfCompleteCharacters(bytes: Buffer): number {
  let lead = bytes.length - 1;
  while (lead >= 0 && bytes.length - lead <= 3 && (bytes[lead] & 0xc0) === 0x80) lead--;
  if (lead < 0) return bytes.length;
  const first = bytes[lead];
  const length = first >= 0xf0 ? 4 : first >= 0xe0 ? 3 : first >= 0xc0 ? 2 : 1;
  // A malformed tail is left in place: the validation of this chunk reports it.
  return bytes.length - lead < length && length > 1 ? lead : bytes.length;
}

/**
 * Decodes a byte stream as strict UTF-8, 64 KiB at a time, and throws InvalidUtf8Error naming the
 * first line that is not: a file saved as Windows-1252 or Latin-1 would otherwise turn every "é"
 * into "�" in names and emails without anyone noticing. Strings pass through (already decoded).
 */
export async function* decodeUtf8(source: AsyncIterable<Buffer | Uint8Array | string> | Iterable<Buffer | Uint8Array | string>): AsyncGenerator<string> {
  let pending = Buffer.alloc(0);
  let linesBefore = 0;
  const decode = (bytes: Buffer): string => {
    if (!isUtf8(bytes)) {
      // Only on failure: find the line, one line at a time.
      let start = 0;
      for (let line = linesBefore + 1; ; line++) {
        const end = bytes.indexOf(lineFeed, start);
        if (!isUtf8(bytes.subarray(start, end === -1 ? bytes.length : end)) || end === -1) throw new InvalidUtf8Error(line);
        start = end + 1;
      }
    }
    linesBefore += countLineFeeds(bytes);
    return bytes.toString('utf8');
  };
  for await (const chunk of source) {
    // In pieces, so the CSV parser (which parses each piece it gets in one go) never holds the event loop for a whole large chunk.
    for (let start = 0; start < chunk.length; start += pieceSize) {
      if (typeof chunk === 'string') {
        yield chunk.slice(start, start + pieceSize);
        continue;
      }
      const piece = chunk.subarray(start, start + pieceSize);
      const bytes = pending.length ? Buffer.concat([pending, piece]) : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
      const end = endOfCompleteCharacters(bytes);
      pending = Buffer.from(bytes.subarray(end));
      if (end > 0) yield decode(bytes.subarray(0, end));
    }
  }
  if (pending.length) yield decode(pending);
}
