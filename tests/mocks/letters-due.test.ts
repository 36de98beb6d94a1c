// @vitest-environment node
/**
 * GET /letters/due: the registration form's deadline preview is the server's own rule, so the
 * preview is the dueOn the new record stores (source, category, receipt date, the calendar).
 */
import { describe, expect, it } from 'vitest';
import type { Letter, LetterDue } from '@/features/letters/types';
import { as } from '../api';
import { seedOn } from '../seed-day';

// Thursday 2026-11-26. November 2026 has no holidays.
seedOn('2026-11-26');

const letter = (receivedOn: string, source: string, category: string) => ({
  source,
  category,
  subject: '预览与登记的期限',
  content: '内容',
  citizenName: '张三',
  receivedOn,
});
const dueOf = (receivedOn: string, source: string, category: string) =>
  `/letters/due?receivedOn=${receivedOn}&source=${source}&category=${category}`;

describe('GET /letters/due: the deadline registering stores', () => {
  it('answers exactly what the new record gets, with the count behind it', async () => {
    const clerk = await as('clerk');
    const due = await clerk.get<LetterDue>(dueOf('2026-11-02', 'website', 'help'));
    expect(due.status).toBe(200);
    // 求助: 5 working days from Monday 11-02 → Monday 11-09, the weekend 11-07/08 skipped.
    expect(due.body).toMatchObject({
      timeLimitDays: 5,
      dueOn: '2026-11-09',
      calendarProvisional: false,
      count: { from: '2026-11-02', count: 5, date: '2026-11-09' },
    });
    expect(due.body.count.skipped.map((s) => s.date)).toEqual(['2026-11-07', '2026-11-08']);
  });

  it.each([
    ['2026-11-02', 'website', 'complaint'],
    ['2026-11-20', 'mayor_mailbox', 'help'],
    ['2026-09-28', 'visit', 'consultation'],
    ['2026-09-30', 'hotline_12345', 'suggestion'],
    ['2025-12-30', 'mail', 'report'],
  ])('preview = stored dueOn for %s %s %s', async (receivedOn, source, category) => {
    const clerk = await as('clerk');
    const due = (await clerk.get<LetterDue>(dueOf(receivedOn, source, category))).body;
    const created = await clerk.post<Letter>('/letters', letter(receivedOn, source, category));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect({ dueOn: due.dueOn, days: due.timeLimitDays }).toEqual({
      dueOn: created.body.dueOn,
      days: created.body.timeLimitDays,
    });
  });

  it('follows the time limits the office set (市长信箱)', async () => {
    const admin = await as('admin');
    const limits = await admin.get<any>('/settings/time-limits');
    const put = await admin.put<any>(
      '/settings/time-limits',
      { ...limits.body, version: undefined, mayorMailboxDays: 7 },
      { 'If-Match': `"${limits.body.version}"` },
    );
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const clerk = await as('clerk');
    const due = (await clerk.get<LetterDue>(dueOf('2026-11-02', 'mayor_mailbox', 'help'))).body;
    expect({ days: due.timeLimitDays, dueOn: due.dueOn }).toEqual({ days: 7, dueOn: '2026-11-11' });
  });

  it('refuses a future receipt (422 on the field), a malformed query (400) and a reader (403)', async () => {
    const clerk = await as('clerk');
    const future = await clerk.get<any>(dueOf('2026-11-27', 'website', 'help'));
    expect(future.status).toBe(422);
    expect(Object.keys(future.body.errors)).toEqual(['receivedOn']);
    expect((await clerk.get<any>(dueOf('2026-11-02', 'fax', 'help'))).status).toBe(400);
    expect((await clerk.get<any>(dueOf('1999-12-31', 'website', 'help'))).status).toBe(400);
    const leader = await as('leader');
    expect((await leader.get<any>(dueOf('2026-11-02', 'website', 'help'))).status).toBe(403);
  });
});
