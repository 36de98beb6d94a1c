// @vitest-environment node
/**
 * Finding people and cases (issue #20): the phone search on the stored number, the 重复件 link,
 * the mayor's-mailbox platform fields and the bulk actions, through HTTP.
 */
import { describe, expect, it } from 'vitest';
import type { BulkLetterResult, Letter } from '@/features/letters/types';
import { duplicateError, oneYearBack, phoneMatches, phoneQuery } from '@/features/letters/rules';
import { as } from '../api';
import { seedOn } from '../seed-day';

seedOn('2026-11-26');

type Client = Awaited<ReturnType<typeof as>>;
const input = {
  source: 'website',
  category: 'consultation',
  subject: '重复来信测试',
  content: '请问低保材料',
  citizenName: '赵六',
  citizenPhone: '13912340987',
  receivedOn: '2026-11-20',
};
async function create(c: Client, over: Record<string, unknown> = {}): Promise<Letter> {
  const r = await c.post<Letter>('/letters', { ...input, ...over });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}
const ifMatch = (l: Pick<Letter, 'version'>) => ({ 'If-Match': `"${l.version}"` });
async function act(c: Client, l: Letter, action: string, body: object) {
  const r = await c.post<Letter>(`/letters/${l.id}/${action}`, body, ifMatch(l));
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}
const serials = (r: { body: { items: Letter[] } }) => r.body.items.map((l) => l.serialNo).sort();

describe('phone search rules', () => {
  it('a search is a phone search only for four digits or a whole number', () => {
    expect(phoneQuery('0987')).toBe('0987');
    expect(phoneQuery(' 139 1234 0987 ')).toBe('13912340987');
    expect(phoneQuery('0355-2021234')).toBe('03552021234');
    expect(phoneQuery('098')).toBeNull();
    expect(phoneQuery('12340')).toBeNull();
    expect(phoneQuery('低保')).toBeNull();
    expect(phoneMatches('13912340987', '0987')).toBe(true);
    expect(phoneMatches('13912340987', '1234')).toBe(false); // the middle digits are not the last four
    expect(phoneMatches('0355-2021234', '03552021234')).toBe(true);
    expect(phoneMatches('13912340987', '13912340988')).toBe(false);
    expect(phoneMatches(null, '0987')).toBe(false);
    expect(oneYearBack('2026-11-26')).toBe('2025-11-26');
    expect(oneYearBack('2028-02-29')).toBe('2027-02-28');
  });
});

describe('letters: search by phone', () => {
  it('matches the full number or its last four on the stored number; rows stay masked; scope applies', async () => {
    const clerk = await as('clerk');
    const a = await create(clerk, { subject: '电话检索甲' });
    const b = await create(clerk, { subject: '电话检索乙', citizenPhone: '0355-2020987' });
    const c = await create(clerk, { subject: '电话检索丙', citizenPhone: '13800001234' });
    await act(clerk, a, 'assign', { sectionId: 'social_assistance' });
    await act(clerk, b, 'assign', { sectionId: 'social_affairs' });

    // Last four: both numbers ending 0987 (one of them a landline), not the one with 1234 inside.
    const byLast4 = await clerk.get<{ items: Letter[] }>('/letters?phone=0987&pageSize=100');
    expect(byLast4.status).toBe(200);
    const mine = byLast4.body.items.filter((l) => l.subject.startsWith('电话检索'));
    expect(mine.map((l) => l.subject).sort()).toEqual(['电话检索乙', '电话检索甲']);
    expect(mine.map((l) => l.citizenPhone).sort()).toEqual(['0355-****0987', '139****0987']);
    for (const l of byLast4.body.items) expect(l.citizenPhone?.replace(/\D/g, '')).toMatch(/0987$/);

    // The whole number, with or without separators; through `q` as well as `phone`.
    const full = await clerk.get('/letters?phone=13912340987&pageSize=100');
    expect(full.body.items.filter((l: Letter) => l.subject.startsWith('电话检索'))).toHaveLength(1);
    expect(full.body.items[0].citizenPhone).toBe('139****0987');
    const viaQ = await clerk.get(`/letters?q=${encodeURIComponent('139 1234 0987')}&pageSize=100`);
    expect(serials(viaQ)).toEqual(serials(full));
    const landline = await clerk.get('/letters?q=0355-2020987');
    expect(landline.body.items.map((l: Letter) => l.id)).toEqual([b.id]);
    // The masked form is not a key: searching the asterisks finds nothing of these.
    const masked = await clerk.get(`/letters?q=${encodeURIComponent('139****0987')}`);
    expect(masked.body.items.map((l: Letter) => l.id)).not.toContain(a.id);
    expect((await clerk.get('/letters?phone=12')).status).toBe(400);
    expect(
      (await clerk.get('/letters?phone=13800001234')).body.items.map((l: Letter) => l.id),
    ).toEqual([c.id]);

    // A section officer finds only their section's letter with that number.
    const handler = await as('handler');
    const h = await handler.get<{ items: Letter[] }>('/letters?phone=0987&pageSize=100');
    expect(h.body.items.map((l) => l.id)).toContain(a.id);
    expect(h.body.items.map((l) => l.id)).not.toContain(b.id);
    expect(h.body.items.every((l) => l.sectionId === 'social_assistance')).toBe(true);
    const h2 = await (
      await as('handler2')
    ).get<{ items: Letter[] }>('/letters?q=0987&pageSize=100');
    expect(h2.body.items.map((l) => l.id)).toContain(b.id);
    expect(h2.body.items.map((l) => l.id)).not.toContain(a.id);
  });
});

