import { LETTER_CATEGORIES, LETTER_SOURCES, type LetterRecord } from '@/features/letters/types';
import { computeDue, timeLimitFor } from '@/features/letters/rules';
import { addDays } from '@/lib/workdays';
import { audit, type Actor } from '../../server/domain/audit';
import { calendar } from '../../server/domain/calendar';
import type { Tx } from '../../server/domain/ports';
import { timeLimits } from '../../server/domain/settings';
import { instant } from '../../server/domain/time';
import { rng } from '../seed/random';

/**
 * N synthetic letters over the last year for load tests (a demo tool of the mock's and the demo
 * server's); most closed, some open. One audit entry each, all in the caller's transaction.
 */
export async function addDemoLetters(tx: Tx, n: number, actor: Actor): Promise<number> {
  const r = rng((await tx.letterSearch.count({})) + n);
  const cal = await calendar(tx);
  const limits = await timeLimits(tx);
  const end = tx.today;
  const sections = (await tx.sections.all()).filter((s) => !s.retired);
  const at = instant(tx.now);
  // The random choices first, in the order they always were drawn; then each year's serial
  // numbers taken at once (a counter changed once, not once per letter: in SQL, one row updated
  // 100,000 times in one transaction costs more with each update).
  const drawn = Array.from({ length: n }, () => {
    const receivedOn = addDays(end, -r.int(0, 364));
    const source = r.pick(LETTER_SOURCES);
    const category = r.pick(LETTER_CATEGORIES);
    const limit = timeLimitFor(limits, source, category);
    const due = computeDue(cal, receivedOn, limit, null);
    const closed = due.dueOn < end && r.chance(0.85);
    const sectionId = r.pick(sections).id;
    const repliedOn = closed ? (r.chance(0.9) ? due.dueOn : addDays(due.dueOn, r.int(1, 6))) : null;
    const citizenPhone = `138${String(r.int(0, 99999999)).padStart(8, '0')}`;
    const status: LetterRecord['status'] = closed
      ? 'closed'
      : r.chance(0.2)
        ? 'registered'
        : 'assigned';
    return {
      receivedOn,
      source,
      category,
      limit,
      due,
      closed,
      sectionId,
      repliedOn,
      citizenPhone,
      status,
    };
  });
  const next = new Map<number, number>();
  for (const d of drawn) {
    const year = Number(d.receivedOn.slice(0, 4));
    next.set(year, (next.get(year) ?? 0) + 1);
  }
  for (const [year, count] of next) next.set(year, await tx.nextSeq(`letters:${year}`, count));
  for (const [i, d] of drawn.entries()) {
    const { receivedOn, source, category, limit, due, closed, sectionId, repliedOn } = d;
    const year = Number(receivedOn.slice(0, 4));
    const seq = next.get(year)!;
    next.set(year, seq + 1);
    const rec: LetterRecord = {
      id: crypto.randomUUID(),
      serialNo: `XF-${year}-${String(seq).padStart(4, '0')}`,
      source,
      category,
      subject: `演示来信 ${i + 1}：${category}`,
      content: '用于性能测试的演示数据。',
      citizenName: `演示${i + 1}`,
      citizenPhone: d.citizenPhone,
      receivedOn,
      status: d.status,
      timeLimitDays: limit,
      dueOn: due.dueOn,
      calendarProvisional: due.provisional,
      sectionId: null,
      reply: repliedOn
        ? { content: '已答复（演示）', repliedOn, repliedBy: '演示', method: 'written' }
        : null,
      closedOn: repliedOn,
      onTime: repliedOn ? repliedOn <= due.dueOn : null,
      extension: null,
      supervised: false,
      satisfaction: closed ? 'satisfied' : null,
      followUp:
        closed && repliedOn
          ? {
              method: 'phone',
              on: repliedOn,
              by: '演示',
              reached: true,
              satisfaction: 'satisfied',
              closeReason: null,
            }
          : null,
      extensionRequest: null,
      previousReplies: [],
      returned: null,
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    if (rec.status !== 'registered') rec.sectionId = sectionId;
    await tx.letters.put(rec);
    await audit(tx, 'letter', rec.id, 'create', actor, `演示数据 ${rec.serialNo}`, {
      at,
      event: {
        type: 'created',
        params: { serialNo: rec.serialNo, days: rec.timeLimitDays, dueOn: rec.dueOn },
      },
    });
  }
  return n;
}
