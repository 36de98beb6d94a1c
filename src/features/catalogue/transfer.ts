/**
 * Import and export of the catalogue as a table (CSV or Excel): the same columns both ways, a
 * template, and parsing that turns every problem into a per-row message. Pure: no DOM, no I/O.
 */
import { normaliseTypedDate } from '@/lib/dates';
import {
  ATTRIBUTES,
  CATALOGUE_CATEGORIES,
  CHANNELS,
  DOC_TYPES,
  VALIDITIES,
  catalogueInputSchema,
  type CatalogueEntry,
  type CatalogueInput,
} from './types';

/** Column keys in order; headers come from the locale (zh-CN headers are what offices use). */
export const COLUMNS = [
  'title',
  'category',
  'docType',
  'publisher',
  'docNo',
  'formedOn',
  'publishedOn',
  'attribute',
  'exemptReason',
  'channels',
  'validity',
  'repealedOn',
  'expiredOn',
  'keywords',
  'summary',
] as const;
export type Column = (typeof COLUMNS)[number];
export const EXPORT_COLUMNS = ['indexNo', ...COLUMNS, 'timely', 'lateWorkdays'] as const;

export type Label = (key: string) => string;

/** Enumerations accept the code or its label in either language. */
const ENUMS: Partial<Record<Column, readonly string[]>> = {
  category: CATALOGUE_CATEGORIES,
  docType: DOC_TYPES,
  attribute: ATTRIBUTES,
  validity: VALIDITIES,
};
const ENUM_PREFIX: Partial<Record<Column, string>> = {
  category: 'catalogue.categories',
  docType: 'catalogue.docTypes',
  attribute: 'catalogue.attributes',
  validity: 'catalogue.validities',
};

export interface RowError {
  row: number; // 1-based row in the file, header = 1
  field: Column | '_';
  message: string; // a locale key
  /** The cell as the file has it ('' when blank). */
  value: string;
  /** For a closed list (category, channels, …): the values it accepts, in the UI's language. */
  allowed?: string[];
}

/** A data row of the file as the preview shows it: enumerations in the UI's language. */
export interface PreviewRow {
  row: number;
  cells: Record<Column, string>;
  ok: boolean;
}

export interface ParsedTable {
  rows: CatalogueInput[];
  /** Every non-blank data row, good or bad, in file order. */
  preview: PreviewRow[];
  errors: RowError[];
  headerErrors: string[]; // locale keys with the offending header in `detail`
  missing: Column[];
  unknown: string[];
}

const cellText = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  return String(v).trim();
};

function toEnum(col: Column, value: string, labels: Label[]): string {
  const codes = ENUMS[col]!;
  if (codes.includes(value)) return value;
  for (const label of labels) {
    const hit = codes.find((c) => label(`${ENUM_PREFIX[col]}.${c}`) === value);
    if (hit) return hit;
  }
  return value;
}

/**
 * Table (first row = headers) → entries to import. Headers may be the zh-CN or en-US column names
 * or the codes; unknown columns are reported; each row is validated exactly as the server will.
 */