describe('letters: 重复件', () => {
  it('links a new letter to an earlier one; validates exists, not itself, not later, no cycle', async () => {
    const clerk = await as('clerk');
    const first = await create(clerk, { receivedOn: '2026-10-12' });
    const repeat = await create(clerk, { duplicateOf: first.id });
    expect(repeat.duplicateOf).toEqual({ id: first.id, serialNo: first.serialNo });
    const repeats = await clerk.get(`/letters?duplicateOf=${first.id}`);
    expect(repeats.body.items.map((l: Letter) => l.id)).toEqual([repeat.id]);

    const missing = await clerk.post('/letters', { ...input, duplicateOf: 'no-such-letter' });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual({ duplicateOf: '没有找到该来信' });
    const later = await clerk.post('/letters', {
      ...input,
      receivedOn: '2026-10-01',
      duplicateOf: repeat.id,
    });
    expect(later.status).toBe(422);
    expect(later.body.errors.duplicateOf).toBe(
      `${repeat.serialNo} 收信于 2026-11-20，晚于本件，不能作为原件`,
    );

    // PATCH: not itself, not round (first → repeat while repeat → first).
    const self = await clerk.patch(
      `/letters/${first.id}`,
      { duplicateOf: first.id },
      ifMatch(first),
    );
    expect(self.status).toBe(422);
    expect(self.body.errors).toEqual({ duplicateOf: '不能把来信标为它自己的重复件' });
    const same = await create(clerk, { receivedOn: '2026-10-12', subject: '同日' });
    const cyc = await clerk.patch(
      `/letters/${first.id}`,
      { duplicateOf: repeat.id },
      ifMatch(first),
    );
    expect(cyc.status).toBe(422); // repeat was received later than first
    const linked = await clerk.patch(
      `/letters/${same.id}`,
      { duplicateOf: first.id },
      ifMatch(same),
    );
    expect(linked.status).toBe(200);
    const round = await clerk.patch(
      `/letters/${first.id}`,
      { duplicateOf: same.id },
      { ...ifMatch(first), 'Accept-Language': 'en-US' },
    );
    expect(round.status).toBe(422);
    expect(round.body.errors.duplicateOf).toBe(
      `${same.serialNo} is already linked to this letter: two letters cannot repeat each other`,
    );
    const stored = (await clerk.get<Letter>(`/letters/${first.id}`)).body;
    expect(stored.version).toBe(first.version);
    expect(stored.duplicateOf).toBeNull();
    // Unlink.
    const un = await clerk.patch(
      `/letters/${same.id}`,
      { duplicateOf: null },
      ifMatch(linked.body),
    );
    expect(un.status).toBe(200);
    expect(un.body.duplicateOf).toBeNull();
  });
});

