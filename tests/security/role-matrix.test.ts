// @vitest-environment node
/**
 * The role matrix as a table: every endpoint × every role → the expected status. Handlers are
 * confined to their section (404 outside it), leaders read but never write (403).
 */
import { describe, expect, it } from 'vitest';
import { as, call } from '../api';

type Role = 'admin' | 'clerk' | 'leader' | 'handler';
const ROLES: Role[] = ['admin', 'clerk', 'leader', 'handler'];

const letterBody = {
  source: 'phone',
  category: 'help',
  subject: 's',
  content: 'c',
  citizenName: 'n',
  receivedOn: '2026-11-02',
};
const appBody = {
  applicantType: 'natural_person',
  applicantName: 'a',
  contact: '13800000000',
  channel: 'online',
  receivedOn: '2026-11-02',
  description: 'd',
};
const entryBody = {
  title: 't',
  category: 'news',
  docType: 'other',
  publisher: 'p',
  formedOn: '2026-11-02',
  attribute: 'proactive',
  channels: ['website'],
};

interface Case {
  name: string;
  method: string;
  path: string | ((ids: Ids) => string);
  body?: unknown;
  ifMatch?: boolean;
  expect: Record<Role, number>;
}
interface Ids {
  handlerLetter: string;
  otherLetter: string;
  handlerApp: string;
  otherApp: string;
}

const read = (handler: number) => ({ admin: 200, clerk: 200, leader: 200, handler });
const office = (ok: number, handler = 403) => ({ admin: ok, clerk: ok, leader: 403, handler });

const CASES: Case[] = [
  { name: 'me', method: 'GET', path: '/auth/me', expect: read(200) },
  { name: 'sections', method: 'GET', path: '/sections', expect: read(200) },
  { name: 'regions', method: 'GET', path: '/regions?on=2018-01-01', expect: read(200) },
  { name: 'calendar years', method: 'GET', path: '/calendar/years', expect: read(200) },
  {
    name: 'workdays',
    method: 'GET',
    path: '/calendar/workdays?from=2026-01-05&count=3',
    expect: read(200),
  },
  {
    name: 'put calendar',
    method: 'PUT',
    path: '/calendar/years/2027',
    body: { complete: false, days: [] },
    expect: { admin: 200, clerk: 403, leader: 403, handler: 403 },
  },
  { name: 'time limits', method: 'GET', path: '/settings/time-limits', expect: read(200) },
  {
    name: 'put time limits',
    method: 'PUT',
    path: '/settings/time-limits',
    body: {
      letters: { consultation: 5, help: 5, suggestion: 15, complaint: 15, report: 15 },
      mayorMailboxDays: 15,
      dueSoonDays: 3,
      maxExtensionDays: 10,
    },
    expect: { admin: 200, clerk: 403, leader: 403, handler: 403 },
  },
  { name: 'organisation', method: 'GET', path: '/settings/organisation', expect: read(200) },
  { name: 'letters', method: 'GET', path: '/letters', expect: read(200) },
  { name: 'letters export', method: 'GET', path: '/letters/export', expect: read(200) },
  { name: 'letter alerts', method: 'GET', path: '/letters/alerts', expect: read(200) },
  {
    name: 'create letter',
    method: 'POST',
    path: '/letters',
    body: letterBody,
    expect: office(201),
  },
  {
    name: 'own-section letter',
    method: 'GET',
    path: (i) => `/letters/${i.handlerLetter}`,
    expect: read(200),
  },
  {
    name: 'other-section letter',
    method: 'GET',
    path: (i) => `/letters/${i.otherLetter}`,
    expect: read(404),
  },
  {
    name: 'other-section audit',
    method: 'GET',
    path: (i) => `/audit?entity=letter&id=${i.otherLetter}`,
    expect: read(404),
  },
  {
    name: 'supervise',
    method: 'POST',
    path: (i) => `/letters/${i.handlerLetter}/supervise`,
    body: { note: '请加快' },
    ifMatch: true,
    expect: office(200),
  },
  {
    name: 'reply own section',
    method: 'POST',
    path: (i) => `/letters/${i.handlerLetter}/reply`,
    body: { content: '答复' },
    ifMatch: true,
    expect: { admin: 200, clerk: 200, leader: 403, handler: 200 },
  },
  {
    name: 'reply other section',
    method: 'POST',
    path: (i) => `/letters/${i.otherLetter}/reply`,
    body: { content: '答复' },
    ifMatch: true,
    expect: { admin: 200, clerk: 200, leader: 403, handler: 404 },
  },
  { name: 'applications', method: 'GET', path: '/applications', expect: read(200) },
  {
    name: 'create application',
    method: 'POST',
    path: '/applications',
    body: appBody,
    expect: office(201),
  },
  {
    name: 'own-section application',
    method: 'GET',
    path: (i) => `/applications/${i.handlerApp}`,
    expect: read(200),
  },
  {
    name: 'other-section application',
    method: 'GET',
    path: (i) => `/applications/${i.otherApp}`,
    expect: read(404),
  },
  {
    name: 'decide application',
    method: 'POST',
    path: (i) => `/applications/${i.handlerApp}/extend`,
    body: { reason: 'r', approvedBy: 'a' },
    ifMatch: true,
    expect: office(200),
  },
  { name: 'catalogue', method: 'GET', path: '/catalogue', expect: read(403) },
  { name: 'catalogue entry', method: 'GET', path: '/catalogue/C2017-P001', expect: read(403) },
  {
    name: 'create entry',
    method: 'POST',
    path: '/catalogue',
    body: entryBody,
    expect: office(201),
  },
  {
    name: 'withdraw entry',
    method: 'DELETE',
    path: '/catalogue/C2017-P003',
    body: { reason: '重复' },
    ifMatch: true,
    expect: office(200),
  },
  { name: 'annual report', method: 'GET', path: '/reports/annual/2017', expect: read(403) },
  {
    name: 'narrative',
    method: 'PUT',
    path: '/reports/annual/2019/narrative',
    body: { overview: 'a', problems: 'b', other: 'c' },
    expect: office(200),
  },
  { name: 'reviews', method: 'GET', path: '/reviews', expect: read(403) },
  {
    name: 'create review',
    method: 'POST',
    path: '/reviews',
    body: { kind: 'review', filedOn: '2020-01-02', result: 'pending' },
    expect: office(201),
  },
  { name: 'dashboard', method: 'GET', path: '/dashboard?year=2026', expect: read(200) },
  { name: 'assistance figures', method: 'GET', path: '/assistance?year=2026', expect: read(403) },
  {
    name: 'assistance summary',
    method: 'GET',
    path: '/assistance/summary?year=2026&groupBy=month',
    expect: read(403),
  },
  {
    name: 'demo data',
    method: 'POST',
    path: '/admin/demo-data',
    body: { letters: 1 },
    expect: { admin: 201, clerk: 403, leader: 403, handler: 403 },
  },
  {
    name: 'faults',
    method: 'GET',
    path: '/admin/faults',
    expect: { admin: 200, clerk: 403, leader: 403, handler: 403 },
  },
  {
    name: 'reset',
    method: 'POST',
    path: '/admin/reset',
    expect: { admin: 200, clerk: 403, leader: 403, handler: 403 },
  },
];

