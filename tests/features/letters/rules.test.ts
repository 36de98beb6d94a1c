// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTION_ROLES,
  EXTENDING_ACTIONS,
  pastDeadline,
  LETTER_ACTIONS,
  alertBounds,
  alertLevel,
  canApply,
  computeDue,
  maskPhone,
  mayAct,
  nextStatus,
  onTime,
  remainingWorkdays,
  timeLimitFor,
  type LetterAction,
} from '@/features/letters/rules';
import {
  DEFAULT_TIME_LIMITS,
  LETTER_CATEGORIES,
  LETTER_SOURCES,
  LETTER_STATUSES,
  type LetterStatus,
  type TimeLimits,
} from '@/features/letters/types';
import { addDays, createCalendar } from '@/lib/workdays';
import type { Role, SectionId } from '@/types/api';

const cal = createCalendar();
const RUNS = { numRuns: 300 };

/** Any real date 2000-01-01 … 2030-12-31 (official years and the Mon–Fri fallback after 2026). */
const isoDate = fc.integer({ min: 0, max: 11_322 }).map((n) => addDays('2000-01-01', n));
const action = fc.constantFrom(...LETTER_ACTIONS);

describe('computeDue', () => {
  it.each([
    // receivedOn, limit, extension, dueOn
    ['2026-11-02', 5, null, '2026-11-09'], // one weekend skipped
    ['2026-11-02', 15, null, '2026-11-23'],
    ['2026-09-30', 15, null, '2026-10-27'], // 国庆 10/1–7 off, 10/10 a make-up working day
    ['2026-09-30', 5, 10, '2026-10-27'], // extension counts after the base deadline 10/13
    ['2026-11-07', 1, null, '2026-11-09'], // received on a Saturday
    ['2026-11-02', 0, null, '2026-11-02'],
  ] as const)('%s + %i working days (extension %s) → %s', (received, limit, ext, due) => {
    expect(computeDue(cal, received, limit, ext).dueOn).toBe(due);
  });

  it('keeps the base deadline and marks years without an official schedule provisional', () => {
    expect(computeDue(cal, '2026-09-30', 5, 10)).toEqual({
      dueOn: '2026-10-27',
      baseDueOn: '2026-10-13',
      provisional: false,
    });
    expect(computeDue(cal, '2026-12-28', 15, null).provisional).toBe(true);
    expect(computeDue(cal, '2026-11-02', 5, null).provisional).toBe(false);
  });

  it('a deadline is never before receipt, and strictly after it for a limit ≥ 1', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 0, max: 60 }), (received, limit) => {
        const { dueOn, baseDueOn } = computeDue(cal, received, limit, null);
        expect(dueOn >= received).toBe(true);
        expect(baseDueOn).toBe(dueOn);
        if (limit >= 1) {
          expect(dueOn > received).toBe(true);
          expect(cal.isWorkday(dueOn)).toBe(true);
          expect(cal.workdaysBetween(received, dueOn)).toBe(limit);
        }
      }),
      RUNS,
    );
  });

  it('an extension never shortens and adds exactly `days` working days after the base deadline', () => {
    fc.assert(
      fc.property(
        isoDate,
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 60 }),
        (received, limit, days) => {
          const base = computeDue(cal, received, limit, null);
          const ext = computeDue(cal, received, limit, days);
          expect(ext.baseDueOn).toBe(base.dueOn);
          expect(ext.dueOn > base.dueOn).toBe(true);
          expect(ext.dueOn).toBe(cal.addWorkdays(base.dueOn, days).date);
          expect(cal.workdaysBetween(base.dueOn, ext.dueOn)).toBe(days);
          expect(ext.provisional || !base.provisional).toBe(true);
        },
      ),
      RUNS,
    );
  });
});

