import type { ParseResult } from 'papaparse';
import { downloadText, safeCell, toCsv } from '@/lib/csv';
import { safeFileName } from '@/lib/download';
import type { Label } from './transfer';
import { exportTable } from './transfer';
import type { CatalogueEntry } from './types';

/** The filtered catalogue as CSV (UTF-8 with BOM) or Excel; every text cell is formula-safe. */
export async function downloadCatalogue(
  entries: CatalogueEntry[],
  label: Label,
  format: 'csv' | 'xlsx',
  stamp: string,
) {
  const [header, ...rows] = exportTable(entries, label);
  const name = `catalogue-${stamp}`;
  if (format === 'csv') {
    downloadText(`${name}.csv`, toCsv(header as string[], rows));
    return;
  }
  // Loaded on demand: the Excel writer is only needed here.
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const data = [header!, ...rows].map((r) =>
    r.map((v) => (typeof v === 'number' ? v : safeCell(v))),
  );
  await writeXlsxFile(data).toFile(safeFileName(`${name}.xlsx`));
}

/** Read a CSV or .xlsx file into a table of cells (first row = headers). */
export async function readTable(
  file: File,
  onProgress: (share: number) => void,
): Promise<unknown[][]> {
  if (/\.xlsx$/i.test(file.name)) {
    const { readSheet } = await import('read-excel-file/browser');
    onProgress(0.5);
    const rows = await readSheet(file);
    onProgress(1);
    return rows as unknown[][];
  }
  const { default: Papa } = await import('papaparse');
  const text = await file.text();
  return new Promise((resolve, reject) => {
    const rows: unknown[][] = [];
    Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
      skipEmptyLines: false, // parseTable skips blank lines and keeps the file's row numbers
      chunkSize: 256 * 1024,
      chunk: (res: ParseResult<string[]>) => {
        rows.push(...res.data);
        onProgress(Math.min(1, (res.meta.cursor ?? 0) / Math.max(text.length, 1)));
      },
      complete: () => resolve(rows),
      error: (e: Error) => reject(e),
    });
  });
}