async function ids(): Promise<Ids> {
  const clerk = await as('clerk');
  const letters = (await clerk.get('/letters?status=assigned&pageSize=100')).body.items as {
    id: string;
    sectionId: string;
  }[];
  const apps = (await clerk.get('/applications?status=in_progress&pageSize=100')).body.items as {
    id: string;
    sectionId: string;
  }[];
  return {
    handlerLetter: letters.find((l) => l.sectionId === 'social_assistance')!.id,
    otherLetter: letters.find((l) => l.sectionId !== 'social_assistance')!.id,
    handlerApp: apps.find((a) => a.sectionId === 'social_assistance')!.id,
    otherApp: apps.find((a) => a.sectionId !== 'social_assistance')!.id,
  };
}

describe('role matrix', () => {
  for (const c of CASES) {
    for (const role of ROLES) {
      it(`${c.method} ${typeof c.path === 'string' ? c.path : c.name} as ${role} → ${c.expect[role]}`, async () => {
        const i = await ids();
        const user = await as(role);
        const path = typeof c.path === 'function' ? c.path(i) : c.path;
        const headers: Record<string, string> = {};
        if (c.ifMatch) {
          const clerk = await as('clerk');
          const current = await clerk.get(path.replace(/\/[a-z-]+$/, '').replace(/\?.*$/, ''));
          headers['If-Match'] = current.headers.get('etag') ?? '"1"';
        }
        const r = await call(c.method, path, { token: user.token, body: c.body, headers });
        expect(r.status).toBe(c.expect[role]);
      });
    }
  }

  it('no endpoint answers without a token', async () => {
    for (const c of CASES) {
      if (c.name === 'me' || typeof c.path !== 'string') continue;
      expect((await call(c.method, c.path, { body: c.body })).status).toBe(401);
    }
  });
});