describe('state machine: nextStatus, canApply, mayAct', () => {
  it.each([
    ['registered', 'assign', 'assigned'],
    ['assigned', 'assign', 'assigned'],
    ['assigned', 'extend', 'assigned'],
    ['assigned', 'reply', 'replied'],
    ['replied', 'close', 'closed'],
    ['replied', 'reopen', 'assigned'],
    ['registered', 'supervise', null], // 督办 only once transferred
    ['assigned', 'request-extension', 'assigned'],
    ['assigned', 'return', 'registered'],
    ['registered', 'return', null],
    ['replied', 'return', null],
    ['registered', 'request-extension', null],
    ['assigned', 'supervise', 'assigned'],
    ['replied', 'supervise', 'replied'],
    ['registered', 'reply', null],
    ['registered', 'extend', null],
    ['registered', 'close', null],
    ['assigned', 'close', null],
    ['assigned', 'reopen', null],
    ['replied', 'assign', null],
    ['replied', 'extend', null],
    ['replied', 'reply', null],
    ...LETTER_ACTIONS.map((a) => ['closed', a, null] as const),
  ] as [LetterStatus, LetterAction, LetterStatus | null][])('%s —%s→ %s', (from, a, to) => {
    expect(nextStatus(from, a)).toBe(to);
    expect(canApply({ status: from, extension: null }, a)).toBe(to !== null);
  });

  it('extends only once', () => {
    const extension = { days: 5, reason: 'x', previousDueOn: '2026-11-09' };
    expect(canApply({ status: 'assigned', extension: null }, 'extend')).toBe(true);
    expect(canApply({ status: 'assigned', extension }, 'extend')).toBe(false);
    expect(canApply({ status: 'assigned', extension }, 'reply')).toBe(true);
  });

  it('random action sequences from registered stay in LETTER_STATUSES; closed is terminal; one extension', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 40 }), (actions) => {
        let status: LetterStatus = 'registered';
        let extension: { days: number; reason: string; previousDueOn: string } | null = null;
        let extensions = 0;
        for (const a of actions) {
          const allowed = canApply({ status, extension }, a);
          const next = nextStatus(status, a);
          if (status === 'closed') expect(next).toBeNull();
          if (!allowed) continue;
          expect(next).not.toBeNull();
          status = next!;
          if (a === 'extend') {
            extensions += 1;
            extension = { days: 1, reason: 'r', previousDueOn: '2026-01-05' };
          }
          expect(LETTER_STATUSES).toContain(status);
        }
        expect(extensions).toBeLessThanOrEqual(1);
        if (status === 'closed')
          for (const a of LETTER_ACTIONS) expect(canApply({ status, extension }, a)).toBe(false);
      }),
      RUNS,
    );
  });

  const roles: Role[] = ['admin', 'clerk', 'handler', 'leader'];
  const sections: (SectionId | null)[] = ['social_assistance', 'social_affairs', null];
  it('mayAct = role allowed ∧ own section for handlers ∧ canApply; leaders never act', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...roles),
        fc.constantFrom(...sections),
        fc.constantFrom(...LETTER_STATUSES),
        fc.constantFrom(...sections),
        fc.boolean(),
        action,
        (role, userSection, status, letterSection, extended, a) => {
          const extension = extended ? { days: 1, reason: 'r', previousDueOn: '2026-01-05' } : null;
          const letter = { status, extension, sectionId: letterSection };
          const ok = mayAct({ role, sectionId: userSection }, letter, a);
          const expected =
            ACTION_ROLES[a].includes(role) &&
            (role !== 'handler' || letterSection === userSection) &&
            canApply(letter, a);
          expect(ok).toBe(expected);
          if (role === 'leader') expect(ok).toBe(false);
          if (role === 'handler' && ok)
            expect(['request-extension', 'reply', 'return']).toContain(a);
        },
      ),
      RUNS,
    );
  });

  it('a handler acts on an assigned letter of their own section only', () => {
    const h = { role: 'handler' as const, sectionId: 'social_assistance' as const };
    const own = { status: 'assigned' as const, extension: null, sectionId: h.sectionId };
    const other = { ...own, sectionId: 'social_affairs' as const };
    expect(LETTER_ACTIONS.filter((a) => mayAct(h, own, a))).toEqual([
      'request-extension',
      'reply',
      'return',
    ]);
    expect(LETTER_ACTIONS.filter((a) => mayAct(h, other, a))).toEqual([]);
    const clerk = { role: 'clerk' as const, sectionId: 'office' as const };
    expect(LETTER_ACTIONS.filter((a) => mayAct(clerk, own, a))).toEqual([
      'assign',
      'extend',
      'reply',
      'supervise',
    ]);
    // a pending request: the office decides it rather than extending over it
    const pending = {
      ...own,
      extensionRequest: {
        days: 2,
        reason: 'r',
        requestedBy: { id: 'u', name: '王强' },
        requestedOn: '2026-11-03',
      },
    };
    expect(LETTER_ACTIONS.filter((a) => mayAct(clerk, pending, a))).toEqual([
      'assign',
      'approve-extension',
      'refuse-extension',
      'reply',
      'supervise',
    ]);
    expect(LETTER_ACTIONS.filter((a) => mayAct(h, pending, a))).toEqual(['reply', 'return']);
  });

  it('past the deadline nothing that moves it is offered (issue #20)', () => {
    const h = { role: 'handler' as const, sectionId: 'social_assistance' as const };
    const clerk = { role: 'clerk' as const, sectionId: 'office' as const };
    const own = {
      status: 'assigned' as const,
      extension: null,
      sectionId: h.sectionId,
      dueOn: '2026-11-09',
    };
    expect(pastDeadline('2026-11-09', own.dueOn)).toBe(false);
    expect(pastDeadline('2026-11-10', own.dueOn)).toBe(true);
    expect(mayAct(h, own, 'request-extension', '2026-11-09')).toBe(true);
    expect(mayAct(h, own, 'request-extension', '2026-11-10')).toBe(false);
    expect(mayAct(clerk, own, 'extend', '2026-11-10')).toBe(false);
    expect(mayAct(clerk, own, 'supervise', '2026-11-10')).toBe(true);
    expect(mayAct(h, own, 'reply', '2026-11-10')).toBe(true);
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        (a, b) => {
          const today = a.toISOString().slice(0, 10);
          const dueOn = b.toISOString().slice(0, 10);
          for (const action of EXTENDING_ACTIONS)
            if (today > dueOn) expect(mayAct(clerk, { ...own, dueOn }, action, today)).toBe(false);
        },
      ),
      RUNS,
    );
  });
});

