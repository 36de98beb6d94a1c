// @vitest-environment node
/**
 * The role matrix as a table: every endpoint × every role → the expected status (api.md, and the
 * OpenAPI document where api.md leaves the design to us). Handlers are confined to their section
 * (404 outside it) and get 403 on the office's features; leaders read but never write (403);
 * settings, calendar and the admin tools are the admin's.
 */
import { describe, expect, it } from 'vitest';
import { today } from '@mocks/clock';
import type { LetterRecord } from '@/features/letters/types';
import { db } from '@mocks/db';
import openapi from '@mocks/openapi.json';
import { apiRoutes } from '@mocks/handlers';
import { as, call } from '../api';
import { seedOn } from '../seed-day';
import { stored, storedChange } from './stored';

// The records below carry fixed dates of autumn 2026: run on a day after them.
seedOn('2026-11-26');

type Role = 'admin' | 'clerk' | 'leader' | 'handler';
const ROLES: Role[] = ['admin', 'clerk', 'leader', 'handler'];
type Client = Awaited<ReturnType<typeof as>>;

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
const timeLimits = {
  letters: { consultation: 5, help: 5, suggestion: 15, complaint: 15, report: 15 },
  mayorMailboxDays: 15,
  dueSoonDays: 3,
  maxExtensionDays: 10,
};
const dibao = { households: 1000, persons: 1800, standard: 780, expenditure: 812345.67 };

/** The records the cases act on (read from the mock's store after the reset), and the day. */
interface Fx {
  /** The backend's today, and its month (the month's figures are drafts). */
  today: string;
  period: string;
  /** Assigned letters: one of the handler's section (social_assistance), one of another. */
  handlerLetter: string;
  otherLetter: string;
  /** Open applications: one of the handler's section, one of another. */
  handlerApp: string;
  otherApp: string;
  /** Made by a case's `before` (ids, a version, the login name). */
  made: Record<string, string>;
}

interface Case {
  name: string;
  method: string;
  path: string | ((f: Fx) => string);
  /** The body, or a function of the fixture for bodies that need today's date or a version. */
  body?: unknown;
  /** The GET whose ETag goes into If-Match (fetched as the clerk), or the If-Match value itself. */
  ifMatch?: (f: Fx) => string;
  /** Brings the records into the state the action needs; `user` is the caller under test. */
  before?: (f: Fx, clerk: Client, user: Client, role: Role) => Promise<void>;
  /** Public endpoints answer without a token. */
  open?: boolean;
  /** A multipart body instead of JSON (an attachment's upload). */
  form?: () => FormData;
  expect: Record<Role, number>;
}

const all = (status: number) => ({ admin: status, clerk: status, leader: status, handler: status });
const read = (handler: number) => ({ admin: 200, clerk: 200, leader: 200, handler });
const office = (ok: number, handler = 403) => ({ admin: ok, clerk: ok, leader: 403, handler });
const adminOnly = (ok: number) => ({ admin: ok, clerk: 403, leader: 403, handler: 403 });
/** Actions a section may take on its own records (others' → 404). */
const section = (ok: number, handler = ok) => ({ admin: ok, clerk: ok, leader: 403, handler });

const etagOf = (path: (f: Fx) => string) => (f: Fx) => `GET ${path(f)}`;
const letterPath = (f: Fx) => `/letters/${f.handlerLetter}`;
const replyBody = (f: Fx) => ({ content: '答复', method: 'written', repliedOn: f.today });
const otherLetterPath = (f: Fx) => `/letters/${f.otherLetter}`;
const appPath = (f: Fx) => `/applications/${f.handlerApp}`;
const otherAppPath = (f: Fx) => `/applications/${f.otherApp}`;
const madeAppPath = (f: Fx) => `/applications/${f.made.app}`;
const figurePath = (f: Fx) => `/assistance/${f.period}/140403/urban_dibao`;

/** One small PDF as an upload's multipart body. */
const pdfForm = () => {
  const form = new FormData();
  form.append('file', new File(['%PDF-1.4\n%%EOF\n'], '答复函.pdf'));
  return form;
};
/** An attachment the clerk put on `parent` (its id in f.made.attachment). */
const attachTo = (parent: (f: Fx) => string) => async (f: Fx, clerk: Client) => {
  const r = await call('POST', `${parent(f)}/attachments`, { token: clerk.token, form: pdfForm() });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  f.made.attachment = r.body.id as string;
};
const madeReview = async (f: Fx, clerk: Client) => {
  const r = await clerk.post('/reviews', {
    kind: 'review',
    filedOn: '2020-01-02',
    result: 'pending',
  });
  f.made.review = r.body.id as string;
};
const attachmentPath = (f: Fx) => `/attachments/${f.made.attachment}`;

