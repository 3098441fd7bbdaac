import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { withoutBidiControls } from '../../api/text/isolate-bidi';

// A postmortem is Markdown written by staff, shown as HTML on the incident pages. Two guards, so
// neither alone has to be perfect: markdown-it never passes raw HTML through (`html: false`
// escapes it as text) and refuses javascript:, vbscript: and data: links; then sanitize-html keeps
// only a short allow-list of tags, `href` alone as an attribute, and http(s) and mailto links.

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** The page's own headings go down to h2; a postmortem's start below them. */
const headingLevels: Record<string, string> = { h1: 'h3', h2: 'h3', h3: 'h4', h4: 'h4', h5: 'h4', h6: 'h4' };

const allowList: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'h3', 'h4', 'em', 'strong', 'ul', 'ol', 'li', 'a', 'code', 'pre', 'blockquote', 'hr'],
  allowedAttributes: { a: ['href'], ol: ['start'] },
  allowedSchemes: ['https', 'http', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: Object.fromEntries(Object.entries(headingLevels).map(([from, to]) => [from, sanitizeHtml.simpleTransform(to, {})])),
};

/**
 * The postmortem as safe HTML: bidi and other control characters stripped first (they could make
 * a sentence or a link read differently from what it is; api/text/isolate-bidi.ts), then rendered
 * and cleaned.
 */
export function postmortemHtml(postmortemMarkdown: string): string {
  return sanitizeHtml(markdown.render(withoutBidiControls(postmortemMarkdown)), allowList);
}