export function parseTable(table: unknown[][], labels: Label[]): ParsedTable {
  const [header = [], ...body] = table;
  const unknown: string[] = [];
  const index = new Map<Column, number>();
  header.forEach((h, i) => {
    const name = cellText(h).replace(/^\uFEFF/, '');
    if (!name) return;
    const named = (c: string) =>
      c === name || labels.some((l) => l(`catalogue.columns.${c}`) === name);
    const col = COLUMNS.find(named);
    if (col) index.set(col, i);
    // The read-only columns of an export (索引号, 是否按时, 超期工作日) are ours: ignored, not "unknown".
    else if (!EXPORT_COLUMNS.some(named)) unknown.push(name);
  });
  const missing = (
    ['title', 'category', 'docType', 'publisher', 'formedOn', 'attribute'] as Column[]
  ).filter((c) => !index.has(c));
  const result: ParsedTable = {
    rows: [],
    preview: [],
    errors: [],
    headerErrors: [],
    missing,
    unknown,
  };
  const shown = labels[0] ?? ((k: string) => k);
  /** The values a closed list accepts, as the user reads them. */
  const allowedOf = (c: Column): string[] | undefined =>
    c === 'channels'
      ? CHANNELS.map((code) => shown(`catalogue.channels.${code}`))
      : ENUMS[c]?.map((code) => shown(`${ENUM_PREFIX[c]}.${code}`));
  if (missing.length) {
    result.headerErrors.push('catalogue.import.missingColumns');
    return result;
  }
  body.forEach((cells, i) => {
    const rowNo = i + 2;
    const get = (c: Column) => (index.has(c) ? cellText(cells[index.get(c)!]) : '');
    if (COLUMNS.every((c) => get(c) === '')) return; // blank line
    // Not split on spaces: labels ("Government website") and keywords may contain them.
    const list = (c: Column) =>
      get(c)
        .split(/[;；,，、\r\n]+/)
        .map((s) => s.trim())
        .filter(Boolean);
    const date = (c: Column) => (get(c) ? normaliseTypedDate(get(c)) : null);
    const raw: Record<string, unknown> = {
      title: get('title'),
      category: toEnum('category', get('category'), labels),
      docType: toEnum('docType', get('docType') || 'other', labels),
      publisher: get('publisher'),
      docNo: get('docNo') || null,
      formedOn: date('formedOn') ?? undefined, // blank → "required", not "wrong format"
      publishedOn: date('publishedOn'),
      attribute: toEnum('attribute', get('attribute'), labels),
      exemptReason: get('exemptReason') || null,
      channels: list('channels'),
      validity: toEnum('validity', get('validity') || 'valid', labels),
      repealedOn: date('repealedOn'),
      expiredOn: date('expiredOn'),
      keywords: list('keywords'),
      summary: get('summary') || null,
    };
    raw.channels = (raw.channels as string[]).map((c) =>
      (CHANNELS as readonly string[]).includes(c)
        ? c
        : (CHANNELS.find((code) => labels.some((l) => l(`catalogue.channels.${code}`) === c)) ?? c),
    );
    const r = catalogueInputSchema.safeParse(raw);
    const shownCells = Object.fromEntries(
      COLUMNS.map((c) => [c, displayCell(c, raw[c], get(c), shown)]),
    ) as Record<Column, string>;
    result.preview.push({ row: rowNo, cells: shownCells, ok: r.success });
    if (r.success) result.rows.push(raw as CatalogueInput);
    else
      for (const issue of r.error.issues) {
        const field = (issue.path[0] as Column | undefined) ?? '_';
        if (result.errors.some((e) => e.row === rowNo && e.field === field)) continue;
        const value = field === '_' ? '' : get(field);
        // A channel list fails on its one bad item: name that item, not the whole cell.
        const badItem =
          field === 'channels' && typeof issue.path[1] === 'number'
            ? (list('channels')[issue.path[1]] ?? value)
            : value;
        const allowed = field === '_' ? undefined : allowedOf(field);
        result.errors.push({
          row: rowNo,
          field,
          message: /\s/.test(issue.message)
            ? value
              ? allowed
                ? 'catalogue.import.notInList'
                : 'validation.unknownValue'
              : 'validation.required'
            : issue.message,
          value: badItem,
          ...(allowed && value ? { allowed } : {}),
        });
      }
  });
  return result;
}

/** A cell for the preview: a recognised code in the UI's language, anything else as typed. */
function displayCell(col: Column, parsed: unknown, typed: string, label: Label): string {
  if (col === 'channels' && Array.isArray(parsed))
    return parsed
      .map((c: string) =>
        (CHANNELS as readonly string[]).includes(c) ? label(`catalogue.channels.${c}`) : c,
      )
      .join('；');
  const codes = ENUMS[col];
  // A recognised code (or the default a blank 文种/有效性 takes) in the UI's language.
  if (codes && typeof parsed === 'string' && codes.includes(parsed))
    return label(`${ENUM_PREFIX[col]}.${parsed}`);
  return typed;
}

/** Entries → table rows (header first) for CSV/Excel; labels in the user's language. */
export function exportTable(entries: CatalogueEntry[], label: Label): (string | number)[][] {
  const header = EXPORT_COLUMNS.map((c) => label(`catalogue.columns.${c}`));
  const rows = entries.map((e) => [
    e.indexNo,
    e.title,
    label(`catalogue.categories.${e.category}`),
    label(`catalogue.docTypes.${e.docType}`),
    e.publisher,
    e.docNo ?? '',
    e.formedOn,
    e.publishedOn ?? '',
    label(`catalogue.attributes.${e.attribute}`),
    e.exemptReason ?? '',
    e.channels.map((c) => label(`catalogue.channels.${c}`)).join('；'),
    label(`catalogue.validities.${e.validity}`),
    e.repealedOn ?? '',
    e.expiredOn ?? '',
    e.keywords.join('；'),
    e.summary ?? '',
    e.timely === null ? '' : e.timely ? label('catalogue.timely') : label('catalogue.lateShort'),
    e.lateWorkdays,
  ]);
  return [header, ...rows];
}

/** The import template: headers and one example row. */
export function templateTable(label: Label): string[][] {
  return [
    COLUMNS.map((c) => label(`catalogue.columns.${c}`)),
    [
      '关于调整城乡低保标准的通知',
      label('catalogue.categories.policy'),
      label('catalogue.docTypes.normative'),
      '长治市民政局',
      '长民发〔2026〕8号',
      '2026-03-02',
      '2026-03-10',
      label('catalogue.attributes.proactive'),
      '',
      `${label('catalogue.channels.website')}；${label('catalogue.channels.wechat')}`,
      label('catalogue.validities.valid'),
      '',
      '',
      '低保；标准',
      '明确2026年城乡低保标准。',
    ],
  ];
}
