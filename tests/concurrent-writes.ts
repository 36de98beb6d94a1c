/**
 * Two changes sent at once with the same If-Match, for every versioned endpoint: exactly one may
 * win, the other must get 409 (security review F1). One list of cases, run against the mock
 * (tests/mocks/concurrency.test.ts) and the real server on both databases (tests/server).
 */
interface Res {
  status: number;
  body: any;
}
export interface ContractClient {
  get(path: string, headers?: Record<string, string>): Promise<Res>;
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<Res>;
  put(path: string, body: unknown, headers?: Record<string, string>): Promise<Res>;
  patch(path: string, body: unknown, headers?: Record<string, string>): Promise<Res>;
  del(path: string, headers?: Record<string, string>, body?: unknown): Promise<Res>;
}

const v1 = { 'If-Match': '"1"' };

async function created(r: Promise<Res>): Promise<{ id: string; version: number }> {
  const res = await r;
  if (res.status !== 201) throw new Error(`create: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export interface Race {
  name: string;
  /** Who sends both changes (the clerk unless it is the admin's to change). */
  user?: 'clerk' | 'admin';
  /** Prepares a record and returns the two racing requests (not yet awaited). */
  run: (client: ContractClient, today: string) => Promise<[Promise<Res>, Promise<Res>]>;
}

/** Two PUTs of a versioned setting from the same read: its current version as If-Match. */
function settingRace(name: string, path: string, a: object, b: object): Race {
  return {
    name,
    user: 'admin',
    run: async (c) => {
      const { version } = (await c.get(path)).body;
      const ifMatch = { 'If-Match': `"${version}"` };
      return [c.put(path, a, ifMatch), c.put(path, b, ifMatch)];
    },
  };
}
const limits = (complaint: number) => ({
  letters: { consultation: 5, help: 5, suggestion: 15, complaint, report: 15 },
  mayorMailboxDays: 15,
  dueSoonDays: 3,
  maxExtensionDays: 10,
});

export const RACES: Race[] = [
  {
    name: 'letter: transfer to two sections',
    run: async (c, today) => {
      const l = await created(
        c.post('/letters', {
          source: 'phone',
          category: 'consultation',
          subject: '并发转办',
          content: '同一版本的两次转办',
          citizenName: '赵一',
          receivedOn: today,
        }),
      );
      return [
        c.post(`/letters/${l.id}/assign`, { sectionId: 'social_assistance' }, v1),
        c.post(`/letters/${l.id}/assign`, { sectionId: 'elderly' }, v1),
      ];
    },
  },
  {
    name: 'application: two decisions',
    run: async (c, today) => {
      const a = await created(
        c.post('/applications', {
          applicantType: 'natural_person',
          applicantName: '钱二',
          contact: '13800000000',
          channel: 'online',
          receivedOn: today,
          description: '申请公开低保名单',
        }),
      );
      return [
        c.post(`/applications/${a.id}/decide`, { outcome: '3.1', decidedOn: today }, v1),
        c.post(`/applications/${a.id}/decide`, { outcome: '3.3.1', decidedOn: today }, v1),
      ];
    },
  },
  ...(['PATCH twice', 'withdraw and PATCH'] as const).map((kind): Race => ({
    name: `catalogue entry: ${kind}`,
    run: async (c) => {
      const e = await created(
        c.post('/catalogue', {
          title: `并发编辑的目录条目（${kind}）`,
          category: 'policy',
          docType: 'normative',
          publisher: '长治市民政局',
          formedOn: '2024-03-05',
          publishedOn: '2024-03-12',
          attribute: 'proactive',
          channels: ['website'],
          validity: 'valid',
          keywords: ['并发'],
        }),
      );
      return [
        kind === 'PATCH twice'
          ? c.patch(`/catalogue/${e.id}`, { summary: '甲的摘要' }, v1)
          : c.del(`/catalogue/${e.id}`, v1, { reason: '已失效' }),
        c.patch(`/catalogue/${e.id}`, { title: '乙改的标题' }, v1),
      ];
    },
  })),
  {
    name: 'annual report narrative: two saves',
    run: async (c) => {
      const year = 2020;
      const { version } = (await c.get(`/reports/annual/${year}`)).body.narrative;
      const ifMatch = { 'If-Match': `"${version}"` };
      const text = (who: string) => ({ overview: `${who}的概述`, problems: '问题', other: '其他' });
      return [
        c.put(`/reports/annual/${year}/narrative`, text('甲'), ifMatch),
        c.put(`/reports/annual/${year}/narrative`, text('乙'), ifMatch),
      ];
    },
  },
  {
    name: 'review case: two edits',
    run: async (c) => {
      const r = await created(
        c.post('/reviews', { kind: 'review', filedOn: '2020-03-01', result: 'pending' }),
      );
      return [
        c.patch(`/reviews/${r.id}`, { result: 'upheld', concludedOn: '2020-05-01' }, v1),
        c.patch(`/reviews/${r.id}`, { result: 'corrected', concludedOn: '2020-05-02' }, v1),
      ];
    },
  },
  settingRace('settings: two time-limit saves', '/settings/time-limits', limits(10), limits(20)),
  settingRace(
    'settings: two organisation saves',
    '/settings/organisation',
    { name: '长治市民政局', orgCode: '11140400012345678X', administrativeFeesWan: {} },
    { name: '长治市民政局办公室', orgCode: '11140400012345678X', administrativeFeesWan: {} },
  ),
  settingRace(
    'calendar year: two admins enter 2031 at once',
    '/calendar/years/2031',
    { complete: false, days: [{ date: '2031-01-02', workday: false, name: '元旦' }] },
    { complete: true, days: [] },
  ),
];

/** Runs one race; returns the two statuses, sorted. */
export async function race(r: Race, clerk: ContractClient, today: string): Promise<number[]> {
  const pair = await r.run(clerk, today);
  return (await Promise.all(pair)).map((x) => x.status).sort();
}
