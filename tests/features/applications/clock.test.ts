// @vitest-environment node
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  CORRECTION_WINDOW_DAYS,
  computeClock,
  correctionDeadline,
  type LedgerEvent,
} from '@/features/applications/clock';
import { addDays, createCalendar, workdaysLeft } from '@/lib/workdays';

const cal = createCalendar();
const clock = (ledger: LedgerEvent[], today: string) => computeClock(cal, ledger, today);
const wd = (from: string, n: number) => cal.addWorkdays(from, n).date;
const kinds = (c: ReturnType<typeof clock>) => c.events.map((e) => e.kind);

// Receipt on Friday 2024-09-27, just before National Day (10/1–10/7 off; Sun 9/29 and Sat 10/12
// are make-up working days). Its working days, numbered (hand-checked against the State Council
// notice for 2024):
//  #1 09-29 #2 09-30 #3 10-08 #4 10-09 #5 10-10 #6 10-11 #7 10-12 #8 10-14 #9 10-15 #10 10-16
//  #11 10-17 #12 10-18 #13 10-21 #14 10-22 #15 10-23 #16 10-24 #17 10-25 #18 10-28 #19 10-29
//  #20 10-30 #21 10-31 #22 11-01 #23 11-04 #24 11-05 #25 11-06 … #30 11-13 … #35 11-20 … #40 11-27
const R = '2024-09-27';
const received: LedgerEvent = { kind: 'received', on: R };

