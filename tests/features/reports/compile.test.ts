// @vitest-environment node
/**
 * The annual report's compilation as pure functions over generated records (fast-check): the
 * template's identities hold for any set of applications, a year's 四 is the next year's 二,
 * table 四 counts cases by the year they conclude (or as pending in the year filed), and the
 * letters figures count what they say.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileLetters,
  compileReport,
  compileTable3,
  compileTable4,
  checkTable3,
  type AppIn,
  type LetterIn,
} from '@/features/reports/compile';
import type { ReportColumn, ReportRow } from '@/features/reports/types';
import { appsArb, caseArb, inYear, letterArb, yearArb } from './arbitraries';
import { APPLICANT_COLUMNS, OUTCOME_CODES, OUTCOME_GROUPS } from '@/lib/disclosure-template';

const RUNS = { numRuns: 300 };
const COLS: ReportColumn[] = [...APPLICANT_COLUMNS, 'total'];
const rowOf = (rows: ReportRow[], code: string) => {
  const r = rows.find((x) => x.code === code);
  if (!r) throw new Error(`no row ${code}`);
  return r.values;
};

describe('table 三 for any set of applications', () => {
  it('一+二 = 三(七)+四 in every column, 总计 = the six columns, parents = their leaves, no warnings', () => {
    fc.assert(
      fc.property(appsArb, yearArb, (apps, year) => {
        const rows = compileTable3(apps, year);
        for (const col of COLS)
          expect(rowOf(rows, '1')[col] + rowOf(rows, '2')[col]).toBe(
            rowOf(rows, '3.7')[col] + rowOf(rows, '4')[col],
          );
        for (const r of rows)
          expect(APPLICANT_COLUMNS.reduce((s, c) => s + r.values[c], 0)).toBe(r.values.total);
        for (const g of OUTCOME_GROUPS.filter((x) => x.leaves.length > 1)) {
          const parent = rows.find((r) => r.code === g.code)!;
          expect(parent.parent).toBe(true);
          for (const col of COLS)
            expect(parent.values[col]).toBe(
              g.leaves.reduce((s, l) => s + rowOf(rows, l.code)[col], 0),
            );
        }
        // (七) is the sum of the leaf rows; no row outside the template appears.
        for (const col of COLS)
          expect(rowOf(rows, '3.7')[col]).toBe(
            OUTCOME_CODES.reduce((s, code) => s + rowOf(rows, code)[col], 0),
          );
        expect(rows.map((r) => r.code)).toEqual([
          '1',
          '2',
          ...OUTCOME_GROUPS.flatMap((g) =>
            g.leaves.length > 1 ? [g.code, ...g.leaves.map((l) => l.code)] : [g.code],
          ),
          '3.7',
          '4',
        ]);
        expect(checkTable3(rows, apps, year)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('counts each figure from its records: 一 received in the year, 三 decided in the year by outcome', () => {
    fc.assert(
      fc.property(appsArb, yearArb, (apps, year) => {
        const rows = compileTable3(apps, year);
        expect(rowOf(rows, '1').total).toBe(apps.filter((a) => inYear(a.receivedOn, year)).length);
        for (const code of OUTCOME_CODES)
          for (const col of APPLICANT_COLUMNS)
            expect(rowOf(rows, code)[col]).toBe(
              apps.filter(
                (a) =>
                  a.applicantType === col &&
                  a.decision?.outcome === code &&
                  inYear(a.decision.decidedOn, year),
              ).length,
            );
        const open = apps.filter(
          (a) =>
            a.receivedOn <= `${year}-12-31` &&
            !(a.decision && a.decision.decidedOn <= `${year}-12-31`),
        );
        expect(rowOf(rows, '4').total).toBe(open.length);
      }),
      RUNS,
    );
  });

  it("a year's 四 (carried over) equals the next year's 二 in every column", () => {
    fc.assert(
      fc.property(appsArb, yearArb, (apps, year) => {
        const now = compileTable3(apps, year);
        const next = compileTable3(apps, year + 1);
        for (const col of COLS) expect(rowOf(now, '4')[col]).toBe(rowOf(next, '2')[col]);
      }),
      RUNS,
    );
  });

  it('warns about an outcome outside the template, and the whole report compiles without warnings otherwise', () => {
    fc.assert(
      fc.property(appsArb, yearArb, (apps, year) => {
        const input = {
          apps,
          entries: [],
          letters: [],
          reviews: [],
          feesWan: 0,
          organisation: '长治市民政局',
          narrative: { overview: '', problems: '', other: '' },
        };
        const report = compileReport(input, year, `${year + 1}-01-10T09:00:00+08:00`);
        expect(report.warnings).toEqual([]);
        expect(report.fees.amount).toBe(
          apps
            .filter((a) => a.decision && inYear(a.decision.decidedOn, year))
            .reduce((s, a) => s + (a.decision!.fee ?? 0), 0),
        );
        const odd: AppIn = {
          applicantType: 'natural_person',
          receivedOn: `${year}-03-01`,
          decision: { outcome: '9.9', decidedOn: `${year}-03-10`, fee: null },
        };
        const warned = compileReport({ ...input, apps: [...apps, odd] }, year, report.compiledAt);
        expect(warned.warnings.map((w) => w.code)).toContain('unknown_outcome');
        expect(warned.warnings.find((w) => w.code === 'unknown_outcome')?.where).toBe('9.9');
      }),
      { numRuns: 100 },
    );
  });
});

describe('table 四 for any set of cases', () => {
  const GROUP = {
    review: 'review',
    litigation_direct: 'litigationDirect',
    litigation_after_review: 'litigationAfterReview',
  } as const;

  it('counts a case in the year it concludes by result, and as pending in the year filed while open at year end', () => {
    fc.assert(
      fc.property(fc.array(caseArb, { maxLength: 40 }), yearArb, (cases, year) => {
        const t4 = compileTable4(cases, year);
        for (const kind of ['review', 'litigation_direct', 'litigation_after_review'] as const) {
          const cell = t4[GROUP[kind]];
          const of = cases.filter((c) => c.kind === kind);
          for (const r of ['upheld', 'corrected', 'other'] as const)
            expect(cell[r]).toBe(
              of.filter((c) => c.result === r && inYear(c.concludedOn, year)).length,
            );
          expect(cell.pending).toBe(
            of.filter(
              (c) =>
                inYear(c.filedOn, year) && !(c.concludedOn && c.concludedOn <= `${year}-12-31`),
            ).length,
          );
          expect(cell.total).toBe(cell.upheld + cell.corrected + cell.other + cell.pending);
        }
      }),
      RUNS,
    );
  });

  it('over all years, every concluded case is counted by its result exactly once', () => {
    fc.assert(
      fc.property(fc.array(caseArb, { maxLength: 40 }), (cases) => {
        let concluded = 0;
        for (let y = 2015; y <= 2025; y++) {
          const t4 = compileTable4(cases, y);
          for (const g of Object.values(t4)) concluded += g.upheld + g.corrected + g.other;
        }
        expect(concluded).toBe(cases.filter((c) => c.result !== 'pending').length);
      }),
      RUNS,
    );
  });
});

describe('letters figures', () => {
  it("received, of which from the mayor's mailbox, closed by year end, of which on time", () => {
    fc.assert(
      fc.property(fc.array(letterArb, { maxLength: 80 }), yearArb, (letters, year) => {
        const r = compileLetters(letters, year);
        const of = letters.filter((l) => inYear(l.receivedOn, year));
        const closed = of.filter((l) => l.closedOn && l.closedOn <= `${year}-12-31`);
        expect(r).toEqual({
          received: of.length,
          mayorMailbox: of.filter((l) => l.source === 'mayor_mailbox').length,
          closed: closed.length,
          closedOnTime: closed.filter((l) => l.onTime).length,
        });
        expect(r.mayorMailbox).toBeLessThanOrEqual(r.received);
        expect(r.closedOnTime).toBeLessThanOrEqual(r.closed);
        expect(r.closed).toBeLessThanOrEqual(r.received);
      }),
      RUNS,
    );
  });

  it("the 2017 report: 12 咨询投诉 letters and 5 from the mayor's mailbox, all closed", () => {
    const letters: LetterIn[] = [
      ...Array.from({ length: 12 }, (_, i) => ({
        source: 'website',
        receivedOn: `2017-0${(i % 9) + 1}-10`,
        closedOn: `2017-0${(i % 9) + 1}-20`,
        onTime: true,
      })),
      ...Array.from({ length: 5 }, (_, i) => ({
        source: 'mayor_mailbox',
        receivedOn: `2017-1${i % 3}-01`,
        closedOn: `2017-1${i % 3}-15`,
        onTime: true,
      })),
    ];
    expect(compileLetters(letters, 2017)).toEqual({
      received: 17,
      mayorMailbox: 5,
      closed: 17,
      closedOnTime: 17,
    });
  });
});