describe('alertLevel and remainingWorkdays', () => {
  it.each([
    [null, 3, 'none'],
    [-5, 3, 'overdue'],
    [-1, 3, 'overdue'],
    [0, 3, 'due_soon'],
    [3, 3, 'due_soon'],
    [4, 3, 'none'],
    [0, 0, 'due_soon'],
    [1, 0, 'none'],
  ] as const)('remaining %s with dueSoonDays %i → %s', (remaining, soon, level) => {
    expect(alertLevel(remaining, soon)).toBe(level);
  });

  it('boundaries for any dueSoonDays', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), (d) => {
        expect(alertLevel(-1, d)).toBe('overdue');
        expect(alertLevel(0, d)).toBe('due_soon');
        expect(alertLevel(d, d)).toBe('due_soon');
        expect(alertLevel(d + 1, d)).toBe('none');
        expect(alertLevel(null, d)).toBe('none');
      }),
      RUNS,
    );
  });

  it('counts working days to the deadline: 0 on the due day, −1 the next working day', () => {
    const open = { status: 'assigned' as const, dueOn: '2026-11-09' };
    expect(remainingWorkdays(cal, '2026-11-02', open)).toBe(5);
    expect(remainingWorkdays(cal, '2026-11-06', open)).toBe(1);
    expect(remainingWorkdays(cal, '2026-11-09', open)).toBe(0);
    expect(remainingWorkdays(cal, '2026-11-10', open)).toBe(-1);
    expect(remainingWorkdays(cal, '2026-11-16', open)).toBe(-5);
    expect(remainingWorkdays(cal, '2026-11-02', { ...open, status: 'registered' })).toBe(5);
  });

  it('is negative (overdue) on days off after the deadline too, e.g. a weekend or 国庆', () => {
    const fri = { status: 'assigned' as const, dueOn: '2026-11-13' };
    expect(remainingWorkdays(cal, '2026-11-14', fri)).toBe(-1); // Saturday
    expect(remainingWorkdays(cal, '2026-11-15', fri)).toBe(-1); // Sunday
    expect(remainingWorkdays(cal, '2026-11-16', fri)).toBe(-1); // Monday: first working day after
    expect(remainingWorkdays(cal, '2026-11-17', fri)).toBe(-2);
    expect(remainingWorkdays(cal, '2026-11-14', { ...fri, dueOn: '2026-11-16' })).toBe(1);
    const beforeHoliday = { status: 'assigned' as const, dueOn: '2026-09-30' };
    expect(remainingWorkdays(cal, '2026-10-03', beforeHoliday)).toBe(-1);
    expect(alertLevel(remainingWorkdays(cal, '2026-10-07', beforeHoliday), 3)).toBe('overdue');
    expect(remainingWorkdays(cal, '2026-10-08', beforeHoliday)).toBe(-1);
    expect(remainingWorkdays(cal, '2026-10-09', beforeHoliday)).toBe(-2);
  });

  it('an open letter is overdue exactly when today is after its deadline', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -40, max: 40 }), (today, offset) => {
        const dueOn = addDays(today, offset);
        const rem = remainingWorkdays(cal, today, { status: 'assigned', dueOn })!;
        expect(rem < 0).toBe(today > dueOn);
        expect(alertLevel(rem, 3) === 'overdue').toBe(today > dueOn);
        if (today <= dueOn) expect(rem).toBe(cal.workdaysBetween(today, dueOn));
      }),
      RUNS,
    );
  });

  it('is null once replied or closed, whatever today is', () => {
    fc.assert(
      fc.property(
        isoDate,
        isoDate,
        fc.constantFrom('replied', 'closed') as fc.Arbitrary<LetterStatus>,
        (today, dueOn, status) => {
          expect(remainingWorkdays(cal, today, { status, dueOn })).toBeNull();
          expect(alertLevel(remainingWorkdays(cal, today, { status, dueOn }), 3)).toBe('none');
        },
      ),
      RUNS,
    );
  });
});

