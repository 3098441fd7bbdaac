// What a reader of a built page reads in its own language: the title, the body's text and the
// labels given to assistive technology, leaving out every element marked lang="en" (an English
// notice shown because no Swahili one was written, the "English" link of the language switch).
// The built pages are Astro's own well-formed output, so a small tag walker is enough.

const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const labelAttributes = /\b(?:aria-label|title|alt)="([^"]*)"/g;

const decode = (text: string) =>
  text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The page's readable text outside lang="en" elements, as one string of space-separated pieces. */
export function textOutsideEnglish(html: string): string {
  const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
  const body = html.slice(html.indexOf('<body'));
  const pieces: string[] = [decode(title)];
  const stack: { tag: string; english: boolean }[] = [];
  for (const match of body.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>|([^<]+)/g)) {
    const [, closing, tagName, attributes, text] = match;
    const english = stack.at(-1)?.english ?? false;
    if (text !== undefined) {
      if (!english) pieces.push(decode(text));
      continue;
    }
    const tag = tagName.toLowerCase();
    if (closing) {
      const at = stack.map((entry) => entry.tag).lastIndexOf(tag);
      if (at >= 0) stack.length = at;
      continue;
    }
    const markedEnglish = english || /\blang="en"/.test(attributes);
    if (!markedEnglish) for (const label of attributes.matchAll(labelAttributes)) pieces.push(decode(label[1]));
    if (!voidElements.has(tag) && !attributes.trimEnd().endsWith('/')) stack.push({ tag, english: markedEnglish });
  }
  return pieces.join(' ').replace(/\s+/g, ' ');
}
