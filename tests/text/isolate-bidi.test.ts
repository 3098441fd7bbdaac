import { describe, expect, it } from 'vitest';
import { isolateBidi, withoutBidiControls } from '../../api/text/isolate-bidi';

describe('untrusted text in our sentences', () => {
  it('loses embeddings, overrides, isolates and control characters, and keeps marks, tabs and line breaks', () => {
    const controls = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069';
    expect(withoutBidiControls(`a${controls}b\u0000\u0007\u001B\u007F\u0085c`)).toBe('abc');
    expect(withoutBidiControls('שלום\u200F 12\u200E\tok\r\nnext')).toBe('שלום\u200F 12\u200E\tok\r\nnext');
  });

  it('is isolated by one balanced FSI … PDI pair, whatever isolates it carried', () => {
    expect(isolateBidi('\u2069\u2069 Closed until \u202E10/21 \u2066')).toBe('\u2068 Closed until 10/21 \u2069');
  });
});