describe('the clock with the real calendar: concrete cases', () => {
  it('plain: 20 working days from receipt, across National Day and its make-up days', () => {
    const c = clock([received], R);
    expect(c).toMatchObject({
      state: 'running',
      startOn: R,
      allowanceWorkdays: 20,
      usedWorkdays: 0,
      excludedWorkdays: 0,
      remainingWorkdays: 20,
      dueOn: '2024-10-30',
      late: null,
    });
    expect(kinds(c)).toEqual(['received']);
    expect(clock([received], '2024-10-05')).toMatchObject({
      usedWorkdays: 2,
      remainingWorkdays: 18,
    });
    expect(clock([received], '2024-10-08')).toMatchObject({
      usedWorkdays: 3,
      remainingWorkdays: 17,
    });
    expect(clock([received], '2024-10-12')).toMatchObject({
      usedWorkdays: 7,
      remainingWorkdays: 13,
    });
    expect(clock([received], '2024-10-30')).toMatchObject({
      usedWorkdays: 20,
      remainingWorkdays: 0,
    });
  });

  it('overdue: remaining goes negative once dueOn has passed', () => {
    expect(clock([received], '2024-10-31')).toMatchObject({
      remainingWorkdays: -1,
      state: 'running',
    });
    expect(clock([received], '2024-11-03')).toMatchObject({
      usedWorkdays: 22,
      remainingWorkdays: -2,
    });
  });

  it('a receipt during a holiday counts from the first working day after it', () => {
    // Online application confirmed on 10-03 (National Day): 10-08 is day 1, 11-01 day 20.
    expect(clock([{ kind: 'received', on: '2024-10-03' }], '2024-10-07')).toMatchObject({
      dueOn: '2024-11-01',
      usedWorkdays: 0,
      remainingWorkdays: 20,
    });
  });

  it.each([
    ['2017-09-25', '2017-10-27'], // 2017 National Day 10/1–8 with 中秋 10/4; make-up Sat 9/30
    ['2025-01-20', '2025-02-21'], // Spring Festival 1/28–2/4; make-up Sun 1/26 and Sat 2/8
    ['2020-01-17', '2020-02-21'], // Spring Festival 2020 extended to 2/2; make-up Sun 1/19
    ['2024-12-30', '2025-01-27'], // 元旦 2025-01-01 off; make-up Sun 1/26 is day 19
    ['2025-01-24', '2025-02-27'], // across the whole Spring Festival with both make-up days
  ])('received %s → due %s', (on, due) => {
    expect(clock([{ kind: 'received', on }], on).dueOn).toBe(due);
  });

  it('correction: nothing counted while awaiting it; the 20 days restart from its arrival', () => {
    const requested: LedgerEvent = {
      kind: 'correction_requested',
      on: '2024-10-08',
      note: '请明确',
    };
    const awaiting = clock([received, requested], '2024-10-15');
    expect(awaiting).toMatchObject({
      state: 'awaiting_correction',
      dueOn: null,
      remainingWorkdays: null,
      usedWorkdays: 0,
      excludedWorkdays: 0,
      late: null,
    });
    expect(kinds(awaiting)).toEqual(['received', 'correction_requested']);

    const corrected: LedgerEvent[] = [
      received,
      requested,
      { kind: 'correction_received', on: '2024-10-16' },
    ];
    expect(clock(corrected, '2024-10-16')).toMatchObject({
      state: 'running',
      startOn: '2024-10-16',
      usedWorkdays: 0,
      remainingWorkdays: 20,
      dueOn: '2024-11-13', // #30: 20 working days after #10
    });
    // Days used before the request are not carried over: it is a restart, not a resumption.
    expect(clock(corrected, '2024-10-25')).toMatchObject({
      usedWorkdays: 7,
      remainingWorkdays: 13,
    });
  });

  it('the correction window is 7 working days from receipt', () => {
    expect(CORRECTION_WINDOW_DAYS).toBe(7);
    expect(correctionDeadline(cal, R)).toBe('2024-10-12'); // a Saturday make-up day
    expect(correctionDeadline(cal, '2025-01-24')).toBe('2025-02-10'); // across the Spring Festival
  });

  it('a third-party consultation: the days from sending to the reply are not counted', () => {
    const ledger: LedgerEvent[] = [
      received,
      { kind: 'consult_sent', on: '2024-10-08', party: 'third_party', name: '某公司' },
      { kind: 'consult_replied', on: '2024-10-14' },
    ];
    const c = clock(ledger, '2024-10-20');
    // Excluded: #4 10-09 … #8 10-14 = 5 days; due moves from #20 to #25.
    expect(c).toMatchObject({
      state: 'running',
      excludedWorkdays: 5,
      usedWorkdays: 7, // #1–#3 and #9–#12
      remainingWorkdays: 13,
      dueOn: '2024-11-06',
    });
    expect(c.events.find((e) => e.kind === 'consult_sent')).toMatchObject({
      excludedWorkdays: 5,
      open: false,
      detail: { party: 'third_party' },
    });
    expect(kinds(c)).toEqual(['received', 'consult_sent', 'consult_replied']);
    // Still open: paused, the days so far excluded.
    const open = clock(ledger.slice(0, 2), '2024-10-10');
    expect(open).toMatchObject({ state: 'paused', excludedWorkdays: 2, usedWorkdays: 3 });
    expect(open.events.find((e) => e.kind === 'consult_sent')).toMatchObject({ open: true });
  });

  it('a third party silent for 15 working days: the pause ends then and the clock runs again', () => {
    const ledger: LedgerEvent[] = [
      received,
      { kind: 'consult_sent', on: '2024-10-08', party: 'third_party' },
    ];
    // The 15th working day after #3 is #18 = 10-28.
    expect(clock(ledger, '2024-10-28')).toMatchObject({ state: 'paused', excludedWorkdays: 15 });
    const c = clock(ledger, '2024-11-05');
    expect(c).toMatchObject({
      state: 'running',
      excludedWorkdays: 15,
      usedWorkdays: 9, // #1–#3 and #19–#24
      remainingWorkdays: 11,
      dueOn: '2024-11-20', // #35
    });
    expect(c.events).toContainEqual({ kind: 'third_party_deadline_passed', on: '2024-10-28' });
    expect(c.events.find((e) => e.kind === 'consult_sent')).toMatchObject({
      excludedWorkdays: 15,
      open: false,
    });
  });

  it('a reply that arrives after the 15 days does not stretch the pause (nor move dueOn)', () => {
    const ledger: LedgerEvent[] = [
      received,
      { kind: 'consult_sent', on: '2024-10-08', party: 'other_agency' },
      { kind: 'consult_replied', on: '2024-11-01' },
    ];
    const c = clock(ledger, '2024-11-05');
    expect(c).toMatchObject({ state: 'running', excludedWorkdays: 15, dueOn: '2024-11-20' });
    expect(kinds(c)).toContain('third_party_deadline_passed');
  });

  it('an extension adds exactly 20 working days', () => {
    const c = clock(
      [received, { kind: 'extended', on: '2024-10-21', reason: '需汇总', approvedBy: '主任' }],
      '2024-11-05',
    );
    expect(c).toMatchObject({
      allowanceWorkdays: 40,
      dueOn: '2024-11-27', // #40
      usedWorkdays: 24,
      remainingWorkdays: 16,
    });
    expect(cal.workdaysBetween('2024-10-30', c.dueOn!)).toBe(20);
    expect(c.events.find((e) => e.kind === 'extended')?.detail).toEqual({
      approvedBy: '主任',
      reason: '需汇总',
    });
  });

  it('a fee notice pauses the clock until paid', () => {
    const notice: LedgerEvent = {
      kind: 'fee_notice',
      on: '2024-10-09',
      method: 'per_page',
      count: 150,
      amount: 1700,
    };
    const paid = clock([received, notice, { kind: 'fee_paid', on: '2024-10-15' }], '2024-10-20');
    // Excluded #5 10-10 … #9 10-15 = 5 days: due #25.
    expect(paid).toMatchObject({ state: 'running', excludedWorkdays: 5, dueOn: '2024-11-06' });
    expect(paid.events.find((e) => e.kind === 'fee_notice')).toMatchObject({
      excludedWorkdays: 5,
      detail: { amount: 1700, count: 150, method: 'per_page' },
    });
    expect(kinds(paid)).toContain('fee_paid');
  });

  it('an unpaid fee notice expires after 20 working days (fee_expired, event fee_payment_expired)', () => {
    const notice: LedgerEvent = {
      kind: 'fee_notice',
      on: '2024-10-09',
      method: 'per_item',
      count: 12,
      amount: 200,
    };
    // The 20th working day after #4 is #24 = 11-05: still inside the payment period.
    expect(clock([received, notice], '2024-11-05')).toMatchObject({
      state: 'paused',
      excludedWorkdays: 20,
    });
    const c = clock([received, notice], '2024-11-06');
    expect(c.state).toBe('fee_expired');
    expect(c.events).toContainEqual({ kind: 'fee_payment_expired', on: '2024-11-05' });
    expect(c.excludedWorkdays).toBe(20);
  });

  it('an expired fee notice is not masked by a consultation still open', () => {
    const ledger: LedgerEvent[] = [
      received,
      { kind: 'fee_notice', on: '2024-10-09', method: 'per_item', count: 12, amount: 200 },
      { kind: 'consult_sent', on: '2024-11-01', party: 'third_party' },
    ];
    expect(clock(ledger, '2024-11-06').state).toBe('fee_expired');
  });

  it('decided: late only after dueOn; remaining null', () => {
    const on = (d: string): LedgerEvent => ({ kind: 'decided', on: d, outcome: '3.1' });
    expect(clock([received, on('2024-10-30')], '2024-12-01')).toMatchObject({
      state: 'decided',
      late: false,
      remainingWorkdays: null,
      usedWorkdays: 20,
      dueOn: '2024-10-30',
    });
    expect(clock([received, on('2024-10-31')], '2024-12-01')).toMatchObject({
      state: 'decided',
      late: true,
      usedWorkdays: 21,
    });
    // The clock stops at the decision: later days are not counted.
    expect(clock([received, on('2024-10-08')], '2025-06-01').usedWorkdays).toBe(3);
    // With a consultation the deadline moved: 11-06 is on time, 11-07 late.
    const consult: LedgerEvent[] = [
      received,
      { kind: 'consult_sent', on: '2024-10-08', party: 'third_party' },
      { kind: 'consult_replied', on: '2024-10-14' },
    ];
    expect(clock([...consult, on('2024-11-06')], '2024-12-01').late).toBe(false);
    expect(clock([...consult, on('2024-11-07')], '2024-12-01').late).toBe(true);
    expect(clock([...consult, on('2024-11-07')], '2024-12-01').events.at(-1)).toEqual({
      kind: 'decided',
      on: '2024-11-07',
      detail: { outcome: '3.1' },
    });
  });

  it('closed for want of a correction (3.6.1): the wait is not counted, so it is not late', () => {
    const c = clock(
      [
        received,
        { kind: 'correction_requested', on: '2024-10-08', note: '请明确' },
        { kind: 'decided', on: '2024-11-15', outcome: '3.6.1' },
      ],
      '2024-12-01',
    );
    expect(c).toMatchObject({ state: 'decided', late: false, usedWorkdays: 3 });
    expect(c.events.find((e) => e.kind === 'correction_requested')?.excludedWorkdays).toBe(
      cal.workdaysBetween('2024-10-08', '2024-11-15'),
    );
  });

  it('the ledger order does not matter (events are read by date)', () => {
    const ledger: LedgerEvent[] = [
      received,
      { kind: 'consult_sent', on: '2024-10-08', party: 'third_party' },
      { kind: 'consult_replied', on: '2024-10-14' },
      { kind: 'extended', on: '2024-10-21', reason: 'r', approvedBy: 'a' },
    ];
    expect(clock([...ledger].reverse(), '2024-11-05')).toEqual(clock(ledger, '2024-11-05'));
  });

  it('a ledger without a receipt is an error', () => {
    expect(() => clock([], R)).toThrow();
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over random receipt dates 2017–2026 and random event offsets.

const FIRST = '2017-01-01';
const receipt = fc
  .integer({ min: 0, max: 3590 }) // 2017-01-01 … 2026-10-29
  .map((k) => addDays(FIRST, k))
  .filter((d) => d <= '2026-10-31');
const RUNS = { numRuns: 250 };

/** A random but well-formed ledger: optional correction, consultation, fee notice, extension. */
const ledgerArb = fc
  .record({
    r: receipt,
    correction: fc.option(
      fc.record({
        after: fc.integer({ min: 0, max: 7 }),
        wait: fc.option(fc.integer({ min: 0, max: 30 })),
      }),
    ),
    consult: fc.option(
      fc.record({
        after: fc.integer({ min: 0, max: 40 }),
        reply: fc.option(fc.integer({ min: 0, max: 40 })),
      }),
    ),
    fee: fc.option(
      fc.record({
        after: fc.integer({ min: 0, max: 40 }),
        paid: fc.option(fc.integer({ min: 0, max: 40 })),
      }),
    ),
    extended: fc.boolean(),
    todayAfter: fc.integer({ min: 0, max: 90 }),
  })
  .map(({ r, correction, consult, fee, extended, todayAfter }) => {
    const ledger: LedgerEvent[] = [{ kind: 'received', on: r }];
    let start = r;
    let last = r;
    const at = (d: string) => {
      if (d > last) last = d;
      return d;
    };
    if (correction) {
      const req = at(wd(r, correction.after));
      ledger.push({ kind: 'correction_requested', on: req, note: 'n' });
      if (correction.wait !== null) {
        start = at(addDays(req, correction.wait));
        ledger.push({ kind: 'correction_received', on: start });
      }
    }
    if (consult) {
      const sent = at(addDays(start, consult.after));
      ledger.push({ kind: 'consult_sent', on: sent, party: 'third_party' });
      if (consult.reply !== null)
        ledger.push({ kind: 'consult_replied', on: at(addDays(sent, consult.reply)) });
    }
    if (fee) {
      const sent = at(addDays(start, fee.after));
      ledger.push({ kind: 'fee_notice', on: sent, method: 'per_item', count: 12, amount: 200 });
      if (fee.paid !== null) ledger.push({ kind: 'fee_paid', on: at(addDays(sent, fee.paid)) });
    }
    if (extended)
      ledger.push({ kind: 'extended', on: at(wd(start, 5)), reason: 'r', approvedBy: 'a' });
    return { ledger, start, today: addDays(last, todayAfter) };
  });

describe('clock properties (fast-check)', () => {
  it('plain: dueOn is the 20th working day after receipt; used + remaining = allowance until then, negative after', () => {
    fc.assert(
      fc.property(receipt, fc.integer({ min: 0, max: 60 }), (r, k) => {
        const today = addDays(r, k);
        const c = clock([{ kind: 'received', on: r }], today);
        expect(c.dueOn).toBe(wd(r, 20));
        expect(c.usedWorkdays).toBe(cal.workdaysBetween(r, today));
        // Past the deadline the countdown is negative at once, on the days off right after it too.
        expect(c.remainingWorkdays).toBe(
          today <= c.dueOn! ? 20 - c.usedWorkdays : Math.min(-1, 20 - c.usedWorkdays),
        );
      }),
      RUNS,
    );
  });

  it('a restart never leaves the deadline before the correction’s receipt', () => {
    fc.assert(
      fc.property(
        receipt,
        fc.integer({ min: 0, max: CORRECTION_WINDOW_DAYS }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        (r, a, b, c) => {
          const requested = a === 0 ? r : wd(r, a);
          const arrived = addDays(requested, b);
          const base: LedgerEvent[] = [
            { kind: 'received', on: r },
            { kind: 'correction_requested', on: requested, note: 'n' },
          ];
          const waiting = clock(base, addDays(requested, c));
          expect(waiting.state).toBe('awaiting_correction');
          expect(waiting.dueOn).toBeNull();
          const k = clock(
            [...base, { kind: 'correction_received', on: arrived }],
            addDays(arrived, c),
          );
          expect(k.startOn).toBe(arrived);
          expect(k.dueOn! > arrived).toBe(true);
          expect(k.dueOn).toBe(wd(arrived, 20));
          expect(k.dueOn! >= wd(r, 20)).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('exclusions never shorten the deadline (adding a consultation never makes dueOn earlier)', () => {
    fc.assert(
      fc.property(
        ledgerArb,
        fc.integer({ min: -5, max: 40 }),
        fc.option(fc.integer({ min: 0, max: 30 })),
        ({ ledger, start, today }, after, reply) => {
          const sent = addDays(start, Math.max(0, after));
          const extra: LedgerEvent[] = ledger.some((e) => e.kind === 'consult_sent')
            ? []
            : [
                { kind: 'consult_sent', on: sent, party: 'other_agency' },
                ...(reply === null
                  ? []
                  : [{ kind: 'consult_replied', on: addDays(sent, reply) } as LedgerEvent]),
              ];
          const lastOn = [...ledger, ...extra].reduce((m, e) => (e.on > m ? e.on : m), today);
          const without = clock(ledger, lastOn);
          const withIt = clock([...ledger, ...extra], lastOn);
          if (without.dueOn === null) {
            expect(withIt.dueOn).toBeNull();
            return;
          }
          expect(withIt.dueOn! >= without.dueOn).toBe(true);
          expect(withIt.excludedWorkdays).toBeGreaterThanOrEqual(without.excludedWorkdays);
        },
      ),
      RUNS,
    );
  });

  it('a closed consultation begun before the deadline moves it by exactly the days excluded', () => {
    fc.assert(
      fc.property(
        receipt,
        fc.integer({ min: 0, max: 19 }),
        fc.integer({ min: 0, max: 15 }),
        (r, a, b) => {
          const sent = a === 0 ? r : wd(r, a);
          const replied = b === 0 ? sent : wd(sent, b); // within the third party's 15 days
          const base: LedgerEvent = { kind: 'received', on: r };
          const today = wd(r, 60);
          const without = clock([base], today).dueOn!;
          const c = clock(
            [
              base,
              { kind: 'consult_sent', on: sent, party: 'third_party' },
              { kind: 'consult_replied', on: replied },
            ],
            today,
          );
          expect(c.excludedWorkdays).toBe(b);
          expect(cal.workdaysBetween(without, c.dueOn!)).toBe(b);
        },
      ),
      RUNS,
    );
  });

  it('the extension adds exactly 20 working days when there are no pauses', () => {
    fc.assert(
      fc.property(
        receipt,
        fc.integer({ min: 0, max: 19 }),
        fc.integer({ min: 0, max: 80 }),
        (r, e, k) => {
          const ext: LedgerEvent = { kind: 'extended', on: wd(r, e), reason: 'r', approvedBy: 'a' };
          const today = addDays(ext.on, k);
          const dueWithout = clock([{ kind: 'received', on: r }], today).dueOn!;
          const withIt = clock([{ kind: 'received', on: r }, ext], today);
          expect(withIt.allowanceWorkdays).toBe(40);
          expect(cal.workdaysBetween(dueWithout, withIt.dueOn!)).toBe(20);
          expect(withIt.dueOn).toBe(wd(r, 40));
        },
      ),
      RUNS,
    );
  });

  it('while running, used + remaining = allowance up to dueOn and used + excluded = working days since the start', () => {
    fc.assert(
      fc.property(ledgerArb, ({ ledger, today }) => {
        const c = clock(ledger, today);
        if (c.state === 'running') {
          expect(c.dueOn).not.toBeNull();
          expect(c.remainingWorkdays).toBe(workdaysLeft(cal, today, c.dueOn!));
          if (today <= c.dueOn!)
            expect(c.usedWorkdays + c.remainingWorkdays!).toBe(c.allowanceWorkdays);
        }
        if (c.state !== 'awaiting_correction' && today >= c.startOn) {
          expect(c.usedWorkdays + c.excludedWorkdays).toBe(cal.workdaysBetween(c.startOn, today));
        }
      }),
      RUNS,
    );
  });

  it('excluded working days are never negative, in total or per event; dueOn follows the start', () => {
    fc.assert(
      fc.property(ledgerArb, ({ ledger, today }) => {
        const c = clock(ledger, today);
        expect(c.excludedWorkdays).toBeGreaterThanOrEqual(0);
        expect(c.usedWorkdays).toBeGreaterThanOrEqual(0);
        for (const e of c.events) expect(e.excludedWorkdays ?? 0).toBeGreaterThanOrEqual(0);
        if (c.dueOn !== null) {
          expect(c.dueOn > c.startOn).toBe(true);
          expect(cal.workdaysBetween(c.startOn, c.dueOn)).toBeGreaterThanOrEqual(
            c.allowanceWorkdays,
          );
        }
        expect(c.allowanceWorkdays).toBe(ledger.some((e) => e.kind === 'extended') ? 40 : 20);
      }),
      RUNS,
    );
  });

  it('deciding on dueOn is on time, the next working day is late', () => {
    fc.assert(
      fc.property(ledgerArb, ({ ledger, today }) => {
        const open = clock(ledger, today);
        if (open.state !== 'running' || open.dueOn === null || open.dueOn < today) return;
        const dec = (on: string): LedgerEvent => ({ kind: 'decided', on, outcome: '3.1' });
        expect(clock([...ledger, dec(open.dueOn)], open.dueOn).late).toBe(false);
        expect(clock([...ledger, dec(wd(open.dueOn, 1))], wd(open.dueOn, 1)).late).toBe(true);
      }),
      RUNS,
    );
  });
});
