// @vitest-environment node
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { LetterFilters } from '@/features/letters/api';
import { SECTIONS } from '@mocks/seed/reference';
import {
  LETTER_CATEGORIES,
  LETTER_SOURCES,
  LETTER_STATUSES,
  type Letter,
} from '@/features/letters/types';
import { letterUrlFilters, lettersCsv } from '@/features/letters/utils';

const filtersFromParams = (sp: URLSearchParams) => letterUrlFilters.parse(sp);
const paramsFromFilters = (f: LetterFilters) => letterUrlFilters.serialize(f);
import { addDays } from '@/lib/workdays';

const RUNS = { numRuns: 300 };
const date = fc.integer({ min: 0, max: 11_000 }).map((n) => addDays('2000-01-01', n));
const SORTS = ['receivedOn', '-receivedOn', 'dueOn', '-dueOn', 'serialNo', '-remainingWorkdays'];

const filtersArb: fc.Arbitrary<LetterFilters> = fc.record(
  {
    q: fc.string({ minLength: 1, maxLength: 40 }),
    status: fc.constantFrom(...LETTER_STATUSES),
    source: fc.constantFrom(...LETTER_SOURCES),
    category: fc.constantFrom(...LETTER_CATEGORIES),
    sectionId: fc.constantFrom(...SECTIONS.map((s) => s.id)),
    year: fc.integer({ min: 2000, max: 2100 }),
    alert: fc.constantFrom('due_soon' as const, 'overdue' as const),
    receivedFrom: date,
    receivedTo: date,
    sort: fc.constantFrom(...SORTS) as fc.Arbitrary<LetterFilters['sort']>,
    page: fc.integer({ min: 2, max: 500 }),
  },
  { requiredKeys: [] },
);

describe('the letters list URL (letterUrlFilters)', () => {
  it('round-trips any valid filters through the URL', () => {
    fc.assert(
      fc.property(filtersArb, (f) => {
        const sp = new URLSearchParams(paramsFromFilters(f).toString());
        expect(filtersFromParams(sp)).toEqual({ page: 1, ...f });
      }),
      RUNS,
    );
  });

  it('is a fixed point on URLs: params → filters → params keeps only valid keys', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom('status', 'year', 'page', 'sort', 'alert', 'q', 'other', 'receivedFrom'),
          fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('closed', '2017', '3', 'dueOn')),
        ),
        (dict) => {
          const once = paramsFromFilters(filtersFromParams(new URLSearchParams(dict)));
          const twice = paramsFromFilters(filtersFromParams(once));
          expect(twice.toString()).toBe(once.toString());
          expect(once.has('other')).toBe(false);
        },
      ),
      RUNS,
    );
  });

  it('parses numbers and keeps valid values', () => {
    const f = filtersFromParams(
      new URLSearchParams(
        'status=assigned&year=2017&page=3&sort=-dueOn&sectionId=elderly&receivedFrom=2017-01-01&q=低保',
      ),
    );
    expect(f).toEqual({
      status: 'assigned',
      year: 2017,
      page: 3,
      sort: '-dueOn',
      sectionId: 'elderly',
      receivedFrom: '2017-01-01',
      q: '低保',
    });
  });

  it('drops invalid values instead of failing, so an old link still opens', () => {
    const f = filtersFromParams(
      new URLSearchParams(
        'status=bogus&year=abc&page=0&sort=nonsense&alert=none&sectionId=Mars!&receivedTo=2017-13-01&source=&category=help&pageSize=5',
      ),
    );
    expect(f).toEqual({ page: 1, category: 'help' });
  });

  it('leaves out empty values and page 1', () => {
    expect(
      paramsFromFilters({
        q: '',
        status: undefined,
        page: 1,
        year: 2020,
      } as LetterFilters).toString(),
    ).toBe('year=2020');
    expect(paramsFromFilters({}).toString()).toBe('');
  });
});

const letter = (over: Partial<Letter>): Letter => ({
  id: 'l1',
  serialNo: 'XF-2026-0001',
  source: 'website',
  category: 'consultation',
  subject: '低保申请材料',
  content: '请问需要哪些材料？',
  citizenName: '张三',
  citizenPhone: '138****5678',
  receivedOn: '2026-11-02',
  status: 'closed',
  timeLimitDays: 5,
  dueOn: '2026-11-09',
  calendarProvisional: false,
  sectionId: 'social_assistance',
  reply: { content: '已答复', repliedOn: '2026-11-05', repliedBy: '王强' },
  closedOn: '2026-11-06',
  onTime: true,
  extension: null,
  supervised: false,
  satisfaction: 'satisfied',
  followUp: null,
  extensionRequest: null,
  previousReplies: [],
  returned: null,
  version: 4,
  createdAt: '2026-11-02T09:00:00+08:00',
  updatedAt: '2026-11-06T09:00:00+08:00',
  remainingWorkdays: null,
  alert: 'none',
  ...over,
});
const label = (k: string, p?: Record<string, string | number>) =>
  p ? `[${k} ${JSON.stringify(p)}]` : `[${k}]`;
