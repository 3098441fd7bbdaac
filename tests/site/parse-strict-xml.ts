import { SaxesParser } from 'saxes';

/** One element of a parsed document: its local name, namespace, attributes, own text and children. */
export type XmlElement = { local: string; uri: string; attributes: Record<string, string>; text: string; children: XmlElement[] };

/**
 * Parses `xml` with saxes in strict mode with namespaces, as a strict feed reader would, and
 * returns the document element. Any well-formedness or namespace error is collected and thrown
 * together, so a test fails on the first malformed feed. Text and CDATA both count as text.
 */
export function parseStrictXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const errors: string[] = [];
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  parser.on('error', (error) => errors.push(error.message));
  parser.on('opentag', (tag) => {
    const attributes = Object.fromEntries(Object.values(tag.attributes).map((a) => [a.name, a.value]));
    const element: XmlElement = { local: tag.local, uri: tag.uri, attributes, text: '', children: [] };
    stack.at(-1)?.children.push(element);
    root ??= element;
    stack.push(element);
  });
  parser.on('closetag', () => stack.pop());
  parser.on('text', (text) => {
    const current = stack.at(-1);
    if (current) current.text += text;
  });
  parser.on('cdata', (cdata) => {
    const current = stack.at(-1);
    if (current) current.text += cdata;
  });
  parser.write(xml).close();
  if (errors.length > 0) throw new Error(`not well-formed XML:\n${errors.join('\n')}`);
  if (!root) throw new Error('no document element');
  return root;
}

/** Every element below `element` (itself included), depth first. */
export function allElements(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap(allElements)];
}

/** The first child named `local`, or an error naming what is missing. */
export function child(element: XmlElement, local: string): XmlElement {
  const found = element.children.find((c) => c.local === local);
  if (!found) throw new Error(`<${element.local}> has no <${local}>`);
  return found;
}
