// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { setToday } from '@mocks/clock';
import { as } from '../api';

describe('calendar endpoints', () => {
  it('explains a count: holidays skipped by name, make-up days counted', async () => {
    const c = await as('clerk');
    const r = await c.get('/calendar/workdays?from=2018-09-20&count=20');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ date: '2018-10-24', provisional: false });
    expect(r.body.skipped.map((s: { name: string }) => s.name)).toEqual(
      expect.arrayContaining(['国庆节', '中秋', '周末']),
    );
    expect(r.body.makeUpDays.map((m: { date: string }) => m.date)).toEqual([
      '2018-09-29',
      '2018-09-30',
    ]);
    expect((await c.get('/calendar/workdays?from=2018-02-30&count=3')).status).toBe(400);
  });

  it('from must lie in 2000-01-01..2100-12-31 (400 like any bad query): never a 5-digit year', async () => {
    const c = await as('clerk');
    for (const from of ['9999-12-31', '0000-01-01', '1999-12-31', '2101-01-01']) {
      const r = await c.get(`/calendar/workdays?from=${from}&count=400`);
      expect(r.status, from).toBe(400);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
      expect(Object.keys(r.body.errors), from).toEqual(['from']);
    }
    const first = await c.get('/calendar/workdays?from=2000-01-01&count=1');
    expect(first.status).toBe(200);
    expect(first.body.date).toBe('2000-01-03');
    const last = await c.get('/calendar/workdays?from=2100-12-31&count=400');
    expect(last.status).toBe(200);
    expect(last.body.date).toMatch(/^2102-\d{2}-\d{2}$/);
  });

  it('lists years with their source', async () => {
    const c = await as('leader');
    const years = (await c.get('/calendar/years')).body as {
      year: number;
      source: string;
      complete: boolean;
    }[];
    expect(years.find((y) => y.year === 2017)).toEqual({
      year: 2017,
      source: 'official',
      complete: true,
    });
    expect(years.find((y) => y.year === 2027)).toEqual({
      year: 2027,
      source: 'none',
      complete: false,
    });
    const y2018 = await c.get('/calendar/years/2018');
    expect(y2018.body.officialDays).toEqual(
      expect.arrayContaining([{ date: '2018-02-11', workday: true, name: '春节' }]),
    );
  });

  it('only admins write; an official year may be supplemented, not overwritten (422 with field errors)', async () => {
    expect(
      (await (await as('clerk')).putCurrent('/calendar/years/2027', { complete: true, days: [] }))
        .status,
    ).toBe(403);
    const admin = await as('admin');
    const bad = await admin.putCurrent('/calendar/years/2018', {
      complete: true,
      days: [{ date: '2018-10-01', workday: true, name: '上班' }],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors['days.0.workday']).toMatch(/官方/);
    const wrongYear = await admin.putCurrent('/calendar/years/2027', {
      complete: false,
      days: [{ date: '2026-10-01', workday: false, name: 'x' }],
    });
    expect(wrongYear.status).toBe(422);
    expect(Object.keys(wrongYear.body.errors)).toEqual(['days.0.date']);
    expect((await admin.get('/calendar/years/2027')).body.days).toEqual([]);
  });

  it('saving a year recomputes open provisional deadlines (with an audit entry) and never moves closed ones', async () => {
    setToday('2026-12-20');
    const clerk = await as('clerk');
    const created = await clerk.post('/letters', {
      source: 'mayor_mailbox',
      category: 'help',
      subject: '跨年来信',
      content: '需要帮助',
      citizenName: '王五',
      receivedOn: '2026-12-18',
    });
    expect(created.body.calendarProvisional).toBe(true);
    const before = created.body.dueOn;
    const admin = await as('admin');
    const days = [
      { date: '2027-01-01', workday: false, name: '元旦' },
      { date: '2027-01-04', workday: false, name: '地方假日' },
    ];
    const saved = await admin.putCurrent('/calendar/years/2027', { complete: true, days });
    expect(saved.status).toBe(200);
    expect(saved.body.recomputed).toBeGreaterThanOrEqual(1);
    const after = await clerk.get(`/letters/${created.body.id}`);
    expect(after.body.calendarProvisional).toBe(false);
    expect(after.body.dueOn > before).toBe(true);
    const trail = await clerk.get(`/audit?entity=letter&id=${created.body.id}`);
    expect(trail.body.at(-1)).toMatchObject({ action: 'recompute', actor: { role: 'admin' } });
    const closed2017 = (await clerk.get('/letters?year=2017&pageSize=1')).body.items[0];
    expect(closed2017.calendarProvisional).toBe(false);
  });
});
