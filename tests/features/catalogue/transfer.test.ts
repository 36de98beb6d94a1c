// @vitest-environment node
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { normaliseTypedDate as normaliseDate } from '@/lib/dates';
import { translate } from '@/lib/i18n/core';
import { safeCell, toCsv } from '@/lib/csv';
import {
  COLUMNS,
  EXPORT_COLUMNS,
  exportTable,
  parseTable,
  templateTable,
  type Column,
  type Label,
} from '@/features/catalogue/transfer';
import {
  ATTRIBUTES,
  CATALOGUE_CATEGORIES,
  CHANNELS,
  DOC_TYPES,
  VALIDITIES,
  catalogueInputSchema,
  type CatalogueEntry,
} from '@/features/catalogue/types';

const zh: Label = (key) => translate('zh-CN', key);
const en: Label = (key) => translate('en-US', key);
const LABELS = [zh, en];

const zhHeader = COLUMNS.map((c) => zh(`catalogue.columns.${c}`));
const enHeader = COLUMNS.map((c) => en(`catalogue.columns.${c}`));
const codeHeader = [...COLUMNS];

/** One row's cells by column key; unspecified columns are blank. */
type Cells = Partial<Record<Column, unknown>>;
const GOOD: Cells = {
  title: '关于调整城乡低保标准的通知',
  category: 'policy',
  docType: 'normative',
  publisher: '长治市民政局',
  docNo: '长民发〔2024〕12号',
  formedOn: '2024-03-05',
  publishedOn: '2024-03-12',
  attribute: 'proactive',
  channels: 'website；wechat',
  validity: 'valid',
  keywords: '低保；标准',
  summary: '明确2024年城乡低保标准。',
};
const row = (cells: Cells): unknown[] => COLUMNS.map((c) => cells[c] ?? '');
const table = (rows: Cells[], header: readonly string[] = codeHeader) => [
  [...header],
  ...rows.map((r) => row({ ...GOOD, ...r })),
];
/** The input the GOOD row stands for. */
const GOOD_INPUT = {
  title: '关于调整城乡低保标准的通知',
  category: 'policy',
  docType: 'normative',
  publisher: '长治市民政局',
  docNo: '长民发〔2024〕12号',
  formedOn: '2024-03-05',
  publishedOn: '2024-03-12',
  attribute: 'proactive',
  exemptReason: null,
  channels: ['website', 'wechat'],
  validity: 'valid',
  repealedOn: null,
  expiredOn: null,
  keywords: ['低保', '标准'],
  summary: '明确2024年城乡低保标准。',
};