describe("letters: the mayor's-mailbox platform fields", () => {
  it('are recorded on registration and validated with field errors', async () => {
    const clerk = await as('clerk');
    const mb = { ...input, source: 'mayor_mailbox' };
    const ok = await create(clerk, {
      ...mb,
      platformRef: 'SZXX-2026-11-00315',
      platformAssignedOn: '2026-11-19',
    });
    expect(ok.platformRef).toBe('SZXX-2026-11-00315');
    expect(ok.platformAssignedOn).toBe('2026-11-19');
    expect(ok.platformFeedbackOn).toBeNull();

    const bad = async (body: object) => {
      const r = await clerk.post('/letters', body);
      expect(r.status).toBe(422);
      return r.body.errors;
    };
    expect(await bad({ ...input, platformRef: 'X-1' })).toEqual({
      platformRef: '仅市长信箱转办的来信填写此项',
    });
    expect(await bad({ ...mb, platformAssignedOn: '2026-11-21' })).toEqual({
      platformAssignedOn: '平台交办日期不能晚于收信日期 2026-11-20',
    });
    expect(
      await bad({ ...mb, receivedOn: '2026-11-26', platformAssignedOn: '2026-11-27' }),
    ).toEqual({ platformAssignedOn: '日期不能晚于今天' });
    expect(await bad({ ...mb, platformRef: 'x'.repeat(41) })).toEqual({
      platformRef: '不超过40个字符',
    });
  });

  it('反馈平台日期 is set later by the office: not before the assignment, not in the future', async () => {
    const clerk = await as('clerk');
    const l = await create(clerk, {
      source: 'mayor_mailbox',
      platformRef: 'SZXX-1',
      platformAssignedOn: '2026-11-19',
    });
    const patch = (body: object, cur: Letter = l, c: Client = clerk) =>
      c.patch<any>(`/letters/${cur.id}`, body, ifMatch(cur));
    const early = await patch({ platformFeedbackOn: '2026-11-18' });
    expect(early.status).toBe(422);
    expect(early.body.errors).toEqual({
      platformFeedbackOn: '反馈平台日期不能早于平台交办日期 2026-11-19',
    });
    const future = await patch({ platformFeedbackOn: '2026-11-27' });
    expect(future.status).toBe(422);
    expect(future.body.errors).toEqual({ platformFeedbackOn: '日期不能晚于今天' });
    expect((await patch({ platformFeedbackOn: '2026-11-31' })).status).toBe(422);
    expect((await patch({ unknownField: 1 })).status).toBe(422);
    expect(
      (await clerk.patch(`/letters/${l.id}`, { platformFeedbackOn: '2026-11-25' })).status,
    ).toBe(428);
    // Leaders read; handlers do not complete the office's record.
    expect((await patch({ platformFeedbackOn: '2026-11-25' }, l, await as('leader'))).status).toBe(
      403,
    );
    const ok = await patch({ platformFeedbackOn: '2026-11-25' });
    expect(ok.status).toBe(200);
    expect(ok.body.platformFeedbackOn).toBe('2026-11-25');
    expect(ok.body.version).toBe(l.version + 1);
    const stale = await patch({ platformFeedbackOn: '2026-11-24' });
    expect(stale.status).toBe(409);
    // Not on another source's letter.
    const other = await create(clerk);
    const no = await patch({ platformFeedbackOn: '2026-11-25' }, other);
    expect(no.status).toBe(422);
    expect(no.body.errors).toEqual({ platformFeedbackOn: '仅市长信箱转办的来信填写此项' });
    // The trail says what was completed.
    const trail = (await clerk.get(`/audit?entity=letter&id=${l.id}`)).body as {
      action: string;
      event?: { type: string; params: Record<string, unknown> };
    }[];
    const upd = trail.find((e) => e.action === 'update');
    expect(upd?.event?.params.platformFeedbackOn).toBe('2026-11-25');
  });
});

