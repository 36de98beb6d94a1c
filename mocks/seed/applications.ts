/**
 * Seeded 依申请公开 applications: none in 2017 (the 2017 report: 没有依申请公开), and a realistic
 * handful in the last two years covering every branch of the clock.
 */
import type { CreateApplicationInput } from '@/features/applications/types';
import { addDays, type WorkdayCalendar } from '@/lib/workdays';
import type { Actor } from '../../server/domain/audit';
import {
  applyApplicationAction,
  createApplication,
  type ApplicationActionInput,
} from '../../server/domain/applications';
import type { Tx } from '../../server/domain/ports';

const at = (on: string) => ({ on, at: `${on}T10:00:00+08:00` });

function workdaysAgo(cal: WorkdayCalendar, today: string, n: number) {
  let d = today;
  for (let k = 0; k < n;) {
    d = addDays(d, -1);
    if (cal.isWorkday(d)) k += 1;
  }
  return d;
}

export async function seedApplications(tx: Tx, cal: WorkdayCalendar, clerk: Actor, today: string) {
  const year = Number(today.slice(0, 4));
  const prev = year - 1;
  const wd = (d: string, n: number) => cal.addWorkdays(d, n).date;
  let n = 0;
  // Made in the order written (their serial numbers follow it), once all are planned.
  const planned: (() => Promise<unknown>)[] = [];
  const make = (input: CreateApplicationInput, steps: ApplicationActionInput[] = []) =>
    planned.push(() => run(input, steps));
  const run = async (input: CreateApplicationInput, steps: ApplicationActionInput[]) => {
    let rec = await createApplication(
      tx,
      input,
      clerk,
      at(input.receivedOn),
      `A${input.receivedOn.slice(0, 4)}-${String(++n).padStart(2, '0')}`,
    );
    for (const s of steps) {
      const on =
        'decidedOn' in s
          ? s.decidedOn
          : 'requestedOn' in s
            ? s.requestedOn
            : 'sentOn' in s
              ? s.sentOn
              : 'on' in s
                ? s.on
                : 'notifiedOn' in s
                  ? s.notifiedOn
                  : 'receivedOn' in s
                    ? s.receivedOn
                    : rec.receivedOn;
      if (on > today) break; // a step still in the future for this today: the application stays open
      rec = await applyApplicationAction(tx, rec, s, clerk, 'zh-CN', at(on));
    }
    return rec;
  };
  const base = { channel: 'online' as const, contact: '13800000000' };

  // Last year.
  make(
    {
      ...base,
      applicantType: 'natural_person',
      applicantName: '郭建平',
      receivedOn: `${prev}-03-10`,
      description: `申请公开${prev}年城市低保资金发放明细。`,
    },
    [
      { action: 'assign', sectionId: 'social_assistance' },
      { action: 'decide', outcome: '3.1', decidedOn: wd(`${prev}-03-10`, 12) },
    ],
  );
  make(
    {
      ...base,
      applicantType: 'commercial',
      applicantName: '长治某养老服务有限公司',
      contact: '0355-2021888',
      channel: 'post',
      receivedOn: `${prev}-06-02`,
      description: '申请公开某养老机构星级评定的评审材料。',
    },
    [
      { action: 'assign', sectionId: 'elderly' },
      {
        action: 'consult-third-party',
        sentOn: `${prev}-06-10`,
        party: 'third_party',
        name: '被评定养老机构',
      },
      {
        action: 'third-party-replied',
        on: `${prev}-06-24`,
        opinion: 'disagree',
        opinionText: '评审材料含本机构经营信息，不同意公开',
      },
      {
        action: 'decide',
        outcome: '3.3.4',
        decidedOn: `${prev}-07-01`,
        replyNo: `长民政依复〔${prev}〕7号`,
        deliveryMethod: 'post',
        deliveredOn: `${prev}-07-01`,
      },
    ],
  );
  make(
    {
      ...base,
      applicantType: 'research',
      applicantName: '山西某大学社会学院',
      contact: 'research@example.edu.cn',
      channel: 'email',
      receivedOn: `${prev}-09-01`,
      description: '申请公开特困人员供养情况的统计数据。',
    },
    [
      {
        action: 'request-correction',
        note: '请明确所需数据的年份和区域范围',
        requestedOn: `${prev}-09-04`,
        correctionDueOn: wd(`${prev}-09-04`, 10),
      },
      {
        action: 'correction-received',
        receivedOn: `${prev}-09-12`,
        content: `申请公开${prev - 1}年长治市各县区特困人员供养人数及资金统计数据。`,
      },
      { action: 'assign', sectionId: 'social_assistance' },
      { action: 'decide', outcome: '3.2', decidedOn: wd(`${prev}-09-12`, 15) },
    ],
  );
  // Received last December, decided in January: carried over (table 三 rows 二 and 四).
  make(
    {
      ...base,
      applicantType: 'natural_person',
      applicantName: '秦晓梅',
      channel: 'in_person',
      receivedOn: `${prev}-12-15`,
      description: '申请公开某社区养老服务中心的建设资金来源。',
    },
    [
      { action: 'assign', sectionId: 'finance' },
      { action: 'decide', outcome: '3.4.1', decidedOn: wd(`${prev}-12-15`, 17) },
    ],
  );

  // Decided ones of the last few months (relative to today, so the seed builds on any day).
  const ago = (k: number) => workdaysAgo(cal, today, k);
  make(
    {
      ...base,
      applicantType: 'natural_person',
      applicantName: '王志刚',
      receivedOn: ago(75),
      description: '申请公开殡葬设施专项规划。',
    },
    [
      { action: 'assign', sectionId: 'social_affairs' },
      {
        action: 'extend',
        reason: '涉及多个县区，需汇总材料',
        approvedBy: '办公室主任 张华',
        approvedOn: wd(ago(75), 15),
        notifiedOn: wd(ago(75), 16),
      },
      { action: 'decide', outcome: '3.1', decidedOn: wd(ago(75), 32) },
    ],
  );
  make(
    {
      ...base,
      applicantType: 'legal_service',
      applicantName: '山西某律师事务所',
      contact: '0355-3030303',
      channel: 'post',
      receivedOn: ago(60),
      description: '申请公开某社会组织的行政处罚决定书。',
    },
    [
      { action: 'assign', sectionId: 'social_org' },
      { action: 'decide', outcome: '3.4.1', decidedOn: wd(ago(60), 24) },
    ],
  );
  make(
    {
      ...base,
      applicantType: 'natural_person',
      applicantName: '段海燕',
      receivedOn: ago(50),
      description: '申请复制近五年婚姻登记工作年报（纸质）。',
    },
    [
      { action: 'assign', sectionId: 'social_affairs' },
      { action: 'fee-notice', sentOn: ago(43), method: 'per_page', count: 150 },
      { action: 'fee-paid', on: ago(40) },
      { action: 'decide', outcome: '3.1', decidedOn: ago(33) },
    ],
  );

  // Open ones around today.
  make(
    {
      ...base,
      applicantType: 'other_org',
      applicantName: '某村民委员会',
      contact: '13700000000',
      channel: 'in_person',
      receivedOn: ago(24),
      description: '申请公开本村低保户名单及评议记录。',
    },
    [{ action: 'assign', sectionId: 'social_assistance' }],
  );
  make(
    {
      ...base,
      applicantType: 'public_interest',
      applicantName: '长治市某公益服务中心',
      contact: '0355-6060606',
      receivedOn: ago(17),
      description: '申请公开困境儿童保障资金分配情况。',
    },
    [{ action: 'assign', sectionId: 'child_welfare' }],
  );
  make(
    {
      ...base,
      applicantType: 'natural_person',
      applicantName: '牛春生',
      receivedOn: ago(12),
      description: '申请公开某民办养老院的消防检查结果。',
    },
    [
      { action: 'assign', sectionId: 'elderly' },
      { action: 'consult-third-party', sentOn: ago(4), party: 'third_party', name: '某民办养老院' },
    ],
  );
  make(
    {
      ...base,
      applicantType: 'natural_person',
      applicantName: '申文斌',
      receivedOn: ago(5),
      description: '申请公开本市临时救助标准的制定依据。',
    },
    [{ action: 'assign', sectionId: 'social_assistance' }],
  );
  make(
    {
      ...base,
      applicantType: 'commercial',
      applicantName: '长治某物业公司',
      contact: '0355-7070707',
      channel: 'fax',
      receivedOn: ago(3),
      description: '申请公开有关地名的文件。',
    },
    [
      {
        action: 'request-correction',
        note: '请说明所需地名文件的具体名称或文号',
        requestedOn: ago(1),
        correctionDueOn: wd(ago(1), 10),
      },
    ],
  );
  for (const step of planned) await step();
}
