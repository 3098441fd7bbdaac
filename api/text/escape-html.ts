const htmlSpecial = /[&<>"']/g;
const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text made safe for HTML content and quoted attribute values. One pass, and none when there is
 * nothing to escape (most sentences of an email): the fan-out escapes every piece of every email.
 */
export function escapeHtml(value: string): string {
  htmlSpecial.lastIndex = 0;
  if (!htmlSpecial.test(value)) return value;
  return value.replace(htmlSpecial, (character) => entities[character]);
}
