import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { neutraliseCsvCell } from '../../api/appointments/neutralise-csv-cell';

describe('neutraliseCsvCell (for CSV exports)', () => {
  it.each(['=HYPERLINK("http://evil.test","Click")', '+254700000000', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1'])('makes %j text a spreadsheet will not run', (value) => {
    const cell = neutraliseCsvCell(value);
    const [[read]] = parse(cell) as string[][];
    expect(read).toBe(`'${value}`);
  });

  it('leaves ordinary text as it is, quoted so commas, quotes and line breaks stay inside the cell', () => {
    const values = ['Otieno, John', 'Amina "Mama" Ali', 'Line one\nline two', 'Wanjirũ', '', 'a=b', 'x@example.com'];
    const row = values.map(neutraliseCsvCell).join(',');
    expect(parse(row)).toEqual([values]);
  });
});
