import type { Language } from './strings';

/** A name in the page's language: the Swahili pages show staff's Swahili name when there is one. */
export function localName(named: { name: string; nameSw: string | null }, language: Language): string {
  return language === 'sw' && named.nameSw ? named.nameSw : named.name;
}
