/**
 * Seeded letters: the 17 of 2017 exactly as the 2017 report states them (12 consultation/complaint
 * letters and 5 transferred from the mayor's mailbox, all closed), last year's closed letters for
 * comparisons, and this year's live spread around today.
 */
import {
  LETTER_SOURCES,
  type LetterCategory,
  type LetterSource,
  type ReplyMethod,
  type Satisfaction,
} from '@/features/letters/types';
import { addDays, type WorkdayCalendar } from '@/lib/workdays';
import type { LetterRecord } from '@/features/letters/types';
import type { SectionId } from '@/types/api';
import type { Actor } from '../../server/domain/audit';
import { applyAction, createLetter, type When } from '../../server/domain/letters';
import type { Tx } from '../../server/domain/ports';
import { CITIZEN_GIVEN, CITIZEN_SURNAMES, TOPICS, type Topic } from './letter-topics';
import type { Rng } from './random';
import { DEMO_USERS } from './users';

const actorOf = (username: string): Actor => {
  const u = DEMO_USERS.find((x) => x.username === username)!;
  return { id: u.id, name: u.name, role: u.role };
};
const CLERK = actorOf('clerk');
const LEADER_NOTE = '请抓紧办理，按期答复群众';

/** Who answers for a section: the demo handler where there is one, else the section itself. */
function sectionActor(sectionId: SectionId): Actor {
  const u = DEMO_USERS.find((x) => x.role === 'handler' && x.sectionId === sectionId);
  return u
    ? { id: u.id, name: u.name, role: u.role }
    : { id: `u-${sectionId}`, name: `${sectionId}经办人`, role: 'handler' };
}

const when = (on: string, hour: number): When => ({
  on,
  at: `${on}T${String(hour).padStart(2, '0')}:${String((hour * 7) % 60).padStart(2, '0')}:00+08:00`,
});

function workdayOnOrAfter(cal: WorkdayCalendar, d: string) {
  let x = d;
  while (!cal.isWorkday(x)) x = addDays(x, 1);
  return x;
}
function workdaysBefore(cal: WorkdayCalendar, d: string, n: number) {
  let x = d;
  let k = 0;
  while (k < n) {
    x = addDays(x, -1);
    if (cal.isWorkday(x)) k += 1;
  }
  return x;
}

interface Plan {
  topic: Topic;
  source: LetterSource;
  category?: LetterCategory;
  receivedOn: string;
}

function citizen(r: Rng) {
  const name = r.pick(CITIZEN_SURNAMES) + r.pick(CITIZEN_GIVEN);
  const phone = r.chance(0.8)
    ? `1${r.pick(['35', '37', '39', '52', '58', '82', '87', '99'])}${String(r.int(0, 99999999)).padStart(8, '0')}`
    : `0355-${r.int(2000000, 8999999)}`;
  return { name, phone: r.chance(0.9) ? phone : undefined };
}

function register(tx: Tx, r: Rng, p: Plan, id: string) {
  const c = citizen(r);
  return createLetter(
    tx,
    {
      source: p.source,
      category: p.category ?? p.topic.category,
      subject: p.topic.subject,
      content: p.topic.content,
      citizenName: c.name,
      citizenPhone: c.phone,
      receivedOn: p.receivedOn,
    },
    CLERK,
    when(p.receivedOn, 9),
    id,
  );
}

/** Run a letter to closure: assigned the next working day, answered by `replyOn`, closed after. */
async function runToClose(
  tx: Tx,
  cal: WorkdayCalendar,
  r: Rng,
  p: Plan,
  id: string,
  replyOn: string,
  satisfaction: Satisfaction,
) {
  let rec = await register(tx, r, p, id);
  const assignOn = cal.addWorkdays(p.receivedOn, 1).date;
  rec = await applyAction(
    tx,
    rec,
    { action: 'assign', sectionId: p.topic.sectionId },
    CLERK,
    when(assignOn, 10),
  );
  const repliedOn = replyOn < assignOn ? assignOn : replyOn;
  rec = await applyAction(
    tx,
    rec,
    { action: 'reply', content: p.topic.reply, method: replyMethodOf(id), repliedOn },
    sectionActor(p.topic.sectionId),
    when(repliedOn, 15),
  );
  const closeOn = cal.addWorkdays(rec.reply!.repliedOn, r.int(1, 2)).date;
  // 回访 the day before closing (or on it); about one citizen in twelve cannot be reached.
  const reached = !id.endsWith('7') || id.endsWith('07');
  return applyAction(
    tx,
    rec,
    {
      action: 'close',
      followUpMethod: id.endsWith('3') ? 'sms' : 'phone',
      followUpOn: closeOn,
      followUpBy: CLERK.name,
      reached,
      ...(reached ? { satisfaction } : {}),
      ...(reached && satisfaction === 'unsatisfied'
        ? { closeReason: '诉求超出政策规定，已向来信人解释政策依据' }
        : {}),
    },
    CLERK,
    when(closeOn, 11),
  );
}