describe('parseTable: headers', () => {
  it.each([
    ['zh-CN', zhHeader],
    ['en-US', enHeader],
    ['codes', codeHeader],
  ])('reads %s column names', (_name, header) => {
    const r = parseTable(table([{}], header), LABELS);
    expect(r).toMatchObject({ errors: [], headerErrors: [], missing: [], unknown: [] });
    expect(r.rows).toEqual([GOOD_INPUT]);
  });

  it('finds columns in any order, with a BOM and padding on the first header', () => {
    const cols = [...COLUMNS].reverse();
    const header = cols.map((c) => zh(`catalogue.columns.${c}`));
    header[0] = `\uFEFF ${header[0]} `;
    const r = parseTable([header, cols.map((c) => GOOD[c] ?? '')], LABELS);
    expect(r.missing).toEqual([]);
    expect(r.rows).toEqual([GOOD_INPUT]);
  });

  it('missing required columns: all of them listed, no rows parsed', () => {
    const keep = COLUMNS.filter((c) => !['publisher', 'formedOn', 'attribute'].includes(c));
    const t = [
      keep.map((c) => zh(`catalogue.columns.${c}`)),
      ...Array.from({ length: 3 }, () => keep.map((c) => GOOD[c] ?? '')),
    ];
    const r = parseTable(t, LABELS);
    expect(r.missing).toEqual(['publisher', 'formedOn', 'attribute']);
    expect(r.headerErrors).toEqual(['catalogue.import.missingColumns']);
    expect(r.rows).toEqual([]);
    expect(r.errors).toEqual([]);
  });

  it('a file with the wrong columns altogether (or none) is refused', () => {
    const wrong = parseTable(
      [
        ['姓名', '电话', '地址'],
        ['张三', '13812345678', '长治'],
      ],
      LABELS,
    );
    expect(wrong.missing).toEqual([
      'title',
      'category',
      'docType',
      'publisher',
      'formedOn',
      'attribute',
    ]);
    expect(wrong.unknown).toEqual(['姓名', '电话', '地址']);
    expect(wrong.rows).toEqual([]);
    const empty = parseTable([], LABELS);
    expect(empty.missing).toHaveLength(6);
    expect(empty.rows).toEqual([]);
  });

  it('unknown extra columns are reported and ignored', () => {
    const header = [...zhHeader, '备注', 'Remarks'];
    const t = [header, [...row(GOOD), '内部使用', '=cmd|calc']];
    const r = parseTable(t, LABELS);
    expect(r.unknown).toEqual(['备注', 'Remarks']);
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([GOOD_INPUT]);
  });

  it('optional columns may be left out', () => {
    const cols: Column[] = ['title', 'category', 'docType', 'publisher', 'formedOn', 'attribute'];
    const r = parseTable(
      [
        cols.map((c) => en(`catalogue.columns.${c}`)),
        ['部门预算公开', 'budget', 'other', '长治市民政局', '2024-03-05', 'on_request'],
      ],
      LABELS,
    );
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      {
        title: '部门预算公开',
        category: 'budget',
        docType: 'other',
        publisher: '长治市民政局',
        docNo: null,
        formedOn: '2024-03-05',
        publishedOn: null,
        attribute: 'on_request',
        exemptReason: null,
        channels: [],
        validity: 'valid',
        repealedOn: null,
        expiredOn: null,
        keywords: [],
        summary: null,
      },
    ]);
  });
});

