/** One text field of a parsed form: the last value when sent more than once, '' when absent or a file. */
export function formText(form: Record<string, unknown>, name: string): string {
  const value = form[name];
  const last = Array.isArray(value) ? value[value.length - 1] : value;
  return typeof last === 'string' ? last : '';
}

/** Every text value of a repeated field (checkboxes). */
export function formTexts(form: Record<string, unknown>, name: string): string[] {
  const value = form[name];
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.filter((v): v is string => typeof v === 'string');
}
