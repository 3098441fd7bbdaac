// Text typed by staff (incident names, notices, component and office names) or imported for
// applicants (names) is shown inside our own sentences: on the page, in the feeds, in emails and
// on X. One rule for all of them:
//
// 1. Strip the explicit bidirectional formatting controls: embeddings and overrides
//    (U+202A–U+202E) and isolates (U+2066–U+2069). Nobody needs to type them (Arabic or Hebrew
//    text displays correctly through the Unicode bidi algorithm alone), an override such as
//    U+202E makes text read differently from what it is ("Trojan Source"), and an unbalanced one
//    runs on past the end of the piece into our words: a date or a link can read reversed.
//    Left- and right-to-left marks (U+200E, U+200F, U+061C) stay: they only affect neighbouring
//    characters, and inside an isolate their neighbours are the piece's own.
//    Other control characters (C0 but tab, line feed and carriage return; DEL; C1) go too: they
//    have no place in a notice, XML cannot carry most of them and in HTML they are parse errors.
// 2. Isolate the piece, so that even right-to-left letters in it cannot pull neighbouring digits or
//    punctuation of ours into their run: in plain text between FIRST STRONG ISOLATE (U+2068) and
//    POP DIRECTIONAL ISOLATE (U+2069), in HTML in a <bdi> element (same effect, `dir=auto`).
//    Step 1 removed every isolate control from the piece, so the pair we add is always balanced.

// Both kinds of step 1 in one class: one pass, and none when there is nothing to strip (almost
// every name): a fan-out strips several pieces of every email.
const strippedCharacters = /[\u202A-\u202E\u2066-\u2069\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

export const firstStrongIsolate = '\u2068';
export const popDirectionalIsolate = '\u2069';

/** Untrusted text without bidi embedding, override or isolate controls, nor other control characters (step 1). */
export function withoutBidiControls(text: string): string {
  strippedCharacters.lastIndex = 0;
  return strippedCharacters.test(text) ? text.replace(strippedCharacters, '') : text;
}

/** Untrusted text made safe for plain text and isolated from what surrounds it: FSI … PDI (steps 1 and 2). */
export function isolateBidi(text: string): string {
  return `${firstStrongIsolate}${withoutBidiControls(text)}${popDirectionalIsolate}`;
}
