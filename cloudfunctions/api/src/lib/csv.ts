// CSV as spreadsheets open it (RFC 4180, CRLF line ends), for exports and later the survey results: a file starts
// with the UTF-8 byte-order mark, without which Excel reads Chinese as GBK and shows mojibake.

export type Cell = string | number | boolean | null | undefined;

export const CSV_BOM = '\uFEFF';

/**
 * One field. Quoted when it holds a comma, quote or line break. Text a spreadsheet would run as a formula (=, +, -,
 * @, tab, CR at the start) gets a leading apostrophe: a citizen's letter must not become a formula on a civil
 * servant's computer (OWASP "CSV injection"). Numbers are written as they are.
 */
export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, with its line end. */
export function csvRow(values: readonly Cell[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** Records, one after the other: a part of a file written in batches. */
export function csvRows(rows: ReadonlyArray<readonly Cell[]>): string {
  return rows.map(csvRow).join('');
}

/** A whole small file: the mark, the header, the records. */
export function csvFile(header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): Buffer {
  return Buffer.from(CSV_BOM + csvRow(header) + csvRows(rows), 'utf8');
}
