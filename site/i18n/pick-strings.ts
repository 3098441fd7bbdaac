import { en } from './en';
import type { Language, Strings } from './strings';
import { sw } from './sw';

const byLanguage: Record<Language, Strings> = { en, sw };

export function pickStrings(language: Language): Strings {
  return byLanguage[language];
}
