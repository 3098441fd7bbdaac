// Characters XML 1.0 allows at all (production "Char"); the rest, such as most C0 controls or a lone
// surrogate, cannot even be written as a character reference, so a strict parser rejects the file.
const notXmlCharacters = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Any text as XML character data or an attribute value: characters XML cannot carry are dropped,
 * markup characters become entities. No CDATA anywhere: escaped text has no "]]>" to end it early.
 */
export function xmlText(text: string): string {
  return text
    .replace(notXmlCharacters, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
