/**
 * Illustrative (示例数据) social-assistance figures from 2017-01 to the current month for every
 * unit in force in each month. 长治-specific caseloads were not found (domain.md §4): these are
 * generated at a plausible scale for a city of ~3.4 million — about 1.7–2.3万 urban and 7–9万 rural
 * 低保 recipients, standards raised every July, caseloads easing after 2017 with a 2020 bump,
 * seasonal noise — and flagged `illustrative: true`. Past months are published, the current month
 * is a draft. Deterministic: the same today always builds the same figures.
 */
import { addMonths, figureId, periodOf } from '@/features/assistance/rules';
import type { AssistanceFigure, FigureValues, Program } from '@/features/assistance/types';
import { regionsIn } from '../../server/domain/assistance';
import { audit } from '../../server/domain/audit';
import type { Tx } from '../../server/domain/ports';
import { rng } from './random';
import { DEMO_USERS } from './users';

export const FIRST_SEEDED_PERIOD = '2017-01';

/** Shares of the city's caseload: [urban, rural] per unit (the 2018 successors' lineages). */
const SHARES: Record<string, [number, number]> = {
  '140402': [0.24, 0.012], // 城区
  '140411': [0.16, 0.028], // 郊区
  '140403': [0.4, 0.04], // 潞州区 = 城区 + 郊区
  '140421': [0.07, 0.09], // 长治县 → 上党区
  '140404': [0.07, 0.09],
  '140424': [0.05, 0.08], // 屯留县 → 屯留区
  '140405': [0.05, 0.08],
  '140481': [0.05, 0.06], // 潞城市 → 潞城区
  '140406': [0.05, 0.06],
  '140423': [0.06, 0.09], // 襄垣县
  '140425': [0.04, 0.12], // 平顺县
  '140426': [0.04, 0.08], // 黎城县
  '140427': [0.05, 0.11], // 壶关县
  '140428': [0.06, 0.1], // 长子县
  '140429': [0.05, 0.09], // 武乡县
  '140430': [0.04, 0.06], // 沁县
  '140431': [0.04, 0.06], // 沁源县
};
const DISTRICTS = new Set(['140402', '140411', '140403', '140404', '140405', '140406']);

const round2 = (n: number) => Math.round(n * 100) / 100;

/** City-wide levels in month t (0 = 2017-01). */
function cityLevels(t: number, month: number) {
  const covid = t >= 38 && t < 54 ? 2500 * Math.sin(((t - 38) / 16) * Math.PI) : 0;
  const raises = Math.floor((t + 6) / 12); // standards rise each July
  const winter = month <= 2 || month === 12 ? 1 : month === 3 || month === 11 ? 0.5 : 0;
  return {
    urban: 17000 + 6000 * Math.exp(-t / 30),
    rural: 70000 + 18000 * Math.exp(-t / 24) + covid,
    urbanStandard: 480 + 30 * raises,
    ruralStandard: 320 + 28 * raises,
    tekun: 11000 + 14 * t,
    tekunShare: 0.18 + 0.0004 * t,
    medical: (6500 + 18 * t) * (1 + 0.2 * winter),
    temporary: 1800 * (month <= 2 ? 1.6 : month === 12 ? 1.3 : 1) * (1 + (covid > 0 ? 0.2 : 0)),
  };
}

function valuesFor(
  program: Program,
  code: string,
  t: number,
  month: number,
  noise: () => number,
): FigureValues {
  const c = cityLevels(t, month);
  const [u, r] = SHARES[code] ?? [0.05, 0.08];
  const mixed = 0.3 * u + 0.7 * r;
  const county = !DISTRICTS.has(code) && t < 60 ? 20 : 0; // counties a little lower until 2022
  switch (program) {
    case 'urban_dibao':
    case 'rural_dibao': {
      const urban = program === 'urban_dibao';
      const persons = Math.round((urban ? c.urban * u : c.rural * r) * noise());
      const households = Math.round(persons / ((urban ? 1.65 : 1.95) * noise()));
      const standard = (urban ? c.urbanStandard : c.ruralStandard) - county;
      const expenditure = round2(persons * standard * (urban ? 0.62 : 0.55) * noise());
      return { households, persons, standard, expenditure };
    }
    case 'tekun': {
      const persons = Math.round(c.tekun * (0.2 * u + 0.8 * r) * noise());
      const concentrated = Math.round(persons * c.tekunShare);
      return {
        persons,
        concentrated,
        dispersed: persons - concentrated,
        expenditure: round2(persons * c.ruralStandard * 1.3 * noise()),
      };
    }
    case 'medical': {
      const personTimes = Math.round(c.medical * mixed * noise());
      return { personTimes, expenditure: round2(personTimes * 780 * noise() * noise()) };
    }
    case 'temporary': {
      const householdTimes = Math.round(c.temporary * mixed * noise());
      return { householdTimes, expenditure: round2(householdTimes * 1150 * noise() * noise()) };
    }
  }
}

const PROGRAM_ORDER: Program[] = ['urban_dibao', 'rural_dibao', 'tekun', 'medical', 'temporary'];

/**
 * Seeds every month from 2017-01 to the month of `today`: the figures as stored (illustrative,
 * already published), straight into the stores — thousands of them, not entered one by one.
 */
export async function seedAssistance(tx: Tx, today: string) {
  const r = rng(20170101);
  const noise = () => 1 + (r.next() - 0.5) * 0.02;
  const clerk = DEMO_USERS.find((x) => x.username === 'clerk')!;
  const current = periodOf(today);
  const lastPublished = addMonths(current, -1);
  for (let t = 0, p = FIRST_SEEDED_PERIOD; p <= current; t += 1, p = addMonths(p, 1)) {
    const month = Number(p.slice(5, 7));
    const entered = `${addMonths(p, 1)}-05`;
    const published = `${addMonths(p, 1)}-10`;
    const isDraft = p === current;
    const createdAt = `${isDraft || entered > today ? today : entered}T09:30:00+08:00`;
    const publishedAt = `${published > today ? today : published}T15:00:00+08:00`;
    for (const region of regionsIn(p)) {
      for (const program of PROGRAM_ORDER) {
        const values = valuesFor(program, region.code, t, month, noise);
        const rec: AssistanceFigure = {
          id: figureId(p, region.code, program),
          period: p,
          regionCode: region.code,
          program,
          values,
          status: isDraft ? 'draft' : 'published',
          illustrative: true,
          version: isDraft ? 1 : 2,
          createdAt,
          updatedAt: isDraft ? createdAt : publishedAt,
          publishedAt: isDraft ? null : publishedAt,
        };
        await tx.assistance.put(rec);
        // The recent months carry their history, as if entered through the app.
        if (p >= lastPublished) {
          await audit(
            tx,
            'assistance',
            rec.id,
            'create',
            clerk,
            `录入 ${p} ${region.name}（示例数据）`,
            {
              at: createdAt,
              after: { values, status: 'draft' },
            },
          );
          if (!isDraft)
            await audit(tx, 'assistance', rec.id, 'publish', clerk, `公开 ${p} ${region.name}`, {
              at: publishedAt,
              before: { status: 'draft' },
              after: { status: 'published' },
            });
        }
      }
    }
  }
}
