// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cellKey,
  editedRows,
  gridErrors,
  indexFigures,
  isBlock,
  moveFrom,
  parseClipboard,
  pasteBlock,
  pruneEdits,
  splitKey,
} from '@/features/assistance/grid';
import type { AssistanceFigure } from '@/features/assistance/types';

const fig = (over: Partial<AssistanceFigure> = {}): AssistanceFigure => ({
  id: '2026-10:140403:urban_dibao',
  period: '2026-10',
  regionCode: '140403',
  program: 'urban_dibao',
  values: { households: 100, persons: 180, standard: 780, expenditure: 81234.5 },
  status: 'published',
  illustrative: false,
  version: 2,
  createdAt: '2026-11-05T09:30:00+08:00',
  updatedAt: '2026-11-10T15:00:00+08:00',
  publishedAt: '2026-11-10T15:00:00+08:00',
  ...over,
});

describe('spreadsheet paste', () => {
  it('reads rows by newline and cells by tab, from Excel (CRLF, last newline, quotes)', () => {
    expect(parseClipboard('1\t2\r\n3\t4\r\n')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(parseClipboard('"1,234"\t 5 ')).toEqual([['1,234', '5']]);
    expect(parseClipboard('7')).toEqual([['7']]);
  });

  it('a single value is typed as usual; a block is spread over the cells', () => {
    expect(isBlock('1234')).toBe(false);
    expect(isBlock('1234\n')).toBe(false);
    expect(isBlock('1\t2')).toBe(true);
    expect(isBlock('1\n2')).toBe(true);
  });

  const keys = [
    ['a0', 'a1', 'a2'],
    ['b0', 'b1', 'b2'],
    ['c0', 'c1', 'c2'],
  ];

  it('fills the block from the cell pasted into, and reports what fell outside', () => {
    expect(
      pasteBlock(keys, { row: 1, col: 1 }, [
        ['x', 'y', 'z'],
        ['u', 'v', 'w'],
        ['p', 'q', 'r'],
      ]),
    ).toEqual({ updates: { b1: 'x', b2: 'y', c1: 'u', c2: 'v' }, count: 4, clipped: 5 });
  });

  it('property: every pasted cell lands in the grid or is counted as clipped', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: 2 }),
        fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), {
          minLength: 1,
          maxLength: 5,
        }),
        (row, col, matrix) => {
          const r = pasteBlock(keys, { row, col }, matrix);
          const cells = matrix.reduce((n, xs) => n + xs.length, 0);
          expect(r.count + r.clipped).toBe(cells);
          expect(Object.keys(r.updates)).toHaveLength(r.count);
          for (const k of Object.keys(r.updates)) expect(keys.flat()).toContain(k);
        },
      ),
    );
  });
});

describe('keyboard moves', () => {
  const at = { row: 1, col: 1 };
  const opts = { rows: 3, cols: 3, atStart: false, atEnd: false, shift: false };

  it('up, down and Enter always move; Shift+Enter moves up', () => {
    expect(moveFrom(at, 'ArrowUp', opts)).toEqual({ row: 0, col: 1 });
    expect(moveFrom(at, 'ArrowDown', opts)).toEqual({ row: 2, col: 1 });
    expect(moveFrom(at, 'Enter', opts)).toEqual({ row: 2, col: 1 });
    expect(moveFrom(at, 'Enter', { ...opts, shift: true })).toEqual({ row: 0, col: 1 });
  });

  it('left and right move only from the edge of the text, as in a spreadsheet', () => {
    expect(moveFrom(at, 'ArrowLeft', opts)).toBeNull();
    expect(moveFrom(at, 'ArrowLeft', { ...opts, atStart: true })).toEqual({ row: 1, col: 0 });
    expect(moveFrom(at, 'ArrowRight', opts)).toBeNull();
    expect(moveFrom(at, 'ArrowRight', { ...opts, atEnd: true })).toEqual({ row: 1, col: 2 });
    expect(moveFrom(at, 'a', opts)).toBeNull();
  });

  it('stays at the edges of the grid', () => {
    expect(moveFrom({ row: 0, col: 0 }, 'ArrowUp', opts)).toEqual({ row: 0, col: 0 });
    expect(moveFrom({ row: 2, col: 2 }, 'Enter', opts)).toEqual({ row: 2, col: 2 });
    expect(moveFrom({ row: 2, col: 2 }, 'ArrowRight', { ...opts, atEnd: true })).toEqual({
      row: 2,
      col: 2,
    });
  });
});

describe('edits against the server', () => {
  const figures = indexFigures([fig()]);
  const k = (field: 'households' | 'persons' | 'standard' | 'expenditure') =>
    cellKey('140403', 'urban_dibao', field);

  it('keys name region, program and field', () => {
    expect(splitKey(k('persons'))).toEqual({
      regionCode: '140403',
      program: 'urban_dibao',
      field: 'persons',
    });
  });

  it('drops edits equal to what the server has, however they are written', () => {
    const edits = {
      [k('households')]: '100',
      [k('persons')]: '181',
      [k('expenditure')]: '81,234.50',
      [cellKey('140404', 'urban_dibao', 'persons')]: '',
    };
    expect(pruneEdits(edits, '2026-10', figures)).toEqual({ [k('persons')]: '181' });
  });

  it('a row with one edit carries the server value of its other fields', () => {
    const rows = editedRows({ [k('persons')]: '200' }, '2026-10', figures);
    expect(rows).toEqual([
      {
        id: '2026-10:140403:urban_dibao',
        regionCode: '140403',
        program: 'urban_dibao',
        raw: { households: '100', persons: '200', standard: '780', expenditure: '81234.5' },
      },
    ]);
  });

  it('errors land on the cells they concern, including rules across fields', () => {
    expect(gridErrors({ [k('persons')]: '99' }, '2026-10', figures)).toEqual({
      [k('persons')]: 'assistance.errors.personsBelowHouseholds',
    });
    const fresh = cellKey('140404', 'tekun', 'persons');
    expect(gridErrors({ [fresh]: '10' }, '2026-10', figures)).toEqual({
      [cellKey('140404', 'tekun', 'concentrated')]: 'validation.required',
      [cellKey('140404', 'tekun', 'dispersed')]: 'validation.required',
      [cellKey('140404', 'tekun', 'expenditure')]: 'validation.required',
    });
  });
});
