// @vitest-environment node
/**
 * For every write endpoint, generated invalid payloads (≥ 1,000 each) all get 4xx with field errors
 * and write nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { db, STORE_NAMES } from '@mocks/db';
import { as, call } from '../api';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

const TOO_LONG = 'x'.repeat(20001);
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Values that are wrong for this field, judged by its valid value's type. */
function wrongFor(value: unknown, required: boolean, isEnum: boolean): fc.Arbitrary<unknown> {
  const common: unknown[] = [null, true, { a: 1 }];
  if (typeof value === 'number') return fc.constantFrom(...common, 'x', -1, 1.5, 1e9, Number.NaN);
  if (typeof value === 'boolean') return fc.constantFrom(null, 'yes', 1, {});
  if (Array.isArray(value)) return fc.constantFrom(null, 'x', 42, [null], [{ a: 1 }]);
  if (value && typeof value === 'object') return fc.constantFrom(null, 'x', 42, [1, 2]);
  const strings: unknown[] = [...common, 42, [], TOO_LONG];
  if (required) strings.push('', '   ');
  if (isEnum) strings.push('nonsense', 'PHONE');
  if (typeof value === 'string' && DATE_RE.test(value))
    strings.push('2026-02-30', 'not-a-date', '26-1-1', '1999-12-31T00:00');
  return fc.constantFrom(...strings);
}

/** A valid body with one field made wrong, one required field removed, or no object at all. */
const invalid = (
  valid: Record<string, unknown>,
  required: string[],
  enums: string[],
  allowEmpty: string[] = [],
) =>
  fc.oneof(
    fc
      .constantFrom(...Object.keys(valid))
      .chain((field) =>
        wrongFor(
          valid[field],
          required.includes(field) && !allowEmpty.includes(field),
          enums.includes(field),
        ).map((v) => ({ ...valid, [field]: v })),
      ),
    fc.constantFrom(...required).map((field) => {
      const { [field]: _drop, ...rest } = valid;
      return rest;
    }),
    fc.constantFrom(null, 42, 'text', [1, 2], true),
  );

function sizes() {
  return Object.fromEntries(
    STORE_NAMES.filter((s) => s !== 'sessions' && s !== 'idempotency').map((s) => [
      s,
      db.store(s).size,
    ]),
  );
}

interface Endpoint {
  name: string;
  method: string;
  path: string;
  valid: Record<string, unknown>;
  required: string[];
  enums?: string[];
  /** Present but may be empty. */
  allowEmpty?: string[];
  user: string;
  ifMatch?: string;
}

