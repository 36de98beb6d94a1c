import type { ParseResult } from 'papaparse';
import { downloadText, safeCell, toCsv } from '@/lib/csv';
import { datedFileName, safeFileName } from '@/lib/download';
import { decodeText, type TextEncodingName } from '@/lib/text-decode';
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
  const name = datedFileName(label('app.files.catalogue'), stamp, format);
  if (format === 'csv') {
    downloadText(name, toCsv(header as string[], rows));
    return;
  }
  // Loaded on demand: the Excel writer is only needed here.
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const data = [header!, ...rows].map((r) =>
    r.map((v) => (typeof v === 'number' ? v : safeCell(v))),
  );
  await writeXlsxFile(data).toFile(safeFileName(name));
}

export interface ReadTable {
  rows: unknown[][];
  /** The text encoding a CSV file was read in (null for Excel, which carries its own). */
  encoding: TextEncodingName | null;
}

/**
 * Read a CSV or .xlsx file into a table of cells (first row = headers). A CSV file that is not
 * UTF-8 is read as GB18030 (GBK), the default of Chinese Excel and WPS; the caller says which.
 */
export async function readTable(
  file: File,
  onProgress: (share: number) => void,
): Promise<ReadTable> {
  if (/\.xlsx$/i.test(file.name)) {
    const { readSheet } = await import('read-excel-file/browser');
    onProgress(0.5);
    const rows = await readSheet(file);
    onProgress(1);
    return { rows: rows as unknown[][], encoding: null };
  }
  const { default: Papa } = await import('papaparse');
  const { text, encoding } = decodeText(new Uint8Array(await file.arrayBuffer()));
  const rows = await new Promise<unknown[][]>((resolve, reject) => {
    const out: unknown[][] = [];
    Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
      skipEmptyLines: false, // parseTable skips blank lines and keeps the file's row numbers
      chunkSize: 256 * 1024,
      chunk: (res: ParseResult<string[]>) => {
        out.push(...res.data);
        onProgress(Math.min(1, (res.meta.cursor ?? 0) / Math.max(text.length, 1)));
      },
      complete: () => resolve(out),
      error: (e: Error) => reject(e),
    });
  });
  return { rows, encoding };
}
