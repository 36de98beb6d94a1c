import Papa from 'papaparse';
import { downloadBlob } from './download';

/**
 * Neutralise spreadsheet formulas (CSV/formula injection): a cell starting with = + - @, tab or CR
 * is prefixed with an apostrophe so Excel/WPS show it as text.
 */
export function safeCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value); // real numbers stay numbers
  const s = String(value);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** CSV text with a BOM so Excel opens UTF-8 Chinese correctly. */
export function toCsv(header: string[], rows: unknown[][]): string {
  return `\uFEFF${Papa.unparse({ fields: header, data: rows.map((r) => r.map(safeCell)) }, { newline: '\r\n' })}`;
}

export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8') {
  downloadBlob(filename, new Blob([text], { type }));
}
