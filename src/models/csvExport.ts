/**
 * Tables as CSV (RFC 4180, CRLF line ends), for "Export CSV". Text from data files may start with
 * `=`, `+`, `-` or `@`, which spreadsheets run as a formula: such text (unless it is a number) gets
 * a leading apostrophe, as OWASP advises for CSV injection.
 */
import { safeFileStem } from './fileNames';

export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map(row => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? String(value) : '';
  }
  let text = String(value);
  if (FORMULA_START.test(text) && !isNumber(text)) {
    text = `'${text}`;
  }
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function isNumber(text: string): boolean {
  return text.trim() !== '' && Number.isFinite(Number(text));
}

/** A file name for an export: `stem` (a document or folder name) without odd characters. */
export function exportName(stem: string, suffix: string, extension = 'csv'): string {
  return `${safeFileStem(stem, 'table')}-${suffix}.${extension}`;
}