describe('letters: bulk actions', () => {
  it('批量转办 reports per letter: n succeeded, which failed and why; only those are written', async () => {
    const clerk = await as('clerk');
    const fresh1 = await create(clerk, { subject: '批量一' });
    const fresh2 = await create(clerk, { subject: '批量二' });
    const inSection = await act(clerk, await create(clerk, { subject: '批量三' }), 'assign', {
      sectionId: 'elderly',
    });
    let closed = await act(clerk, await create(clerk, { subject: '批量四' }), 'assign', {
      sectionId: 'social_assistance',
    });
    closed = await act(clerk, closed, 'reply', {
      content: '已答复',
      method: 'phone',
      repliedOn: '2026-11-25',
    });
    closed = await act(clerk, closed, 'close', {
      followUpMethod: 'phone',
      followUpOn: '2026-11-26',
      followUpBy: '王芳',
      reached: true,
      satisfaction: 'satisfied',
    });

    const r = await clerk.post<BulkLetterResult>('/letters/bulk', {
      action: 'assign',
      sectionId: 'elderly',
      note: '请核实',
      items: [
        { id: fresh1.id, version: fresh1.version },
        { id: fresh2.id, version: fresh2.version },
        { id: inSection.id, version: inSection.version },
        { id: closed.id, version: closed.version },
        { id: 'no-such', version: 1 },
      ],
    });
    expect(r.status).toBe(200);
    expect(r.body.succeeded).toBe(2);
    expect(r.body.failed).toBe(3);
    const by = Object.fromEntries(r.body.results.map((x) => [x.id, x]));
    expect(by[fresh1.id]).toMatchObject({ ok: true, status: 200 });
    expect(by[fresh1.id]!.letter).toMatchObject({ status: 'assigned', sectionId: 'elderly' });
    expect(by[inSection.id]).toMatchObject({
      ok: false,
      status: 409,
      message: '已在养老服务科办理',
    });
    expect(by[closed.id]).toMatchObject({
      ok: false,
      status: 409,
      code: 'invalid-transition',
      message: '已办结的来信不能执行此操作',
    });
    expect(by['no-such']).toMatchObject({ ok: false, status: 404, serialNo: null });

    const now = async (l: Letter) => (await clerk.get<Letter>(`/letters/${l.id}`)).body;
    expect((await now(fresh2)).sectionId).toBe('elderly');
    expect((await now(closed)).version).toBe(closed.version);
    expect((await now(inSection)).version).toBe(inSection.version);

    // A stale version fails that letter only (what If-Match would have done).
    const again = await clerk.post<BulkLetterResult>('/letters/bulk', {
      action: 'supervise',
      note: '请加快办理',
      items: [
        { id: fresh1.id, version: fresh1.version },
        { id: fresh2.id, version: fresh2.version + 1 },
      ],
    });
    expect(again.body.succeeded).toBe(1);
    expect(again.body.results[0]).toMatchObject({
      ok: false,
      status: 409,
      code: 'version-conflict',
    });
    expect((await now(fresh2)).supervised).toBe(true);
    expect((await now(fresh1)).supervised).toBe(false);

    // The body as a whole: 422, nothing written; other roles 403.
    const noSection = await clerk.post('/letters/bulk', {
      action: 'assign',
      items: [{ id: fresh1.id, version: 2 }],
    });
    expect(noSection.status).toBe(422);
    expect(noSection.body.errors).toEqual({ sectionId: '必填' });
    for (const who of ['leader', 'handler'])
      expect(
        (
          await (
            await as(who)
          ).post('/letters/bulk', {
            action: 'supervise',
            note: 'x',
            items: [{ id: fresh1.id, version: 2 }],
          })
        ).status,
      ).toBe(403);
  });
});

describe('duplicateError (pure)', () => {
  const letters = {
    a: { id: 'a', serialNo: 'XF-1', receivedOn: '2026-01-01', duplicateOf: null },
    b: { id: 'b', serialNo: 'XF-2', receivedOn: '2026-01-02', duplicateOf: { id: 'a' } },
    c: { id: 'c', serialNo: 'XF-3', receivedOn: '2026-01-03', duplicateOf: { id: 'b' } },
  } as const;
  const lookup = (id: string) => letters[id as keyof typeof letters];
  it('walks the chain', () => {
    expect(duplicateError({ id: 'c', receivedOn: '2026-01-03' }, 'a', lookup)).toBeNull();
    expect(duplicateError({ id: 'a', receivedOn: '2026-01-05' }, 'c', lookup)?.key).toBe(
      'letters.cases.errors.duplicateCycle',
    );
    expect(duplicateError({ receivedOn: '2026-01-01' }, 'b', lookup)?.key).toBe(
      'letters.cases.errors.duplicateLater',
    );
  });
});
