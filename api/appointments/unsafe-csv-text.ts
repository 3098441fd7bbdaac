// What an imported cell may not carry, whatever its column. The values end up in emails, logs,
// the console and (soon) exported spreadsheets, so anything that acts instead of reads is refused
// with the line and field, rather than stored or silently stripped.

/** C0 controls (tab and line breaks included: no field of ours spans lines), DEL and C1 controls. */
const controlCharacter = /[\u0000-\u001F\u007F-\u009F]/;
/** Bidi embeddings, overrides and isolates: they make text display differently from what it is ("Trojan Source"). */
const directionControl = /[\u202A-\u202E\u2066-\u2069]/;
/** A spreadsheet runs a cell starting with one of these as a formula (OWASP CSV injection). Tab and CR are control characters, refused above. */
export const formulaLeads = ['=', '+', '-', '@'] as const;

const codePoint = (character: string) => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why `value` may not be stored as `field`, or null. Never repeats the value: it may be a person's name. */
export function unsafeCharacterProblem(field: string, value: string): string | null {
  const control = controlCharacter.exec(value);
  if (control) {
    return `${field} contains the control character ${codePoint(control[0])} at character ${control.index + 1}; remove it (it often comes from copying out of another program).`;
  }
  const direction = directionControl.exec(value);
  if (direction) {
    return `${field} contains the text-direction control ${codePoint(direction[0])} at character ${direction.index + 1}, which makes text display differently from what it is; remove it.`;
  }
  return null;
}

/** For text columns (names, emails, references): a cell a spreadsheet would run as a formula. */
export function formulaLeadProblem(field: string, value: string): string | null {
  const lead = formulaLeads.find((character) => value.startsWith(character));
  if (!lead) return null;
  return `${field} starts with "${lead}", which a spreadsheet would run as a formula; remove the leading "${lead}" (check the cell was not turned into a formula when the file was edited).`;
}