/** 答复方式, spread over the seed without drawing on the random sequence. */
const replyMethodOf = (id: string): ReplyMethod =>
  (['written', 'phone', 'online', 'written', 'sms'] as const)[Number(id.slice(-1)) % 5]!;
const reply = (content: string, on: string) => ({
  action: 'reply' as const,
  content,
  method: 'phone' as const,
  repliedOn: on,
});

const satisfactionOf = (r: Rng): Satisfaction =>
  r.chance(0.75) ? 'satisfied' : r.chance(0.8) ? 'basically_satisfied' : 'unsatisfied';

export async function seed2017(tx: Tx, cal: WorkdayCalendar, r: Rng) {
  // 12 咨询投诉类 letters and 5 市长信箱转办, all closed on time (2017 report, section 五).
  const ordinary: LetterSource[] = ['website', 'phone', 'mail', 'visit'];
  for (let k = 0; k < 17; k++) {
    const mayor = k % 3 === 2 && k < 15; // indices 2,5,8,11,14
    const month = Math.floor((k * 12) / 17) + 1;
    const receivedOn = workdayOnOrAfter(
      cal,
      `2017-${String(month).padStart(2, '0')}-${String(r.int(3, 24)).padStart(2, '0')}`,
    );
    const consultOrComplaint = TOPICS.filter(
      (t) => t.category === 'consultation' || t.category === 'complaint',
    );
    const topic = mayor ? r.pick(TOPICS) : r.pick(consultOrComplaint);
    const plan: Plan = { topic, source: mayor ? 'mayor_mailbox' : r.pick(ordinary), receivedOn };
    const limit = mayor ? 15 : topic.category === 'consultation' ? 5 : 15;
    const due = cal.addWorkdays(receivedOn, limit).date;
    const replyOn = workdaysBefore(cal, due, r.int(0, Math.min(3, limit - 2)));
    await runToClose(
      tx,
      cal,
      r,
      plan,
      `L2017-${String(k + 1).padStart(2, '0')}`,
      replyOn,
      satisfactionOf(r),
    );
  }
}

/** A year of closed letters (used for last year): ~90% answered on time. */
export async function seedClosedYear(
  tx: Tx,
  cal: WorkdayCalendar,
  r: Rng,
  year: number,
  count: number,
) {
  for (let k = 0; k < count; k++) {
    const day = Math.floor((k * 360) / count) + r.int(0, 5);
    const receivedOn = workdayOnOrAfter(cal, addDays(`${year}-01-03`, day));
    if (receivedOn > `${year}-12-10`) continue;
    const topic = r.pick(TOPICS);
    const source = r.chance(0.3)
      ? 'mayor_mailbox'
      : r.pick(LETTER_SOURCES.filter((s) => s !== 'mayor_mailbox'));
    const limit =
      source === 'mayor_mailbox' ? 15 : ['consultation', 'help'].includes(topic.category) ? 5 : 15;
    const due = cal.addWorkdays(receivedOn, limit).date;
    const replyOn = r.chance(0.9)
      ? workdaysBefore(cal, due, r.int(0, Math.min(3, limit - 2)))
      : cal.addWorkdays(due, r.int(1, 4)).date;
    await runToClose(
      tx,
      cal,
      r,
      { topic, source, receivedOn },
      `L${year}-${String(k + 1).padStart(3, '0')}`,
      replyOn,
      satisfactionOf(r),
    );
  }
}

