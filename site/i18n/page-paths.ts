import type { Language } from './strings';

/** Where a language's pages live: English at the root, Swahili under /sw/. */
export const languagePrefix = (language: Language): string => (language === 'sw' ? '/sw' : '');

/**
 * The same page in the other language: every public page exists in both, at the same path with
 * or without the /sw prefix.
 */
export function counterpartPath(path: string, language: Language): string {
  return language === 'sw' ? path.replace(/^\/sw(?=\/)/, '') : `/sw${path}`;
}