const ENDPOINTS: Endpoint[] = [
  {
    name: 'create letter',
    method: 'POST',
    path: '/letters',
    user: 'clerk',
    valid: {
      source: 'phone',
      category: 'help',
      subject: 's',
      content: 'c',
      citizenName: 'n',
      citizenPhone: '13800000000',
      receivedOn: '2026-11-02',
    },
    required: ['source', 'category', 'subject', 'content', 'citizenName', 'receivedOn'],
    enums: ['source', 'category', 'citizenPhone'],
  },
  {
    name: 'letter extend',
    method: 'POST',
    path: '/letters/{assigned}/extend',
    user: 'clerk',
    ifMatch: 'letter',
    valid: { days: 3, reason: 'r' },
    required: ['days', 'reason'],
  },
  {
    name: 'letter reply',
    method: 'POST',
    path: '/letters/{assigned}/reply',
    user: 'clerk',
    ifMatch: 'letter',
    valid: { content: 'c' },
    required: ['content'],
  },
  {
    name: 'create application',
    method: 'POST',
    path: '/applications',
    user: 'clerk',
    valid: {
      applicantType: 'natural_person',
      applicantName: 'a',
      contact: '1',
      channel: 'online',
      receivedOn: '2026-11-02',
      description: 'd',
    },
    required: ['applicantType', 'applicantName', 'contact', 'channel', 'receivedOn', 'description'],
    enums: ['applicantType', 'channel'],
  },
  {
    name: 'create catalogue entry',
    method: 'POST',
    path: '/catalogue',
    user: 'clerk',
    valid: {
      title: 't',
      category: 'news',
      docType: 'other',
      publisher: 'p',
      formedOn: '2026-11-02',
      attribute: 'proactive',
      channels: ['website'],
    },
    required: ['title', 'category', 'docType', 'publisher', 'formedOn', 'attribute'],
    enums: ['category', 'docType', 'attribute'],
  },
  {
    name: 'time limits',
    method: 'PUT',
    path: '/settings/time-limits',
    user: 'admin',
    valid: {
      letters: { consultation: 5, help: 5, suggestion: 15, complaint: 15, report: 15 },
      mayorMailboxDays: 15,
      dueSoonDays: 3,
      maxExtensionDays: 10,
    },
    required: ['letters', 'mayorMailboxDays', 'dueSoonDays', 'maxExtensionDays'],
  },
  {
    name: 'organisation',
    method: 'PUT',
    path: '/settings/organisation',
    user: 'admin',
    valid: { name: '长治市民政局', orgCode: '11140400012345678X', administrativeFeesWan: {} },
    required: ['name', 'orgCode', 'administrativeFeesWan'],
    enums: ['orgCode'],
  },
  {
    name: 'calendar year',
    method: 'PUT',
    path: '/calendar/years/2027',
    user: 'admin',
    valid: { complete: true, days: [{ date: '2027-01-01', workday: false, name: '元旦' }] },
    required: ['complete', 'days'],
  },
  {
    name: 'narrative',
    method: 'PUT',
    path: '/reports/annual/2019/narrative',
    user: 'clerk',
    valid: { overview: 'a', problems: 'b', other: 'c' },
    required: ['overview', 'problems', 'other'],
    allowEmpty: ['overview', 'problems', 'other'],
  },
  {
    name: 'create review case',
    method: 'POST',
    path: '/reviews',
    user: 'clerk',
    valid: { kind: 'review', filedOn: '2020-01-02', result: 'upheld', concludedOn: '2020-02-02' },
    required: ['kind', 'filedOn', 'result'],
    enums: ['kind', 'result'],
  },
  {
    name: 'saved view',
    method: 'POST',
    path: '/views/letters',
    user: 'clerk',
    valid: { name: 'v', query: 'status=assigned' },
    required: ['name', 'query'],
    allowEmpty: ['query'],
  },
];

describe('invalid payloads are refused and write nothing', () => {
  for (const ep of ENDPOINTS) {
    it(`${ep.name}: ${RUNS} invalid payloads → 4xx with field errors`, async () => {
      const user = await as(ep.user);
      let path = ep.path;
      const headers: Record<string, string> = {};
      if (path.includes('{assigned}')) {
        const l = (await user.get('/letters?status=assigned&pageSize=1')).body.items[0];
        path = path.replace('{assigned}', l.id);
        headers['If-Match'] = `"${l.version}"`;
      }
      const before = sizes();
      const versionsBefore = JSON.stringify(db.letters.all().map((l) => l.version));
      await fc.assert(
        fc.asyncProperty(
          invalid(ep.valid, ep.required, ep.enums ?? [], ep.allowEmpty),
          async (body) => {
            const r = await call(ep.method, path, { token: user.token, body, headers });
            expect(r.status, JSON.stringify(body).slice(0, 200)).toBeGreaterThanOrEqual(400);
            expect(r.status).toBeLessThan(500);
            if (r.status === 422)
              expect(Object.keys(r.body.errors ?? {}).length).toBeGreaterThan(0);
          },
        ),
        { numRuns: RUNS },
      );
      expect(sizes()).toEqual(before);
      expect(JSON.stringify(db.letters.all().map((l) => l.version))).toBe(versionsBefore);
    }, 120_000);
  }
});
