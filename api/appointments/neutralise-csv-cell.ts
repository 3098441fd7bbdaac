import { formulaLeads } from './unsafe-csv-text';

/** What a spreadsheet may run as a formula when a cell starts with it (OWASP "CSV Injection"). */
const exportFormulaLeads = [...formulaLeads, '\t', '\r'];

/**
 * One text cell of a CSV export, written out so a spreadsheet shows it and never runs it: a value
 * that starts like a formula gets a leading single quote (OWASP's advice; the spreadsheet then
 * treats the cell as text), and the cell is quoted with its quotes doubled, so a comma, quote or
 * line break inside cannot start another cell. Imports already refuse such values; this guards
 * exports of data that came in another way (or before those checks).
 */
export function neutraliseCsvCell(value: string): string {
  const text = exportFormulaLeads.some((lead) => value.startsWith(lead)) ? `'${value}` : value;
  return `"${text.replaceAll('"', '""')}"`;
}