const sectionName = (id: string) => `[sections.${id}]`;

describe('lettersCsv', () => {
  it('starts with a BOM, has a labelled header and one row per letter', () => {
    const csv = lettersCsv(
      [letter({}), letter({ id: 'l2', serialNo: 'XF-2026-0002' })],
      label,
      sectionName,
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1).trim()).data;
    expect(rows).toHaveLength(3);
    expect(rows[0]![0]).toBe('[letters.csv.serialNo]');
    expect(rows[1]).toEqual([
      'XF-2026-0001',
      '2026-11-02',
      '[letters.sources.website]',
      '[letters.categories.consultation]',
      '低保申请材料',
      '张三',
      '138****5678',
      '[sections.social_assistance]',
      '[letters.statuses.closed]',
      '2026-11-09',
      '',
      '2026-11-05',
      '2026-11-06',
      '[app.yes]',
      '[letters.satisfactions.satisfied]',
      // The mayor's-mailbox platform and the 重复件 link (issue #20): empty on this letter.
      '',
      '',
      '',
      '',
      // 督办, the extension and a pending request, the letter itself (issue #21).
      '[app.no]',
      '',
      '',
      '',
      '',
      '请问需要哪些材料？',
    ]);
    expect(rows[0]!.slice(-10)).toEqual([
      '[letters.cases.csv.platformRef]',
      '[letters.cases.csv.platformAssignedOn]',
      '[letters.cases.csv.platformFeedbackOn]',
      '[letters.cases.csv.duplicateOf]',
      '[letters.cases.csv.supervised]',
      '[letters.cases.csv.extensionDays]',
      '[letters.cases.csv.previousDueOn]',
      '[letters.cases.csv.extensionReason]',
      '[letters.cases.csv.extensionRequested]',
      '[letters.cases.csv.content]',
    ]);
  });

  it('exports 督办, the extension granted, a pending extension request and the content', () => {
    const csv = lettersCsv(
      [
        letter({
          supervised: true,
          extension: {
            days: 10,
            reason: '需实地核查',
            previousDueOn: '2026-11-09',
            approvedOn: '2026-11-05',
          },
          extensionRequest: {
            days: 5,
            reason: '=cmd',
            requestedBy: { id: 'u3', name: '李科员' },
            requestedOn: '2026-11-06',
          },
          content: '=HYPERLINK("http://x")\n第二行',
        }),
      ],
      label,
      sectionName,
    );
    const row = Papa.parse<string[]>(csv.slice(1).trim()).data[1]!;
    expect(row.slice(-6)).toEqual([
      '[app.yes]',
      '10',
      '2026-11-09',
      '需实地核查',
      '[letters.cases.csv.requestedDays {"n":5}]',
      `'=HYPERLINK("http://x")\n第二行`,
    ]);
  });

  it("exports the mayor's-mailbox platform fields, formula-safe", () => {
    const csv = lettersCsv(
      [
        letter({
          source: 'mayor_mailbox',
          platformRef: '=HYPERLINK("http://x")',
          platformAssignedOn: '2026-11-01',
          platformFeedbackOn: '2026-11-20',
          duplicateOf: { id: 'l0', serialNo: 'XF-2026-0000' },
        }),
      ],
      label,
      sectionName,
    );
    const row = Papa.parse<string[]>(csv.slice(1).trim()).data[1]!;
    expect(row.slice(15, 19)).toEqual([
      `'=HYPERLINK("http://x")`,
      '2026-11-01',
      '2026-11-20',
      'XF-2026-0000',
    ]);
  });

  it.each(['=', '+', '-', '@'])('neutralises a cell starting with %s', (p) => {
    const csv = lettersCsv(
      [letter({ subject: `${p}HYPERLINK("http://x")`, citizenName: `${p}1+1` })],
      label,
      sectionName,
    );
    const row = Papa.parse<string[]>(csv.slice(1).trim()).data[1]!;
    expect(row[4]).toBe(`'${p}HYPERLINK("http://x")`);
    expect(row[5]).toBe(`'${p}1+1`);
  });

  it('no cell of any row begins with a formula character', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (subject, name) => {
        const csv = lettersCsv([letter({ subject, citizenName: name })], label, sectionName);
        const row = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' }).data[1]!;
        for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }),
      RUNS,
    );
  });
});