describe('maskPhone, timeLimitFor, onTime', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['19900001111', '199****1111'],
    ['0355-2021234', '0355-****1234'],
    ['010-12345678', '010-****5678'],
    ['03552021234', '0355-****1234'],
    ['', ''],
  ])('%s → %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it('null stays null; a mobile never shows its middle four digits', () => {
    expect(maskPhone(null)).toBeNull();
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (m) => {
        const masked = maskPhone(m)!;
        expect(masked).toBe(`${m.slice(0, 3)}****${m.slice(7)}`);
        expect(masked.slice(3, 7)).toBe('****');
      }),
      RUNS,
    );
  });

  it('mayor_mailbox uses mayorMailboxDays; any other source its category', () => {
    const limits: TimeLimits = { ...DEFAULT_TIME_LIMITS, mayorMailboxDays: 20 };
    for (const c of LETTER_CATEGORIES) {
      expect(timeLimitFor(limits, 'mayor_mailbox', c)).toBe(20);
      for (const s of LETTER_SOURCES.filter((x) => x !== 'mayor_mailbox'))
        expect(timeLimitFor(limits, s, c)).toBe(limits.letters[c]);
    }
    expect(timeLimitFor(DEFAULT_TIME_LIMITS, 'website', 'consultation')).toBe(5);
    expect(timeLimitFor(DEFAULT_TIME_LIMITS, 'website', 'complaint')).toBe(15);
  });

  it('onTime: replied on or before the deadline', () => {
    expect(onTime('2026-11-09', '2026-11-09')).toBe(true);
    expect(onTime('2026-11-06', '2026-11-09')).toBe(true);
    expect(onTime('2026-11-10', '2026-11-09')).toBe(false);
  });
});

describe('alertBounds: the alert levels as ranges of deadlines (what lists filter and count by)', () => {
  it('agrees with alertLevel(remainingWorkdays) for every deadline around every day of 2026 and New Year 2027, for several due-soon settings', () => {
    const cal = createCalendar();
    let checked = 0;
    for (let t = 0; t < 400; t += 3) {
      const today = addDays('2026-01-01', t);
      for (const dueSoonDays of [0, 1, 3, 5]) {
        const b = alertBounds(cal, today, dueSoonDays);
        for (let d = -20; d <= 30; d++) {
          const dueOn = addDays(today, d);
          const level = alertLevel(
            remainingWorkdays(cal, today, { status: 'assigned', dueOn }),
            dueSoonDays,
          );
          const byRange =
            dueOn <= b.overdueTo
              ? 'overdue'
              : dueOn >= b.dueSoonFrom && dueOn <= b.dueSoonTo
                ? 'due_soon'
                : 'none';
          expect(byRange, `${today} due ${dueOn} (${dueSoonDays})`).toBe(level);
          checked++;
        }
      }
    }
    expect(checked).toBe(134 * 4 * 51);
  });

  it('spans a holiday: on the last working day before National Day 2026, 3 days ahead reach past the break', () => {
    // 2026-09-30 (Wed) works; 1–7 October are days off; 8, 9 and the make-up Saturday 10 October
    // are the 3 working days left; Sunday 11 October still leaves 3, Monday 12 leaves 4.
    const b = alertBounds(createCalendar(), '2026-09-30', 3);
    expect(b).toEqual({
      overdueTo: '2026-09-29',
      dueSoonFrom: '2026-09-30',
      dueSoonTo: '2026-10-11',
    });
  });
});