/** This year: closed history up to a few weeks ago, then every live state around today. */
export async function seedCurrentYear(tx: Tx, cal: WorkdayCalendar, r: Rng, today: string) {
  const year = Number(today.slice(0, 4));
  const horizon = workdaysBefore(cal, today, 25);
  let n = 0;
  const id = () => `L${year}-${String(++n).padStart(3, '0')}`;
  for (
    let d = workdayOnOrAfter(cal, `${year}-01-04`);
    d < horizon;
    d = cal.addWorkdays(d, r.int(2, 5)).date
  ) {
    const topic = r.pick(TOPICS);
    const source = r.chance(0.3)
      ? 'mayor_mailbox'
      : r.pick(LETTER_SOURCES.filter((s) => s !== 'mayor_mailbox'));
    const limit =
      source === 'mayor_mailbox' ? 15 : ['consultation', 'help'].includes(topic.category) ? 5 : 15;
    const due = cal.addWorkdays(d, limit).date;
    const replyOn = r.chance(0.88)
      ? workdaysBefore(cal, due, r.int(0, Math.min(3, limit - 2)))
      : cal.addWorkdays(due, r.int(1, 4)).date;
    await runToClose(
      tx,
      cal,
      r,
      { topic, source, receivedOn: d },
      id(),
      replyOn,
      satisfactionOf(r),
    );
  }
  const ago = (k: number) => (k === 0 ? today : workdaysBefore(cal, today, k));
  const topicFor = (s: SectionId, c?: LetterCategory) =>
    TOPICS.find((t) => t.sectionId === s && (!c || t.category === c)) ?? TOPICS[0]!;
  const live: {
    plan: Plan;
    steps: (rec: LetterRecord) => Promise<LetterRecord>;
  }[] = [];
  const assignNext = (rec: LetterRecord) =>
    applyAction(
      tx,
      rec,
      {
        action: 'assign',
        sectionId: TOPICS.find((t) => t.subject === rec.subject)?.sectionId ?? 'office',
      },
      CLERK,
      when(cal.addWorkdays(rec.receivedOn, 1).date, 10),
    );
  const add = (plan: Plan, steps: (rec: LetterRecord) => Promise<LetterRecord> = async (x) => x) =>
    live.push({ plan, steps });

  // Overdue, not yet answered.
  add(
    { topic: topicFor('social_assistance', 'consultation'), source: 'website', receivedOn: ago(8) },
    assignNext,
  );
  add(
    { topic: topicFor('social_affairs', 'help'), source: 'mayor_mailbox', receivedOn: ago(18) },
    async (x) =>
      applyAction(
        tx,
        await assignNext(x),
        { action: 'supervise', note: LEADER_NOTE },
        CLERK,
        when(ago(2), 16),
      ),
  );
  // Due soon, and the section has applied for an extension the office has yet to decide.
  add(
    {
      topic: topicFor('social_assistance', 'complaint'),
      source: 'hotline_12345',
      receivedOn: ago(13),
    },
    async (x) =>
      applyAction(
        tx,
        await assignNext(x),
        { action: 'request-extension', days: 5, reason: '需调取县区低保复核材料' },
        sectionActor('social_assistance'),
        when(ago(0), 9),
      ),
  );
  add(
    { topic: topicFor('elderly', 'consultation'), source: 'phone', receivedOn: ago(3) },
    assignNext,
  );
  add(
    { topic: topicFor('social_assistance', 'help'), source: 'mayor_mailbox', receivedOn: ago(12) },
    async (x) =>
      applyAction(
        tx,
        await assignNext(x),
        { action: 'supervise', note: LEADER_NOTE },
        CLERK,
        when(ago(1), 9),
      ),
  );
  // Extended once: the section applied (申请延期), the office approved.
  add({ topic: topicFor('elderly', 'complaint'), source: 'mail', receivedOn: ago(20) }, async (x) =>
    applyAction(
      tx,
      await applyAction(
        tx,
        await assignNext(x),
        { action: 'request-extension', days: 10, reason: '需会同区民政局现场核查' },
        sectionActor('elderly'),
        when(ago(7), 14),
      ),
      { action: 'approve-extension' },
      CLERK,
      when(ago(6), 10),
    ),
  );
  // Open and on time.
  add(
    { topic: topicFor('social_org', 'report'), source: 'wechat', receivedOn: ago(6) },
    assignNext,
  );
  add(
    { topic: topicFor('naming', 'suggestion'), source: 'website', receivedOn: ago(2) },
    assignNext,
  );
  // Reopened (重办) after an unsatisfactory reply.
  add(
    {
      topic: topicFor('social_assistance', 'suggestion') ?? topicFor('social_assistance'),
      source: 'visit',
      receivedOn: ago(10),
    },
    async (x) => {
      const a = await assignNext(x);
      const rp = await applyAction(
        tx,
        a,
        reply('已转所在县区研究办理。', ago(3)),
        sectionActor(a.sectionId!),
        when(ago(3), 15),
      );
      return applyAction(
        tx,
        rp,
        { action: 'reopen', reason: '答复未回应核心诉求，请重新办理' },
        CLERK,
        when(ago(1), 10),
      );
    },
  );
  // Replied, waiting to be closed.
  add(
    { topic: topicFor('social_affairs', 'consultation'), source: 'phone', receivedOn: ago(4) },
    async (x) => {
      const a = await assignNext(x);
      return applyAction(
        tx,
        a,
        reply(TOPICS.find((t) => t.subject === a.subject)!.reply, ago(1)),
        sectionActor(a.sectionId!),
        when(ago(1), 15),
      );
    },
  );
  // Not yet assigned.
  add({ topic: topicFor('child_welfare', 'help'), source: 'mayor_mailbox', receivedOn: ago(1) });
  add({
    topic: topicFor('social_assistance', 'consultation'),
    source: 'website',
    receivedOn: ago(0),
  });

  live.sort((a, b) => a.plan.receivedOn.localeCompare(b.plan.receivedOn));
  for (const { plan, steps } of live) await steps(await register(tx, r, plan, id()));
}
