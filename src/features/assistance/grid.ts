/**
 * The month grid's pure parts: cell keys, spreadsheet paste, keyboard moves, and which rows hold
 * unsaved edits. The component only wires these to inputs.
 */
import { figureId, parseCell, validateRaw } from './rules';
import { PROGRAM_FIELDS, type AssistanceFigure, type FigureField, type Program } from './types';

export type Edits = Record<string, string>;
export interface Pos {
  row: number;
  col: number;
}

export const cellKey = (regionCode: string, program: Program, field: FigureField) =>
  `${regionCode}|${program}|${field}`;

export function splitKey(key: string) {
  const [regionCode = '', program = 'urban_dibao', field = 'persons'] = key.split('|');
  return { regionCode, program: program as Program, field: field as FigureField };
}

/** Text copied from a spreadsheet: rows by newline, cells by tab; quotes and a last newline dropped. */
export function parseClipboard(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => l.split('\t').map((c) => c.trim().replace(/^"(.*)"$/s, '$1')));
}

/** Whether pasted text is a block (several cells) rather than one value. */
export const isBlock = (text: string) => /[\t\n\r]/.test(text.replace(/[\r\n]+$/, ''));

/**
 * Fill the block that starts at `start` with `matrix`; whatever falls outside the grid is left
 * out and reported as `clipped`.
 */
export function pasteBlock(
  keys: string[][],
  start: Pos,
  matrix: string[][],
): { updates: Edits; count: number; clipped: number } {
  const updates: Edits = {};
  let count = 0;
  let clipped = 0;
  matrix.forEach((cells, i) =>
    cells.forEach((value, j) => {
      const key = keys[start.row + i]?.[start.col + j];
      if (key === undefined) clipped += 1;
      else {
        updates[key] = value;
        count += 1;
      }
    }),
  );
  return { updates, count, clipped };
}

/**
 * Where a key press moves the focus, or null when the input keeps it: up/down and Enter always
 * move; left/right only at the start/end of the text, as in a spreadsheet.
 */
export function moveFrom(
  pos: Pos,
  key: string,
  opts: { rows: number; cols: number; atStart: boolean; atEnd: boolean; shift: boolean },
): Pos | null {
  const to = { ...pos };
  if (key === 'ArrowUp' || (key === 'Enter' && opts.shift)) to.row -= 1;
  else if (key === 'ArrowDown' || key === 'Enter') to.row += 1;
  else if (key === 'ArrowLeft' && opts.atStart) to.col -= 1;
  else if (key === 'ArrowRight' && opts.atEnd) to.col += 1;
  else return null;
  if (to.row < 0 || to.row >= opts.rows || to.col < 0 || to.col >= opts.cols) return pos;
  return to;
}

/** The server's value as the grid shows it in an input (no grouping, so it can be edited). */
export const rawOf = (n: number | undefined) => (n === undefined ? '' : String(n));

export type Figures = ReadonlyMap<string, AssistanceFigure>;
export const indexFigures = (figs: readonly AssistanceFigure[]): Figures =>
  new Map(figs.map((f) => [f.id, f]));

/** Drop edits that equal what the server has (typed back, or saved since). */
export function pruneEdits(edits: Edits, period: string, figures: Figures): Edits {
  const out: Edits = {};
  for (const [key, raw] of Object.entries(edits)) {
    const { regionCode, program, field } = splitKey(key);
    const server = figures.get(figureId(period, regionCode, program))?.values[field];
    const parsed = parseCell(raw);
    if (server === undefined ? parsed !== null : parsed !== server) out[key] = raw;
  }
  return out;
}

export interface RowRef {
  regionCode: string;
  program: Program;
}

/** The (region, program) rows with edits, each with every field's text (edit or server value). */
export function editedRows(edits: Edits, period: string, figures: Figures) {
  const rows = new Map<string, RowRef & { raw: Partial<Record<FigureField, string>> }>();
  for (const key of Object.keys(edits)) {
    const { regionCode, program } = splitKey(key);
    const id = figureId(period, regionCode, program);
    if (rows.has(id)) continue;
    const server = figures.get(id);
    const raw: Partial<Record<FigureField, string>> = {};
    for (const f of PROGRAM_FIELDS[program] as readonly FigureField[])
      raw[f] = edits[cellKey(regionCode, program, f)] ?? rawOf(server?.values[f]);
    rows.set(id, { regionCode, program, raw });
  }
  return [...rows.entries()].map(([id, r]) => ({ id, ...r }));
}

/** Messages by cell key for every edited row (a cross-field error lands on its field's cell). */
export function gridErrors(edits: Edits, period: string, figures: Figures): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of editedRows(edits, period, figures)) {
    const errs = validateRaw(r.program, r.raw);
    for (const [f, msg] of Object.entries(errs))
      out[cellKey(r.regionCode, r.program, f as FigureField)] = msg;
  }
  return out;
}

/**
 * The grid's 合计 row: each column's sum over the regions shown, as the grid shows them (a typed
 * number wins over the saved one; a blank or wrong cell adds nothing). The 保障标准 is a rate per
 * person, not a quantity: it has no total (null).
 */
export function columnTotals(
  period: string,
  regionCodes: readonly string[],
  columns: readonly { program: Program; field: FigureField }[],
  figures: Figures,
  edits: Edits,
): (number | null)[] {
  return columns.map(({ program, field }) => {
    if (field === 'standard') return null;
    let sum = 0;
    for (const code of regionCodes) {
      const key = cellKey(code, program, field);
      const typed = key in edits ? parseCell(edits[key]!) : undefined;
      const v =
        typed === undefined ? figures.get(figureId(period, code, program))?.values[field] : typed;
      if (typeof v === 'number') sum += v;
    }
    return Math.round(sum * 100) / 100;
  });
}