describe('parseTable: values', () => {
  it('enumerations as codes or labels in either language', () => {
    const variants: Cells[] = [];
    const expected: { category: string; docType: string; attribute: string; validity: string }[] =
      [];
    CATALOGUE_CATEGORIES.forEach((category, i) => {
      const docType = DOC_TYPES[i % DOC_TYPES.length]!;
      const attribute = i % 2 ? 'proactive' : 'on_request';
      const validity = i % 3 === 0 ? 'expired' : 'valid';
      for (const l of [null, zh, en]) {
        const show = (prefix: string, code: string) =>
          l ? l(`catalogue.${prefix}.${code}`) : code;
        variants.push({
          category: show('categories', category),
          docType: show('docTypes', docType),
          attribute: show('attributes', attribute),
          validity: show('validities', validity),
          ...(validity === 'expired' ? { expiredOn: '2025-06-30' } : {}),
        });
        expected.push({ category, docType, attribute, validity });
      }
    });
    const r = parseTable(table(variants), LABELS);
    expect(r.errors).toEqual([]);
    expect(
      r.rows.map(({ category, docType, attribute, validity }) => ({
        category,
        docType,
        attribute,
        validity,
      })),
    ).toEqual(expected);
  });

  it('channels as codes or labels (with spaces in English labels), separated by ； ; , 、', () => {
    const r = parseTable(
      table([
        { channels: 'website,wechat' },
        { channels: '政府网站、政务微信；公开栏' },
        { channels: 'Government website; Notice board' },
        { channels: 'Government website，Weibo, press' },
      ]),
      LABELS,
    );
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => x.channels)).toEqual([
      ['website', 'wechat'],
      ['website', 'wechat', 'bulletin'],
      ['website', 'bulletin'],
      ['website', 'weibo', 'press'],
    ]);
  });

  it('an unknown enumeration value is reported on its field', () => {
    const r = parseTable(
      table([{ category: '不存在的分类', attribute: 'public', channels: 'fax' }]),
      LABELS,
    );
    expect(r.rows).toEqual([]);
    // Each error names the value as typed and the values the column accepts, in the UI's language.
    expect(r.errors).toEqual([
      {
        row: 2,
        field: 'category',
        message: 'catalogue.import.notInList',
        value: '不存在的分类',
        allowed: CATALOGUE_CATEGORIES.map((c) => zh(`catalogue.categories.${c}`)),
      },
      {
        row: 2,
        field: 'attribute',
        message: 'catalogue.import.notInList',
        value: 'public',
        allowed: ['主动公开', '依申请公开', '不予公开'],
      },
      {
        row: 2,
        field: 'channels',
        message: 'catalogue.import.notInList',
        value: 'fax',
        allowed: CHANNELS.map((c) => zh(`catalogue.channels.${c}`)),
      },
    ]);
  });

  it('a channel list names its one bad item, and the preview shows every row in the UI language', () => {
    const r = parseTable(table([{}, { channels: 'website；传真；wechat' }]), [en, zh]);
    expect(r.errors).toEqual([
      {
        row: 3,
        field: 'channels',
        message: 'catalogue.import.notInList',
        value: '传真',
        allowed: CHANNELS.map((c) => en(`catalogue.channels.${c}`)),
      },
    ]);
    expect(r.preview.map((p) => [p.row, p.ok])).toEqual([
      [2, true],
      [3, false],
    ]);
    // Codes become labels; what is not recognised stays as typed.
    expect(r.preview[0]!.cells).toMatchObject({
      category: en('catalogue.categories.policy'),
      docType: en('catalogue.docTypes.normative'),
      attribute: en('catalogue.attributes.proactive'),
      channels: `${en('catalogue.channels.website')}；${en('catalogue.channels.wechat')}`,
      validity: en('catalogue.validities.valid'),
      formedOn: '2024-03-05',
    });
    expect(r.preview[1]!.cells.channels).toBe(
      `${en('catalogue.channels.website')}；传真；${en('catalogue.channels.wechat')}`,
    );
  });

  it.each([
    ['2024-3-5', '2024-03-05'],
    ['2024-03-05', '2024-03-05'],
    ['2024/03/05', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['2024.3.5', '2024-03-05'],
    ['2024年3月5日', '2024-03-05'],
    ['2024 年 3 月 5 日', '2024-03-05'],
    ['2024年12月31日', '2024-12-31'],
  ])('normaliseDate(%s) = %s', (input, out) => {
    expect(normaliseDate(input)).toBe(out);
  });

  it('leaves text that is not a date as it is', () => {
    for (const s of ['3/5/2024', '2024-3', '二〇二四年三月五日', '', 'yesterday'])
      expect(normaliseDate(s)).toBe(s);
  });

  it('dates in every accepted form, and Excel Date cells, are normalised in rows', () => {
    const r = parseTable(
      table([
        { formedOn: '2024-3-5', publishedOn: '2024/03/12' },
        { formedOn: '2024年3月5日', publishedOn: '2024.3.12' },
        // read-excel-file gives date cells as Dates at 00:00 UTC
        { formedOn: new Date(Date.UTC(2024, 2, 5)), publishedOn: new Date(Date.UTC(2024, 2, 12)) },
        {
          validity: 'repealed',
          repealedOn: '2025年1月1日',
          formedOn: '2024/3/5',
          publishedOn: '2024-03-12',
        },
      ]),
      LABELS,
    );
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => [x.formedOn, x.publishedOn])).toEqual(
      Array.from({ length: 4 }, () => ['2024-03-05', '2024-03-12']),
    );
    expect(r.rows[3]).toMatchObject({ validity: 'repealed', repealedOn: '2025-01-01' });
  });

  it('bad dates are reported per row', () => {
    const r = parseTable(
      table([
        { formedOn: '2024-02-30' },
        { formedOn: '昨天' },
        { formedOn: '' },
        { publishedOn: '2024-13-01' },
        { formedOn: new Date('not a date') },
      ]),
      LABELS,
    );
    expect(r.rows).toEqual([]);
    expect(r.errors).toEqual([
      { row: 2, field: 'formedOn', message: 'validation.dateInvalid', value: '2024-02-30' },
      { row: 3, field: 'formedOn', message: 'validation.dateFormat', value: '昨天' },
      { row: 4, field: 'formedOn', message: 'validation.required', value: '' },
      { row: 5, field: 'publishedOn', message: 'validation.dateInvalid', value: '2024-13-01' },
      { row: 6, field: 'formedOn', message: 'validation.required', value: '' },
    ]);
  });

  it('cross-field rules: publication before formation, exempt without reason, repealed without date, bad 文号', () => {
    const r = parseTable(
      table([
        { formedOn: '2024-03-05', publishedOn: '2024-03-04' },
        { attribute: '不予公开', publishedOn: '', channels: '', exemptReason: '' },
        { validity: '已废止' },
        { docNo: '长民发[2024]12号' },
        { docNo: '长民发〔24〕12号' },
        { docNo: '〔2024〕12号' },
        { attribute: 'exempt', publishedOn: '', exemptReason: '涉及个人隐私' },
        { validity: 'repealed', repealedOn: '2024-03-01' },
      ]),
      LABELS,
    );
    expect(r.errors).toEqual([
      {
        row: 2,
        field: 'publishedOn',
        message: 'validation.publishedBeforeFormed',
        value: '2024-03-04',
      },
      { row: 3, field: 'exemptReason', message: 'validation.exemptReason', value: '' },
      { row: 4, field: 'repealedOn', message: 'validation.repealedOn', value: '' },
      { row: 5, field: 'docNo', message: 'validation.docNo', value: '长民发[2024]12号' },
      { row: 6, field: 'docNo', message: 'validation.docNo', value: '长民发〔24〕12号' },
      { row: 7, field: 'docNo', message: 'validation.docNo', value: '〔2024〕12号' },
      {
        row: 9,
        field: 'repealedOn',
        message: 'validation.repealedBeforeFormed',
        value: '2024-03-01',
      },
    ]);
    expect(r.rows).toEqual([
      {
        ...GOOD_INPUT,
        attribute: 'exempt',
        publishedOn: null,
        exemptReason: '涉及个人隐私',
      },
    ]);
  });

  it('formula cells are rejected per row with the field named', () => {
    const r = parseTable(
      table([
        { title: '=HYPERLINK("http://evil.example","点击")' },
        { publisher: '+1' },
        { summary: '@SUM(A1:A9)' },
        { keywords: '低保；-cmd' },
        { docNo: '=1+1' },
        { exemptReason: '\t=cmd', attribute: 'exempt', publishedOn: '' },
        { title: "-2+3+cmd|' /C calc'!A0" },
        { category: '=HYPERLINK("x")' },
      ]),
      LABELS,
    );
    expect(r.rows).toEqual([]);
    expect(r.errors).toEqual([
      {
        row: 2,
        field: 'title',
        message: 'validation.formula',
        value: '=HYPERLINK("http://evil.example","点击")',
      },
      { row: 3, field: 'publisher', message: 'validation.formula', value: '+1' },
      { row: 4, field: 'summary', message: 'validation.formula', value: '@SUM(A1:A9)' },
      { row: 5, field: 'keywords', message: 'validation.formula', value: '低保；-cmd' },
      { row: 6, field: 'docNo', message: 'validation.formula', value: '=1+1' },
      { row: 7, field: 'exemptReason', message: 'validation.formula', value: '=cmd' },
      { row: 8, field: 'title', message: 'validation.formula', value: "-2+3+cmd|' /C calc'!A0" },
      {
        row: 9,
        field: 'category',
        message: 'catalogue.import.notInList',
        value: '=HYPERLINK("x")',
        allowed: CATALOGUE_CATEGORIES.map((c) => zh(`catalogue.categories.${c}`)),
      },
    ]);
  });

  it('text may still contain those characters after the first, and a plain negative number is text', () => {
    const r = parseTable(
      table([
        {
          title: '关于“+1”服务的通知',
          summary: '气温-5℃以下启动寒潮救助',
          keywords: 'A=B；-5；-0.5',
        },
      ]),
      LABELS,
    );
    expect(r.errors).toEqual([]);
    expect(r.rows[0]).toMatchObject({
      title: '关于“+1”服务的通知',
      keywords: ['A=B', '-5', '-0.5'],
    });
    const minus = parseTable(
      table([{ summary: '-5℃以下启动寒潮救助' }, { summary: '- 项目一' }]),
      LABELS,
    );
    expect(minus.errors.map((e) => [e.row, e.field, e.message])).toEqual([
      [2, 'summary', 'validation.formula'],
      [3, 'summary', 'validation.formula'],
    ]);
  });

  it('blank lines are skipped, and row numbers stay those of the file (header = row 1)', () => {
    const t = [
      [...zhHeader],
      row(GOOD),
      [],
      COLUMNS.map(() => ''),
      [null, undefined, '  '],
      row({ ...GOOD, title: '' }),
      row(GOOD),
      row({ ...GOOD, formedOn: '2024-02-31' }),
    ];
    const r = parseTable(t, LABELS);
    expect(r.rows).toHaveLength(2);
    expect(r.errors).toEqual([
      { row: 6, field: 'title', message: 'validation.required', value: '' },
      { row: 8, field: 'formedOn', message: 'validation.dateInvalid', value: '2024-02-31' },
    ]);
    expect(r.preview.map((p) => [p.row, p.ok])).toEqual([
      [2, true],
      [6, false],
      [7, true],
      [8, false],
    ]);
  });

  it('reports each field of a row once, and every bad field of it', () => {
    const r = parseTable(
      table([{ title: '', publisher: '', keywords: '=a；=b；=c', formedOn: 'x' }]),
      LABELS,
    );
    expect(r.errors.map((e) => e.field).sort()).toEqual(
      ['formedOn', 'keywords', 'publisher', 'title'].sort(),
    );
  });

  it('parses a 10,000-row table with the right counts', () => {
    const n = 10_000;
    const t: unknown[][] = [[...zhHeader]];
    for (let i = 0; i < n; i++) {
      const bad = i % 1000 === 999;
      t.push(
        row({
          ...GOOD,
          title: `第${i + 1}条目录信息`,
          category: CATALOGUE_CATEGORIES[i % CATALOGUE_CATEGORIES.length],
          formedOn: bad ? '2024-02-30' : `2024-${String((i % 12) + 1)}-${(i % 28) + 1}`,
          publishedOn: '',
        }),
      );
    }
    const r = parseTable(t, LABELS);
    expect(r.rows).toHaveLength(n - 10);
    expect(r.errors).toHaveLength(10);
    expect(r.errors.map((e) => e.row)).toEqual(
      Array.from({ length: 10 }, (_, k) => (k + 1) * 1000 + 1),
    );
    expect(r.rows[0]!.title).toBe('第1条目录信息');
    expect(r.rows.at(-1)!.title).toBe(`第${n - 1}条目录信息`);
  });

  it('every parsed row is valid input for the server', () => {
    const r = parseTable(templateTable(zh), LABELS);
    expect(r.errors).toEqual([]);
    expect(r.rows).toHaveLength(1);
    for (const x of r.rows) expect(catalogueInputSchema.safeParse(x).success).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Round trip: exportTable → parseTable gives back the entries' inputs.

const ISO = (d: Date) => d.toISOString().slice(0, 10);
const dateArb = fc
  .date({
    min: new Date('2010-01-01T00:00:00Z'),
    max: new Date('2030-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map(ISO);
const laterArb = (from: string) =>
  fc
    .integer({ min: 0, max: 400 })
    .map((n) => ISO(new Date(Date.parse(`${from}T00:00:00Z`) + n * 864e5)));
const CHARS = [...'长治市民政局关于低保救助通知公告ABCxyz0123 ．。（）“”《》!?=+-@:/'];
/** Text a clerk could type: trimmed, not starting like a formula, `len` characters at most. */
const textArb = (max: number, extra = '') =>
  fc
    .array(fc.constantFrom(...CHARS, ...extra), { minLength: 1, maxLength: max })
    .map((cs) => cs.join('').trim())
    .filter((s) => s.length > 0 && !/^[-=+@]/.test(s));
const docNoArb = fc
  .tuple(
    fc.constantFrom('长民发', '长民函', '国办公开办函', '晋民发'),
    fc.integer({ min: 2000, max: 2030 }),
    fc.integer({ min: 1, max: 9999 }),
  )
  .map(([a, y, n]) => `${a}〔${y}〕${n}号`);

const entryArb: fc.Arbitrary<CatalogueEntry> = fc
  .record({
    title: textArb(60, ';；,，、\n'),
    category: fc.constantFrom(...CATALOGUE_CATEGORIES),
    docType: fc.constantFrom(...DOC_TYPES),
    publisher: textArb(30),
    docNo: fc.option(docNoArb, { nil: null }),
    formedOn: dateArb,
    published: fc.boolean(),
    attribute: fc.constantFrom(...ATTRIBUTES),
    exemptReason: textArb(40),
    channels: fc.uniqueArray(fc.constantFrom(...CHANNELS), { maxLength: 5 }),
    validity: fc.constantFrom(...VALIDITIES),
    keywords: fc.uniqueArray(textArb(20), { maxLength: 10 }),
    summary: fc.option(textArb(80, ';；,，、'), { nil: null }),
    late: fc.nat(30),
    indexSeq: fc.integer({ min: 1, max: 99999 }),
  })
  .chain((v) =>
    fc
      .record({
        publishedOn:
          v.published && v.attribute !== 'exempt' ? laterArb(v.formedOn) : fc.constant(null),
        repealedOn: v.validity === 'repealed' ? laterArb(v.formedOn) : fc.constant(null),
        expiredOn: v.validity === 'expired' ? laterArb(v.formedOn) : fc.constant(null),
      })
      .map(({ publishedOn, repealedOn, expiredOn }) => {
        const channels =
          v.attribute === 'proactive' && publishedOn && v.channels.length === 0
            ? (['website'] as CatalogueEntry['channels'])
            : v.channels;
        const timely = publishedOn ? v.late === 0 : null;
        return {
          id: `e-${v.indexSeq}`,
          indexNo: `11140400012345678X/${v.formedOn.slice(0, 4)}-${String(v.indexSeq).padStart(5, '0')}`,
          title: v.title,
          category: v.category,
          docType: v.docType,
          publisher: v.publisher,
          docNo: v.docNo,
          formedOn: v.formedOn,
          publishedOn,
          attribute: v.attribute,
          exemptReason: v.attribute === 'exempt' ? v.exemptReason : null,
          channels,
          validity: v.validity,
          repealedOn,
          expiredOn,
          keywords: v.keywords,
          summary: v.summary,
          withdrawn: false,
          withdrawnReason: null,
          version: 1,
          createdAt: '2024-01-01T09:00:00+08:00',
          updatedAt: '2024-01-01T09:00:00+08:00',
          timely,
          lateWorkdays: timely === false ? v.late : 0,
          calendarProvisional: false,
        };
      }),
  );

const inputOf = (e: CatalogueEntry) =>
  Object.fromEntries(COLUMNS.map((c) => [c, e[c]])) as Record<Column, unknown>;

describe('exportTable → parseTable', () => {
  it('generated entries are valid inputs (guards the generator)', () => {
    fc.assert(
      fc.property(entryArb, (e) => {
        const r = catalogueInputSchema.safeParse(inputOf(e));
        expect(r.success, JSON.stringify(r.error?.issues)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    ['zh-CN', zh],
    ['en-US', en],
  ])('re-importing an export in %s yields the same inputs', (_name, label) => {
    fc.assert(
      fc.property(fc.array(entryArb, { minLength: 1, maxLength: 8 }), (entries) => {
        const t = exportTable(entries, label);
        expect(t[0]).toEqual(EXPORT_COLUMNS.map((c) => label(`catalogue.columns.${c}`)));
        const r = parseTable(t, LABELS);
        expect(r.errors).toEqual([]);
        expect(r.missing).toEqual([]);
        // The read-only columns (索引号, 是否按时, 超期工作日) are the app's own: not "unknown".
        expect(r.unknown).toEqual([]);
        expect(r.rows).toEqual(entries.map(inputOf));
      }),
      { numRuns: 150 },
    );
  });

  it('exports the read-time columns: index number, on time or late, working days late', () => {
    const [entry] = fc.sample(entryArb, { numRuns: 1, seed: 7 });
    const late = {
      ...entry!,
      publishedOn: '2024-10-31',
      formedOn: '2024-09-27',
      timely: false,
      lateWorkdays: 1,
    };
    const [header, line] = exportTable([late], zh);
    expect(header).toEqual(EXPORT_COLUMNS.map((c) => zh(`catalogue.columns.${c}`)));
    expect(line![0]).toBe(late.indexNo);
    expect(line!.slice(-2)).toEqual(['超期', 1]);
    const [, unpublished] = exportTable(
      [{ ...late, publishedOn: null, timely: null, lateWorkdays: 0 }],
      en,
    );
    expect(unpublished!.slice(-2)).toEqual(['', 0]);
  });

  it('the template lists every column and its example row imports cleanly in both languages', () => {
    for (const l of LABELS) {
      const t = templateTable(l);
      expect(t[0]).toEqual(COLUMNS.map((c) => l(`catalogue.columns.${c}`)));
      const r = parseTable(t, LABELS);
      expect(r.errors).toEqual([]);
      expect(r.rows).toHaveLength(1);
    }
  });
});

describe('toCsv / safeCell on an exported row', () => {
  it('neutralises formula cells; numbers stay numbers', () => {
    const [entry] = fc.sample(entryArb, { numRuns: 1, seed: 11 });
    const hostile: CatalogueEntry = {
      ...entry!,
      title: '=1+1',
      publisher: '+86',
      summary: '@SUM(A1)',
      keywords: ['-cmd'],
      docNo: null,
      publishedOn: '2024-03-12',
      formedOn: '2024-03-01',
      timely: false,
      lateWorkdays: 3,
    };
    const [header, ...rows] = exportTable([hostile], zh);
    const csv = toCsv(header as string[], rows);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(parsed[0]).toEqual(header);
    const cell = (c: (typeof EXPORT_COLUMNS)[number]) => parsed[1]![EXPORT_COLUMNS.indexOf(c)];
    expect(cell('title')).toBe("'=1+1");
    expect(cell('publisher')).toBe("'+86");
    expect(cell('summary')).toBe("'@SUM(A1)");
    expect(cell('keywords')).toBe("'-cmd");
    expect(cell('lateWorkdays')).toBe('3');
    expect(cell('formedOn')).toBe('2024-03-01');
  });

  it('safeCell: text that a spreadsheet would run gets an apostrophe; numbers and booleans do not', () => {
    expect(safeCell('=1+1')).toBe("'=1+1");
    expect(safeCell('+1')).toBe("'+1");
    expect(safeCell('-cmd')).toBe("'-cmd");
    expect(safeCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(safeCell('\t=1')).toBe("'\t=1");
    expect(safeCell('\r=1')).toBe("'\r=1");
    expect(safeCell(-5)).toBe('-5');
    expect(safeCell(0)).toBe('0');
    expect(safeCell(true)).toBe('true');
    expect(safeCell(null)).toBe('');
    expect(safeCell(undefined)).toBe('');
    expect(safeCell('长治市民政局')).toBe('长治市民政局');
  });
});
