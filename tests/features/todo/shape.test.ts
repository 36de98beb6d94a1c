import { alertLevel } from '@/features/letters/rules';
import { describe, expect, it } from 'vitest';
import {
  groupFilter,
  shapeTodo,
  type TodoApplicationFact,
  type TodoLetterFact,
} from '@/features/todo/shape';

const TODAY = '2026-11-26';
let seq = 0;
const letter = (over: Partial<TodoLetterFact>): TodoLetterFact => ({
  id: `l${++seq}`,
  serialNo: `XF-2026-${String(seq).padStart(4, '0')}`,
  subject: '来信',
  status: 'assigned',
  sectionId: 'social_assistance',
  dueOn: '2026-12-01',
  remainingWorkdays: 3,
  supervised: false,
  extensionRequested: false,
  extended: false,
  ...over,
});
const app = (over: Partial<TodoApplicationFact>): TodoApplicationFact => ({
  id: `a${++seq}`,
  serialNo: `YSQ-2026-${String(seq).padStart(4, '0')}`,
  description: '申请',
  status: 'in_progress',
  sectionId: 'social_assistance',
  dueOn: '2026-12-10',
  remainingWorkdays: 10,
  lapsing: null,
  ...over,
});
const shape = (
  role: 'clerk' | 'handler' | 'leader',
  letters: TodoLetterFact[],
  apps: TodoApplicationFact[] = [],
) =>
  shapeTodo({
    role,
    today: TODAY,
    windowDays: 3,
    alertOf: (n) => alertLevel(n, 3),
    letters,
    applications: apps,
  });
const byId = (t: ReturnType<typeof shape>) => Object.fromEntries(t.groups.map((g) => [g.id, g]));

describe('shapeTodo', () => {
  it("the office's groups: each record where its state puts it", () => {
    const g = byId(
      shape(
        'clerk',
        [
          letter({ status: 'registered', sectionId: null, remainingWorkdays: 5 }),
          letter({ status: 'replied', remainingWorkdays: null, dueOn: TODAY }),
          letter({ dueOn: TODAY, remainingWorkdays: 0 }),
          letter({ supervised: true, remainingWorkdays: -2 }),
          letter({ supervised: true, status: 'replied', remainingWorkdays: null }),
          letter({ extensionRequested: true }),
          letter({ status: 'closed', remainingWorkdays: null, supervised: true }),
        ],
        [
          app({
            status: 'correction_requested',
            lapsing: { kind: 'correction', dueOn: '2026-12-01', remainingWorkdays: 3 },
          }),
          app({
            status: 'paused',
            lapsing: { kind: 'fee', dueOn: '2026-11-25', remainingWorkdays: -1 },
          }),
          app({}),
        ],
      ),
    );
    expect(Object.keys(g)).toEqual([
      'toTransfer',
      'toClose',
      'dueToday',
      'supervised',
      'extensionRequests',
      'correctionLapsing',
      'feeLapsing',
    ]);
    expect(Object.values(g).map((x) => x.count)).toEqual([1, 2, 1, 1, 1, 1, 1]);
    // A replied letter due today is no longer 今日到期: its clock has stopped.
    expect(g.dueToday!.items[0]!.remainingWorkdays).toBe(0);
    // A window's item shows the window's end, not the case's deadline.
    expect(g.feeLapsing!.items[0]).toMatchObject({ dueOn: '2026-11-25', remainingWorkdays: -1 });
    expect(g.extensionRequests!.items[0]!.extension).toBe('requested');
  });

  it('a section officer: letters at work and applications in progress, most urgent first', () => {
    const t = shape('handler', [
      letter({ remainingWorkdays: 4, serialNo: 'XF-2026-0003' }),
      letter({ remainingWorkdays: -1, serialNo: 'XF-2026-0002' }),
      letter({ remainingWorkdays: 4, serialNo: 'XF-2026-0001', extended: true }),
      letter({ status: 'replied', remainingWorkdays: null }),
    ]);
    expect(t.groups.map((g) => g.id)).toEqual(['sectionLetters', 'sectionApplications']);
    expect(t.groups[0]!.items.map((i) => i.serialNo)).toEqual([
      'XF-2026-0002',
      'XF-2026-0001',
      'XF-2026-0003',
    ]);
    expect(t.groups[0]!.items[1]!.extension).toBe('granted');
  });

  it('lists the first five, counts all; leaders have no groups', () => {
    const many = Array.from({ length: 8 }, (_, i) => letter({ remainingWorkdays: 8 - i }));
    const g = shape('handler', many).groups[0]!;
    expect(g.count).toBe(8);
    expect(g.items.map((i) => i.remainingWorkdays)).toEqual([1, 2, 3, 4, 5]);
    expect(shape('leader', many).groups).toEqual([]);
  });

  it("each group's list query, 今日到期 pinned to the day", () => {
    expect(groupFilter('dueToday', TODAY)).toBe('dueOn=2026-11-26');
    expect(groupFilter('toTransfer', TODAY)).toBe('status=registered&sort=remainingWorkdays');
    expect(groupFilter('feeLapsing', TODAY)).toBe('lapsing=fee');
    const t = shape('clerk', []);
    expect(t.groups.find((x) => x.id === 'correctionLapsing')!.resource).toBe('applications');
  });
});