/** A clerk's action on a record, with its current ETag. */
async function act(c: Client, recordPath: string, action: string, body: unknown) {
  const cur = await c.get(recordPath);
  const r = await call('POST', `${recordPath}/${action}`, {
    token: c.token,
    body,
    headers: { 'If-Match': cur.headers.get('etag')! },
  });
  expect(r.status, `${action} ${recordPath}: ${JSON.stringify(r.body)}`).toBe(200);
}
/** A fresh application received today, assigned to the handler's section. */
async function freshApp(f: Fx, clerk: Client) {
  const r = await clerk.post('/applications', { ...appBody, receivedOn: f.today });
  expect(r.status).toBe(201);
  f.made.app = r.body.id as string;
  await act(clerk, madeAppPath(f), 'assign', { sectionId: 'social_assistance' });
}

const CASES: Case[] = [
  // Auth, reference data, the OpenAPI document.
  {
    name: 'login',
    method: 'POST',
    path: '/auth/login',
    open: true,
    before: async (f, _clerk, _user, role) => {
      f.made.username = role;
    },
    body: (f: Fx) => ({ username: f.made.username, password: 'demo123' }),
    expect: all(200),
  },
  { name: 'info', method: 'GET', path: '/info', open: true, expect: all(200) },
  { name: 'me', method: 'GET', path: '/auth/me', expect: all(200) },
  { name: 'logout', method: 'POST', path: '/auth/logout', expect: all(204) },
  {
    name: 'change own password',
    method: 'PUT',
    path: '/auth/password',
    body: { currentPassword: 'demo123', newPassword: 'Correct horse 42' },
    expect: all(204),
  },
  { name: 'openapi', method: 'GET', path: '/openapi.json', expect: all(200) },
  // Accounts (api.md, Accounts): the administrator's alone.
  { name: 'users', method: 'GET', path: '/users', expect: adminOnly(200) },
  {
    name: 'create user',
    method: 'POST',
    path: '/users',
    body: { username: 'newclerk', name: '新人', role: 'clerk' },
    expect: adminOnly(201),
  },
  { name: 'one user', method: 'GET', path: '/users/u-leader', expect: adminOnly(200) },
  {
    name: 'change user',
    method: 'PATCH',
    path: '/users/u-leader',
    body: { phone: '13800001234' },
    ifMatch: () => '"1"',
    expect: adminOnly(200),
  },
  {
    name: 'reset password',
    method: 'POST',
    path: '/users/u-leader/reset-password',
    expect: adminOnly(200),
  },
  {
    name: 'create section',
    method: 'POST',
    path: '/sections',
    body: { name: '信访科' },
    expect: adminOnly(201),
  },
  {
    name: 'change section',
    method: 'PATCH',
    path: '/sections/finance',
    body: { name: '财务科' },
    ifMatch: () => '"1"',
    expect: adminOnly(200),
  },
  { name: 'audit log', method: 'GET', path: '/audit/log', expect: adminOnly(200) },
  { name: 'sections', method: 'GET', path: '/sections', expect: all(200) },
  { name: 'live events', method: 'GET', path: '/events', expect: all(200) },
  { name: 'regions', method: 'GET', path: '/regions?on=2018-01-01', expect: all(200) },

  // Calendar and settings: everyone reads, the admin writes.
  { name: 'calendar years', method: 'GET', path: '/calendar/years', expect: all(200) },
  { name: 'calendar year', method: 'GET', path: '/calendar/years/2027', expect: all(200) },
  {
    name: 'workdays',
    method: 'GET',
    path: '/calendar/workdays?from=2026-01-05&count=3',
    expect: all(200),
  },
  {
    name: 'put calendar',
    method: 'PUT',
    path: '/calendar/years/2027',
    ifMatch: etagOf(() => '/calendar/years/2027'),
    body: { complete: false, days: [] },
    expect: adminOnly(200),
  },
  { name: 'time limits', method: 'GET', path: '/settings/time-limits', expect: all(200) },
  {
    name: 'put time limits',
    method: 'PUT',
    path: '/settings/time-limits',
    ifMatch: etagOf(() => '/settings/time-limits'),
    body: timeLimits,
    expect: adminOnly(200),
  },
  { name: 'organisation', method: 'GET', path: '/settings/organisation', expect: all(200) },
  {
    name: 'put organisation',
    method: 'PUT',
    path: '/settings/organisation',
    ifMatch: etagOf(() => '/settings/organisation'),
    body: { name: '长治市民政局', orgCode: '11140400012345678X', administrativeFeesWan: {} },
    expect: adminOnly(200),
  },
  {
    name: 'document numbering',
    method: 'GET',
    path: '/settings/document-numbering',
    expect: all(200),
  },
  {
    name: 'put document numbering',
    method: 'PUT',
    path: '/settings/document-numbering',
    ifMatch: etagOf(() => '/settings/document-numbering'),
    body: {
      transfer: { prefix: '长民信转' },
      reply: { prefix: '长民信复' },
      disclosure: { prefix: '长民公开' },
    },
    expect: adminOnly(200),
  },
  {
    name: 'next document numbers',
    method: 'GET',
    path: '/documents/next-numbers',
    expect: all(200),
  },

  // Administration (mock tools included): the admin's only.
  {
    name: 'demo data',
    method: 'POST',
    path: '/admin/demo-data',
    body: { letters: 1 },
    expect: adminOnly(201),
  },
  { name: 'faults', method: 'GET', path: '/admin/faults', expect: adminOnly(200) },
  {
    name: 'put faults',
    method: 'PUT',
    path: '/admin/faults',
    body: { latencyMs: 0, failRate: 0, failStatus: 503 },
    expect: adminOnly(200),
  },
  { name: 'delete faults', method: 'DELETE', path: '/admin/faults', expect: adminOnly(204) },
  {
    name: 'put clock',
    method: 'PUT',
    path: '/admin/clock',
    body: { today: null },
    expect: adminOnly(200),
  },
  { name: 'reset', method: 'POST', path: '/admin/reset', expect: adminOnly(200) },

  // Audit trails follow the record's scope.
  {
    name: 'own-section audit',
    method: 'GET',
    path: (f) => `/audit?entity=letter&id=${f.handlerLetter}`,
    expect: all(200),
  },
  {
    name: 'other-section audit',
    method: 'GET',
    path: (f) => `/audit?entity=letter&id=${f.otherLetter}`,
    expect: read(404),
  },
  {
    name: 'other-section application audit',
    method: 'GET',
    path: (f) => `/audit?entity=application&id=${f.otherApp}`,
    expect: read(404),
  },
  {
    name: 'catalogue audit',
    method: 'GET',
    path: '/audit?entity=catalogue&id=C2017-P001',
    expect: read(404),
  },

  // Letters.
  { name: 'letters', method: 'GET', path: '/letters', expect: all(200) },
  { name: 'letters export', method: 'GET', path: '/letters/export', expect: all(200) },
  { name: 'letter alerts', method: 'GET', path: '/letters/alerts', expect: all(200) },
  {
    name: 'create letter',
    method: 'POST',
    path: '/letters',
    body: letterBody,
    expect: office(201),
  },
  { name: 'own-section letter', method: 'GET', path: letterPath, expect: all(200) },
  { name: 'other-section letter', method: 'GET', path: otherLetterPath, expect: read(404) },
  {
    name: 'assign letter',
    method: 'POST',
    path: (f) => `${letterPath(f)}/assign`,
    body: { sectionId: 'social_affairs', note: '改派' },
    ifMatch: etagOf(letterPath),
    expect: office(200),
  },
  {
    name: 'extend own section',
    method: 'POST',
    path: (f) => `${letterPath(f)}/extend`,
    body: { days: 3, reason: '需实地核查' },
    ifMatch: etagOf(letterPath),
    // The office extends; a section applies for it (issue #20).
    expect: office(200),
  },
  {
    name: 'apply for extension, own section',
    method: 'POST',
    path: (f) => `${letterPath(f)}/request-extension`,
    body: { days: 3, reason: '需实地核查' },
    ifMatch: etagOf(letterPath),
    expect: { admin: 403, clerk: 403, leader: 403, handler: 200 },
  },
  {
    name: 'apply for extension, other section',
    method: 'POST',
    path: (f) => `${otherLetterPath(f)}/request-extension`,
    body: { days: 3, reason: '需实地核查' },
    ifMatch: etagOf(otherLetterPath),
    expect: { admin: 403, clerk: 403, leader: 403, handler: 404 },
  },
  {
    name: 'approve an extension request',
    method: 'POST',
    path: (f) => `${letterPath(f)}/approve-extension`,
    before: async (f) => {
      const handler = await as('handler');
      await act(handler, letterPath(f), 'request-extension', { days: 3, reason: '需实地核查' });
    },
    ifMatch: etagOf(letterPath),
    expect: office(200),
  },
  {
    name: 'refuse an extension request',
    method: 'POST',
    path: (f) => `${letterPath(f)}/refuse-extension`,
    before: async (f) => {
      const handler = await as('handler');
      await act(handler, letterPath(f), 'request-extension', { days: 3, reason: '需实地核查' });
    },
    body: { reason: '期限内可以办结' },
    ifMatch: etagOf(letterPath),
    expect: office(200),
  },
  {
    name: 'hand back (退回), own section',
    method: 'POST',
    path: (f) => `${letterPath(f)}/return`,
    body: { reason: '非本科室职责' },
    ifMatch: etagOf(letterPath),
    expect: { admin: 403, clerk: 403, leader: 403, handler: 200 },
  },
  {
    name: 'extend other section',
    method: 'POST',
    path: (f) => `${otherLetterPath(f)}/extend`,
    body: { days: 3, reason: '需实地核查' },
    ifMatch: etagOf(otherLetterPath),
    expect: office(200, 404),
  },
  {
    name: 'reply own section',
    method: 'POST',
    path: (f) => `${letterPath(f)}/reply`,
    body: (f: Fx) => replyBody(f),
    ifMatch: etagOf(letterPath),
    expect: section(200),
  },
  {
    name: 'reply other section',
    method: 'POST',
    path: (f) => `${otherLetterPath(f)}/reply`,
    body: (f: Fx) => replyBody(f),
    ifMatch: etagOf(otherLetterPath),
    expect: section(200, 404),
  },
  {
    name: 'close letter',
    method: 'POST',
    path: (f) => `${letterPath(f)}/close`,
    body: (f: Fx) => ({
      followUpMethod: 'phone',
      followUpOn: f.today,
      followUpBy: '李静',
      reached: true,
      satisfaction: 'satisfied',
    }),
    before: (f, clerk) => act(clerk, letterPath(f), 'reply', replyBody(f)),
    ifMatch: etagOf(letterPath),
    expect: office(200),
  },
  {
    name: 'reopen letter',
    method: 'POST',
    path: (f) => `${letterPath(f)}/reopen`,
    body: { reason: '答复不完整' },
    before: (f, clerk) => act(clerk, letterPath(f), 'reply', replyBody(f)),
    ifMatch: etagOf(letterPath),
    expect: office(200),
  },
  {
    name: 'supervise',
    method: 'POST',
    path: (f) => `${letterPath(f)}/supervise`,
    body: { note: '请加快' },
    ifMatch: etagOf(letterPath),
    expect: office(200),
  },
  // Completing the record (重复件, platform fields) and the bulk actions are the office's.
  {
    name: 'complete a letter record',
    method: 'PATCH',
    path: letterPath,
    body: { duplicateOf: null },
    ifMatch: etagOf(letterPath),
    expect: office(200),
  },
  {
    name: 'complete another section letter record',
    method: 'PATCH',
    path: otherLetterPath,
    body: { duplicateOf: null },
    ifMatch: etagOf(otherLetterPath),
    expect: office(200, 404),
  },
  {
    name: 'bulk action on letters',
    method: 'POST',
    path: '/letters/bulk',
    body: (f: Fx) => ({
      action: 'supervise',
      items: [{ id: f.handlerLetter, version: 1 }],
      note: '请加快',
    }),
    expect: office(200),
  },
  // Saved list views are each user's own; saving and deleting them are writes, which leaders
  // do not make (api.md).
  { name: 'saved views', method: 'GET', path: '/views/letters', expect: all(200) },
  {
    name: 'save view',
    method: 'POST',
    path: '/views/letters',
    body: { name: '超期', query: 'alert=overdue' },
    expect: { ...all(201), leader: 403 },
  },
  {
    name: 'delete own view',
    method: 'DELETE',
    path: (f) => `/views/letters/${f.made.view}`,
    before: async (f, clerk, user, role) => {
      // A leader has none of their own: the clerk's view stands in (403 comes before 404).
      const r = await (role === 'leader' ? clerk : user).post('/views/letters', {
        name: '超期',
        query: 'alert=overdue',
      });
      expect(r.status).toBe(201);
      f.made.view = r.body.id as string;
    },
    expect: { ...all(204), leader: 403 },
  },
  {
    name: "delete another user's view",
    method: 'DELETE',
    path: (f) => `/views/letters/${f.made.view}`,
    before: async (f) => {
      const other = await as('handler2');
      f.made.view = (await other.post('/views/letters', { name: 'x', query: '' })).body.id;
    },
    expect: { ...all(404), leader: 403 },
  },

  // Applications.
  { name: 'applications', method: 'GET', path: '/applications', expect: all(200) },
  { name: 'application alerts', method: 'GET', path: '/applications/alerts', expect: all(200) },
  {
    name: 'letter due preview',
    method: 'GET',
    path: (f) => `/letters/due?receivedOn=${f.today}&source=visit&category=help`,
    expect: office(200),
  },
  {
    name: 'application due preview',
    method: 'GET',
    path: (f) => `/applications/due?receivedOn=${f.today}`,
    expect: office(200),
  },
  {
    name: 'create application',
    method: 'POST',
    path: '/applications',
    body: appBody,
    expect: office(201),
  },
  { name: 'own-section application', method: 'GET', path: appPath, expect: all(200) },
  { name: 'other-section application', method: 'GET', path: otherAppPath, expect: read(404) },
  {
    name: 'assign application',
    method: 'POST',
    path: (f) => `${appPath(f)}/assign`,
    body: { sectionId: 'social_affairs' },
    ifMatch: etagOf(appPath),
    expect: office(200),
  },
  {
    name: 'request correction',
    method: 'POST',
    path: (f) => `${madeAppPath(f)}/request-correction`,
    body: (f: Fx) => ({
      note: '请补充申请内容描述',
      requestedOn: f.today,
      correctionDueOn: '2099-12-31',
    }),
    before: (f, clerk) => freshApp(f, clerk),
    ifMatch: etagOf(madeAppPath),
    expect: office(200),
  },
  {
    name: 'correction received',
    method: 'POST',
    path: (f) => `${madeAppPath(f)}/correction-received`,
    body: (f: Fx) => ({ receivedOn: f.today, content: '补正后的申请内容' }),
    before: async (f, clerk) => {
      await freshApp(f, clerk);
      await act(clerk, madeAppPath(f), 'request-correction', {
        note: '请补充',
        requestedOn: f.today,
        correctionDueOn: '2099-12-31',
      });
    },
    ifMatch: etagOf(madeAppPath),
    expect: office(200),
  },
  {
    name: 'consult own section',
    method: 'POST',
    path: (f) => `${madeAppPath(f)}/consult-third-party`,
    body: (f: Fx) => ({ sentOn: f.today }),
    before: (f, clerk) => freshApp(f, clerk),
    ifMatch: etagOf(madeAppPath),
    expect: section(200),
  },
  {
    name: 'consult other section',
    method: 'POST',
    path: (f) => `${otherAppPath(f)}/consult-third-party`,
    body: (f: Fx) => ({ sentOn: f.today }),
    ifMatch: etagOf(otherAppPath),
    expect: section(200, 404),
  },
  {
    name: 'third party replied',
    method: 'POST',
    path: (f) => `${madeAppPath(f)}/third-party-replied`,
    body: (f: Fx) => ({ on: f.today, opinion: 'agree' }),
    before: async (f, clerk) => {
      await freshApp(f, clerk);
      await act(clerk, madeAppPath(f), 'consult-third-party', { sentOn: f.today });
    },
    ifMatch: etagOf(madeAppPath),
    expect: section(200),
  },
  {
    name: 'fee quote, own section',
    method: 'GET',
    path: (f) => `${appPath(f)}/fee-quote?method=per_page&count=40`,
    expect: office(200),
  },
  {
    name: 'fee quote, other section',
    method: 'GET',
    path: (f) => `${otherAppPath(f)}/fee-quote?method=per_page&count=40`,
    expect: { ...office(200), handler: 404 },
  },
  {
    name: 'extend application',
    method: 'POST',
    path: (f) => `${madeAppPath(f)}/extend`,
    body: (f: Fx) => ({ reason: '需调取档案', approvedBy: '局长', notifiedOn: f.today }),
    before: (f, clerk) => freshApp(f, clerk),
    ifMatch: etagOf(madeAppPath),
    expect: office(200),
  },
  {
    name: 'fee notice',
    method: 'POST',
    path: (f) => `${madeAppPath(f)}/fee-notice`,
    body: (f: Fx) => ({ sentOn: f.today, method: 'per_item', count: 11 }),
    before: (f, clerk) => freshApp(f, clerk),
    ifMatch: etagOf(madeAppPath),
    expect: office(200),
  },
  {
    name: 'fee paid',
    method: 'POST',
    path: (f) => `${madeAppPath(f)}/fee-paid`,
    body: (f: Fx) => ({ on: f.today }),
    before: async (f, clerk) => {
      await freshApp(f, clerk);
      await act(clerk, madeAppPath(f), 'fee-notice', {
        sentOn: f.today,
        method: 'per_item',
        count: 11,
      });
    },
    ifMatch: etagOf(madeAppPath),
    expect: office(200),
  },
  {
    name: 'decide application',
    method: 'POST',
    path: (f) => `${madeAppPath(f)}/decide`,
    body: (f: Fx) => ({ outcome: '3.1', decidedOn: f.today }),
    before: (f, clerk) => freshApp(f, clerk),
    ifMatch: etagOf(madeAppPath),
    expect: office(200),
  },

  // Catalogue: the office's and the leaders'.
  { name: 'catalogue', method: 'GET', path: '/catalogue', expect: read(403) },
  { name: 'catalogue facets', method: 'GET', path: '/catalogue/facets', expect: read(403) },
  { name: 'catalogue export', method: 'GET', path: '/catalogue/export', expect: read(403) },
  {
    name: 'catalogue timeliness',
    method: 'GET',
    path: '/catalogue/timeliness?year=2017',
    expect: read(403),
  },
  { name: 'catalogue entry', method: 'GET', path: '/catalogue/C2017-P001', expect: read(403) },
  {
    name: 'create entry',
    method: 'POST',
    path: '/catalogue',
    body: entryBody,
    expect: office(201),
  },
  {
    name: 'import entries',
    method: 'POST',
    path: '/catalogue/import',
    body: { rows: [entryBody, { ...entryBody, title: 't2' }] },
    expect: office(201),
  },
  {
    name: 'change entry',
    method: 'PATCH',
    path: '/catalogue/C2017-P001',
    body: { title: '新标题' },
    ifMatch: () => 'GET /catalogue/C2017-P001',
    expect: office(200),
  },
  {
    name: 'withdraw entry',
    method: 'DELETE',
    path: '/catalogue/C2017-P003',
    body: { reason: '重复' },
    ifMatch: () => 'GET /catalogue/C2017-P003',
    expect: office(200),
  },

  // Social-assistance figures: the office enters and publishes them, leaders read them.
  { name: 'assistance figures', method: 'GET', path: '/assistance?year=2026', expect: read(403) },
  {
    name: 'assistance summary',
    method: 'GET',
    path: '/assistance/summary?year=2026&groupBy=month',
    expect: read(403),
  },
  { name: 'one figure', method: 'GET', path: figurePath, expect: read(403) },
  {
    name: 'change figure',
    method: 'PUT',
    path: figurePath,
    body: { values: dibao },
    ifMatch: etagOf(figurePath),
    expect: office(200),
  },
  {
    name: 'create figure',
    method: 'PUT',
    path: '/assistance/2016-12/140402/medical',
    body: { values: { personTimes: 12, expenditure: 3456.7 } },
    expect: office(201),
  },
  {
    name: 'publish figure',
    method: 'POST',
    path: (f) => `${figurePath(f)}/publish`,
    ifMatch: etagOf(figurePath),
    expect: office(200),
  },
  {
    name: 'publish month',
    method: 'POST',
    path: (f) => `/assistance/${f.period}/publish`,
    before: async (f, clerk) => {
      const fig = await clerk.get(figurePath(f));
      f.made.figures = JSON.stringify([{ id: fig.body.id, version: fig.body.version }]);
    },
    body: (f: Fx) => ({ figures: JSON.parse(f.made.figures!) }),
    expect: office(200),
  },
  {
    name: 'copy from previous month',
    method: 'POST',
    path: (f) => `/assistance/${f.period}/copy-from-previous`,
    before: async (f) => {
      db.assistance.delete(`${f.period}:140403:medical`);
      await db.commit();
    },
    expect: office(201),
  },

  // The annual report and table 四's cases.
  { name: 'dashboard', method: 'GET', path: '/dashboard?year=2026', expect: all(200) },
  // 我的待办: the office's and the sections' home (a handler's own section); leaders have none.
  { name: 'to-do', method: 'GET', path: '/todo', expect: section(200) },
  { name: 'annual report', method: 'GET', path: '/reports/annual/2017', expect: read(403) },
  {
    name: 'narrative',
    method: 'PUT',
    path: '/reports/annual/2019/narrative',
    body: { overview: 'a', problems: 'b', other: 'c' },
    // Saved at the version the report shows.
    before: async (f, clerk) => {
      const r = await clerk.get('/reports/annual/2019');
      f.made.narrative = String((r.body.narrative as { version?: number }).version ?? 1);
    },
    ifMatch: (f) => `"${f.made.narrative}"`,
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
  {
    name: 'change review',
    method: 'PATCH',
    path: (f) => `/reviews/${f.made.review}`,
    body: { result: 'upheld', concludedOn: '2020-03-02' },
    before: async (f, clerk) => {
      const r = await clerk.post('/reviews', {
        kind: 'review',
        filedOn: '2020-01-02',
        result: 'pending',
      });
      expect(r.status).toBe(201);
      f.made.review = r.body.id as string;
    },
    ifMatch: () => '"1"',
    expect: office(200),
  },

  // Attachments (issue #21): as the parent record — a section's letters and applications for
  // its officer, the catalogue and review cases for the office and leaders; the office removes.
  {
    name: 'letter attachments',
    method: 'GET',
    path: (f) => `${letterPath(f)}/attachments`,
    expect: all(200),
  },
  {
    name: 'other-section letter attachments',
    method: 'GET',
    path: (f) => `${otherLetterPath(f)}/attachments`,
    expect: read(404),
  },
  {
    name: 'attach to a letter',
    method: 'POST',
    path: (f) => `${letterPath(f)}/attachments`,
    form: pdfForm,
    expect: section(201),
  },
  {
    name: 'attach to another section letter',
    method: 'POST',
    path: (f) => `${otherLetterPath(f)}/attachments`,
    form: pdfForm,
    expect: section(201, 404),
  },
  // Documents issued from a letter (issue #21): the office both kinds, a section officer the
  // 答复函 of their section's letters; leaders read.
  {
    name: 'issue a transfer slip',
    method: 'POST',
    path: (f) => `${letterPath(f)}/documents`,
    body: { kind: 'transfer', paragraphs: ['请按期办结。'] },
    expect: section(201, 403),
  },
  {
    name: 'issue a reply letter',
    method: 'POST',
    path: (f) => `${letterPath(f)}/documents`,
    before: async (f, clerk) => act(clerk, letterPath(f), 'reply', replyBody(f)),
    body: { kind: 'reply', paragraphs: ['特此函复。'] },
    expect: section(201),
  },
  {
    name: 'issue a notice to correct',
    method: 'POST',
    path: (f) => `${madeAppPath(f)}/documents`,
    before: async (f, clerk) => {
      await freshApp(f, clerk);
      await act(clerk, madeAppPath(f), 'request-correction', {
        note: '请补充',
        requestedOn: f.today,
        correctionDueOn: '2099-12-31',
      });
    },
    body: { kind: 'correction', paragraphs: ['请补正。'] },
    expect: office(201),
  },
  {
    name: 'issue a letter to a consulted third party',
    method: 'POST',
    path: (f) => `${madeAppPath(f)}/documents`,
    before: async (f, clerk) => {
      await freshApp(f, clerk);
      await act(clerk, madeAppPath(f), 'consult-third-party', {
        sentOn: f.today,
        party: 'third_party',
        name: '某公司',
      });
    },
    body: { kind: 'consultation', paragraphs: ['现书面征求贵方意见。'] },
    expect: office(201),
  },
  {
    name: 'issue a decision letter',
    method: 'POST',
    path: (f) => `${madeAppPath(f)}/documents`,
    before: async (f, clerk) => {
      await freshApp(f, clerk);
      await act(clerk, madeAppPath(f), 'decide', { outcome: '3.1', decidedOn: f.today });
    },
    body: { kind: 'decision_open', paragraphs: ['本机关决定予以公开。'] },
    expect: office(201),
  },
  {
    name: 'issue on another section application',
    method: 'POST',
    path: (f) => `${otherAppPath(f)}/documents`,
    body: { kind: 'correction', paragraphs: ['请补正。'] },
    expect: { admin: 422, clerk: 422, leader: 403, handler: 404 },
  },
  {
    name: 'issue on another section letter',
    method: 'POST',
    path: (f) => `${otherLetterPath(f)}/documents`,
    body: { kind: 'transfer', paragraphs: ['请按期办结。'] },
    expect: section(201, 404),
  },
  {
    name: 'application attachments',
    method: 'GET',
    path: (f) => `${appPath(f)}/attachments`,
    expect: all(200),
  },
  {
    name: 'attach to an application',
    method: 'POST',
    path: (f) => `${appPath(f)}/attachments`,
    form: pdfForm,
    expect: section(201),
  },
  {
    name: 'attach to another section application',
    method: 'POST',
    path: (f) => `${otherAppPath(f)}/attachments`,
    form: pdfForm,
    expect: section(201, 404),
  },
  {
    name: 'catalogue attachments',
    method: 'GET',
    path: '/catalogue/C2017-P001/attachments',
    expect: read(403),
  },
  {
    name: 'attach to a catalogue entry',
    method: 'POST',
    path: '/catalogue/C2017-P001/attachments',
    form: pdfForm,
    expect: office(201),
  },
  {
    name: 'review attachments',
    method: 'GET',
    path: (f) => `/reviews/${f.made.review}/attachments`,
    before: madeReview,
    expect: read(403),
  },
  {
    name: 'attach to a review case',
    method: 'POST',
    path: (f) => `/reviews/${f.made.review}/attachments`,
    before: madeReview,
    form: pdfForm,
    expect: office(201),
  },
  {
    name: 'an attachment of an own-section letter',
    method: 'GET',
    path: attachmentPath,
    before: attachTo(letterPath),
    expect: all(200),
  },
  {
    name: 'an attachment of another section letter',
    method: 'GET',
    path: attachmentPath,
    before: attachTo(otherLetterPath),
    expect: read(404),
  },
  {
    name: 'an attachment of a catalogue entry',
    method: 'GET',
    path: attachmentPath,
    before: attachTo(() => '/catalogue/C2017-P001'),
    expect: read(403),
  },
  {
    name: 'remove an attachment',
    method: 'DELETE',
    path: attachmentPath,
    before: attachTo(letterPath),
    expect: office(204),
  },
  {
    name: 'remove an attachment of another section letter',
    method: 'DELETE',
    path: attachmentPath,
    before: attachTo(otherLetterPath),
    expect: office(204, 404),
  },
];

const bodyOf = (c: Case, f: Fx): unknown =>
  typeof c.body === 'function' ? (c.body as (f: Fx) => unknown)(f) : c.body;

/** The records the cases act on, read straight from the mock's store (no requests). */
function fixture(): Fx {
  // Open, within the deadline, never extended and no extension request pending (issue #20).
  const open = (l: LetterRecord) =>
    l.status === 'assigned' && !l.extension && !l.extensionRequest && l.dueOn >= today();
  const letters = db.letters.all().filter(open);
  // Applications received and assigned, nothing else yet (no correction or consultation open).
  const fresh = db.applications
    .all()
    .filter((a) => a.ledger.map((e) => e.kind).join() === 'received,assigned');
  const t = today();
  return {
    today: t,
    period: t.slice(0, 7),
    handlerLetter: letters.find((l) => l.sectionId === 'social_assistance')!.id,
    otherLetter: letters.find((l) => l.sectionId !== 'social_assistance')!.id,
    handlerApp: fresh.find((a) => a.sectionId === 'social_assistance')!.id,
    otherApp: fresh.find((a) => a.sectionId !== 'social_assistance')!.id,
    made: {},
  };
}

/** Every store but the sessions, as text: what a refused call must leave as it was. */

async function ifMatchOf(c: Case, f: Fx, clerk: Client): Promise<Record<string, string>> {
  if (!c.ifMatch) return {};
  const v = c.ifMatch(f);
  if (!v.startsWith('GET ')) return { 'If-Match': v };
  const cur = await clerk.get(v.slice(4));
  expect(cur.status, v).toBe(200);
  return { 'If-Match': cur.headers.get('etag')! };
}

describe('role matrix', () => {
  for (const c of CASES) {
    for (const role of ROLES) {
      const label = typeof c.path === 'string' ? c.path : c.name;
      it(`${c.method} ${label} as ${role} → ${c.expect[role]}`, async () => {
        const user = await as(role);
        const clerk = c.before || c.ifMatch ? await as('clerk') : user;
        const f = fixture();
        await c.before?.(f, clerk, user, role);
        const path = typeof c.path === 'function' ? c.path(f) : c.path;
        const headers = await ifMatchOf(c, f, clerk);
        // What a refused write leaves: nothing (sessions aside: a read pushes their expiry on).
        const refused = c.method !== 'GET' && c.expect[role] >= 400;
        const before = refused ? stored() : [];
        const r = await call(c.method, path, {
          token: c.name === 'login' ? null : user.token,
          body: bodyOf(c, f),
          headers,
          form: c.form?.(),
        });
        expect(r.status, JSON.stringify(r.body)?.slice(0, 300)).toBe(c.expect[role]);
        if (refused)
          expect(
            storedChange(before, stored()),
            `${c.method} ${path} as ${role} changed the store`,
          ).toBe('');
      });
    }
  }

  it('every endpoint but login and the OpenAPI document answers 401 without a token', async () => {
    const f = fixture();
    f.made = { view: 'v', review: 'r', app: f.handlerApp, figures: '[]', username: 'clerk' };
    const checked: string[] = [];
    for (const c of CASES) {
      if (c.open) continue;
      const path = typeof c.path === 'function' ? c.path(f) : c.path;
      const r = await call(c.method, path, { body: bodyOf(c, f), headers: { 'If-Match': '"1"' } });
      expect(r.status, `${c.method} ${path}`).toBe(401);
      checked.push(c.name);
    }
    expect(checked).toHaveLength(CASES.filter((c) => !c.open).length);
    // A stale or forged token is no better than none.
    expect((await call('GET', '/letters', { token: 'forged' })).status).toBe(401);
  });

  it('every endpoint of the OpenAPI document has its cases here', () => {
    const f = fixture();
    f.made = { view: 'v', review: 'r', app: f.handlerApp, figures: '[]', username: 'clerk' };
    const covered = CASES.map((c) => {
      const path = (typeof c.path === 'function' ? c.path(f) : c.path).split('?')[0]!;
      return `${c.method} ${path}`;
    });
    const missing: string[] = [];
    for (const [template, ops] of Object.entries(openapi.paths as Record<string, object>)) {
      const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
      for (const method of Object.keys(ops)) {
        const m = method.toUpperCase();
        if (!covered.some((k) => k.startsWith(`${m} `) && pattern.test(k.slice(m.length + 1))))
          missing.push(`${m} ${template}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("expects 403 wherever the route table's roles leave a role out", () => {
    const f = fixture();
    f.made = { view: 'v', review: 'r', app: f.handlerApp, figures: '[]', username: 'clerk' };
    const wrong: string[] = [];
    for (const c of CASES) {
      const path = (typeof c.path === 'function' ? c.path(f) : c.path).split('?')[0]!;
      const r = apiRoutes.find(
        (x) =>
          x.method === c.method.toLowerCase() &&
          new RegExp(`^${x.path.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path),
      );
      if (!r || !Array.isArray(r.roles)) continue;
      for (const role of ROLES)
        if (!r.roles.includes(role) && c.expect[role] !== 403)
          wrong.push(`${c.name} as ${role}: ${c.expect[role]}`);
    }
    expect(wrong).toEqual([]);
  });

  it('login is the one call without a token', async () => {
    const login = await call('POST', '/auth/login', {
      body: { username: 'clerk', password: 'wrong' },
    });
    expect(login.status).toBe(401);
  });
});
