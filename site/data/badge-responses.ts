import type { StatuspageComponent } from '../../api/status/statuspage-types';
import { pickStrings, type Language } from '../i18n/strings';
import { loadSnapshot } from './load-snapshot';
import { componentStatusColours, indicatorColours, statusBadgeSvg } from './status-badge';

// The badges the build writes: /badge.svg and /sw/badge.svg for the whole page, and
// /badge/<component id>.svg per component, all from this build's Statuspage summary.

const svgResponse = (svg: string) => new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } });

export function pageBadgeResponse(language: Language): Response {
  const snapshot = loadSnapshot();
  const strings = pickStrings(language);
  const indicator = snapshot.statuspage['summary.json'].status.indicator;
  const message = strings.overall[indicator];
  return svgResponse(
    statusBadgeSvg({ label: strings.badgeLabel, message, colour: indicatorColours[indicator], title: `${snapshot.page.name}: ${message}`, language }),
  );
}

/** Every component, shown on the page or not (groups are not components here). */
export const badgeComponents = (): StatuspageComponent[] => loadSnapshot().statuspage['summary.json'].components.filter((c) => !c.group);

export function componentBadgeResponse(component: StatuspageComponent): Response {
  const message = pickStrings('en').componentStatus[component.status];
  return svgResponse(
    statusBadgeSvg({
      label: component.name,
      message,
      colour: componentStatusColours[component.status],
      title: `${component.name}: ${message}`,
      language: 'en',
    }),
  );
}
