import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadText } from '@/lib/csv';
import { downloadBlob, safeFileName } from '@/lib/download';

/** Controls, bidi and zero-width format characters, path and Windows syntax: none may remain. */
const unsafe = (ch: string) => {
  const c = ch.codePointAt(0)!;
  return (
    c <= 0x1f ||
    (c >= 0x7f && c <= 0x9f) ||
    c === 0x61c ||
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0xfeff ||
    '\\/:*?"<>|'.includes(ch)
  );
};

describe('safeFileName', () => {
  it('keeps an ordinary name as it is', () => {
    expect(safeFileName('长治市民政局2017年政府信息公开工作年度报告.docx')).toBe(
      '长治市民政局2017年政府信息公开工作年度报告.docx',
    );
    expect(safeFileName('letters-2026-11-27.csv')).toBe('letters-2026-11-27.csv');
  });

  it('takes out what would hide the real extension or read as a path', () => {
    expect(safeFileName('报告\u202excod.exe.docx')).toBe('报告_xcod.exe.docx');
    expect(safeFileName('../../etc/passwd.csv')).toBe('_.._etc_passwd.csv');
    expect(safeFileName('a\u0000b\nc:d*e?.xlsx')).toBe('a_b_c_d_e_.xlsx');
    expect(safeFileName('  ...  .docx')).toBe('download.docx');
    expect(safeFileName('CON.csv')).toBe('_CON.csv');
    expect(safeFileName(`${'长'.repeat(300)}.docx`)).toBe(`${'长'.repeat(80)}.docx`);
  });

  it('for any text: no unsafe character, the extension kept, short, stable', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 400 }),
        fc.constantFrom('.csv', '.docx', '.xlsx'),
        (stem, ext) => {
          const out = safeFileName(stem + ext);
          expect([...out].filter(unsafe)).toEqual([]);
          expect(out.endsWith(ext)).toBe(true);
          expect(out.length).toBeGreaterThan(ext.length);
          expect(new TextEncoder().encode(out).length).toBeLessThanOrEqual(255);
          expect(safeFileName(out)).toBe(out);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('downloads', () => {
  afterEach(() => vi.restoreAllMocks());

  function captureDownload() {
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      names.push(this.download);
    });
    Object.assign(URL, { createObjectURL: () => 'blob:test', revokeObjectURL: () => undefined });
    return names;
  }

  it('save under the safe name (Word report, CSV)', () => {
    const names = captureDownload();
    downloadBlob('某局\u202e2017报告.docx', new Blob(['x']));
    downloadText('a/b.csv', 'x');
    expect(names).toEqual(['某局_2017报告.docx', 'a_b.csv']);
  });
});
