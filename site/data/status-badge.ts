import type { ComponentStatus } from '../../db/schema/constants';
import type { PageIndicator } from '../../api/status/page-status';
import { withoutBidiControls } from '../../api/text/isolate-bidi';
import { xmlText } from './xml-text';

// A shields.io-style "flat" badge (label on grey, message on the status colour) drawn as SVG at
// build time, so any page can show the current status with a plain <img>. Text is measured
// roughly and then fitted with textLength, so it stays inside its box whatever font renders it.

export const indicatorColours: Record<PageIndicator, string> = {
  none: '#2e7d32',
  minor: '#a15c00',
  major: '#c43e00',
  critical: '#b71c1c',
  maintenance: '#005ea2',
};

export const componentStatusColours: Record<ComponentStatus, string> = {
  operational: '#2e7d32',
  degraded_performance: '#a15c00',
  partial_outage: '#c43e00',
  major_outage: '#b71c1c',
  under_maintenance: '#005ea2',
};

/** Longest label shown in full; longer component names end in an ellipsis. */
const maxLabelLength = 48;

/** Approximate width in pixels of `text` in 11px Verdana, the shields font. */
function textWidth(text: string): number {
  let width = 0;
  for (const character of text) {
    if ('iljft.,:;|!\' '.includes(character)) width += 3.7;
    else if ('mwMW'.includes(character)) width += 10;
    else if (character >= 'A' && character <= 'Z') width += 7.5;
    else width += 6.6;
  }
  return Math.ceil(width);
}

const shorten = (text: string) => {
  const characters = [...text];
  return characters.length > maxLabelLength ? `${characters.slice(0, maxLabelLength - 1).join('')}…` : text;
};

/** The badge as a standalone SVG document; `title` is what screen readers and hovering show. */
export function statusBadgeSvg(input: { label: string; message: string; colour: string; title: string; language: string }): string {
  const label = shorten(withoutBidiControls(input.label));
  const message = withoutBidiControls(input.message);
  const title = withoutBidiControls(input.title);
  const labelWidth = textWidth(label) + 10;
  const messageWidth = textWidth(message) + 10;
  const width = labelWidth + messageWidth;
  const text = (value: string, x: number, length: number) =>
    `<text x="${x * 10}" y="140" transform="scale(.1)" textLength="${length * 10}" lengthAdjust="spacingAndGlyphs">${xmlText(value)}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${xmlText(title)}" xml:lang="${xmlText(input.language)}">
<title>${xmlText(title)}</title>
<clipPath id="r"><rect width="${width}" height="20" rx="3" fill="#fff"/></clipPath>
<g clip-path="url(#r)"><rect width="${labelWidth}" height="20" fill="#555"/><rect x="${labelWidth}" width="${messageWidth}" height="20" fill="${xmlText(input.colour)}"/></g>
<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="110">
${text(label, labelWidth / 2, labelWidth - 10)}
${text(message, labelWidth + messageWidth / 2, messageWidth - 10)}
</g>
</svg>
`;
}
