/**
 * Seeded catalogue: 2017 as reported — 100 权责清单/两单两图 entries and no 双公示 licensing or
 * penalty entries — plus other categories in 2017 and recent years, some published late.
 */
import type { CatalogueCategory } from '@/features/catalogue/types';
import { addDays, type WorkdayCalendar } from '@/lib/workdays';
import { createEntry } from '../../server/domain/catalogue';
import type { Tx } from '../../server/domain/ports';
import type { Actor } from '../../server/domain/audit';
import type { Rng } from './random';

const POWER_KINDS = [
  '行政许可',
  '行政处罚',
  '行政强制',
  '行政检查',
  '行政给付',
  '行政确认',
  '行政奖励',
  '其他行政权力',
];
const POWER_SUBJECTS = [
  '社会团体成立登记',
  '民办非企业单位变更登记',
  '基金会年度检查',
  '养老机构备案',
  '殡葬设施建设审批',
  '地名命名更名',
  '婚姻登记',
  '收养登记',
  '低保对象认定',
  '特困人员认定',
  '临时救助审批',
  '慈善组织认定',
  '公开募捐资格审核',
  '行政区域界线管理',
  '门楼牌编制',
  '社会组织违法行为查处',
  '养老服务补贴发放',
  '孤儿基本生活费发放',
];

const OTHER: { category: CatalogueCategory; titles: string[]; docType?: 'normative' | 'other' }[] =
  [
    { category: 'org_function', titles: ['长治市民政局主要职责', '长治市民政局内设机构'] },
    {
      category: 'policy',
      titles: [
        '关于进一步加强城乡低保规范管理的通知',
        '长治市临时救助实施办法',
        '关于提高特困人员供养标准的通知',
      ],
      docType: 'normative',
    },
    { category: 'budget', titles: ['部门预算公开', '部门决算公开'] },
    { category: 'personnel', titles: ['人事任免信息'] },
    { category: 'statistics', titles: ['城乡低保统计月报', '社会救助资金支出情况'] },
    { category: 'proposals', titles: ['人大代表建议办理结果', '政协委员提案办理结果'] },
    { category: 'social_assistance', titles: ['城乡低保标准调整公告', '低保对象名单公示'] },
    {
      category: 'special_funds',
      titles: ['社会福利专项资金分配情况', '防灾救灾应急专项资金使用情况'],
    },
    { category: 'disaster_relief', titles: ['救灾款物调拨使用情况', '接受救灾捐赠明细'] },
    { category: 'news', titles: ['民政工作动态'] },
  ];

function publishOn(cal: WorkdayCalendar, r: Rng, formedOn: string, late: boolean) {
  return late
    ? cal.addWorkdays(formedOn, 20 + r.int(2, 15)).date
    : cal.addWorkdays(formedOn, r.int(1, 15)).date;
}

export async function seedCatalogue(
  tx: Tx,
  cal: WorkdayCalendar,
  r: Rng,
  actor: Actor,
  today: string,
) {
  const PUB = '长治市民政局';
  // 2017: 100 权责清单 / 两单两图 entries (2017 report, section 二(二)).
  for (let k = 0; k < 100; k++) {
    const formedOn = addDays('2017-03-01', Math.floor(k / 10) * 7);
    const kind = POWER_KINDS[k % POWER_KINDS.length]!;
    const subject = POWER_SUBJECTS[k % POWER_SUBJECTS.length]!;
    const chart = k % 2 === 0 ? '权责清单' : '两单两图';
    await createEntry(
      tx,
      {
        title: `${chart}：${kind}—${subject}${k >= POWER_SUBJECTS.length * 2 ? `（${Math.floor(k / (POWER_SUBJECTS.length * 2)) + 1}）` : ''}`,
        category: 'powers_list',
        docType: 'other',
        publisher: PUB,
        docNo: null,
        formedOn,
        publishedOn: publishOn(cal, r, formedOn, false),
        attribute: 'proactive',
        exemptReason: null,
        channels: ['website'],
        validity: 'valid',
        repealedOn: null,
        expiredOn: null,
        keywords: ['权责清单', kind],
        summary: `${kind}事项“${subject}”的设定依据、办理流程和责任事项。`,
      },
      actor,
      `${formedOn}T10:00:00+08:00`,
      `C2017-P${String(k + 1).padStart(3, '0')}`,
    );
  }
  const thisYear = Number(today.slice(0, 4));
  const years = [2017, thisYear - 1, thisYear];
  let n = 0;
  for (const year of years) {
    for (const group of OTHER) {
      for (const title of group.titles) {
        const month = r.int(1, year === thisYear ? Math.max(1, Number(today.slice(5, 7)) - 1) : 11);
        const drawn = `${year}-${String(month).padStart(2, '0')}-${String(r.int(1, 25)).padStart(2, '0')}`;
        // Early in January the drawn day can lie ahead: nothing is formed in the future.
        const formedOn = drawn > today ? today : drawn;
        const late = year === 2017 ? r.chance(0.3) : r.chance(0.12);
        const docType = group.docType ?? 'other';
        const published = publishOn(cal, r, formedOn, late);
        await createEntry(
          tx,
          {
            title: `${year}年${title}`,
            category: group.category,
            docType,
            publisher: PUB,
            docNo: docType === 'normative' ? `长民发〔${year}〕${r.int(1, 60)}号` : null,
            formedOn,
            publishedOn: published > today ? null : published,
            attribute: 'proactive',
            exemptReason: null,
            channels: r.chance(0.5) ? ['website', 'wechat'] : ['website'],
            validity: 'valid',
            repealedOn: null,
            expiredOn: null,
            keywords: [title.slice(0, 4)],
            summary: null,
          },
          actor,
          `${formedOn}T10:00:00+08:00`,
          `C${year}-${String(++n).padStart(3, '0')}`,
        );
      }
    }
  }
}
