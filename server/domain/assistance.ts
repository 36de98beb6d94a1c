/**
 * Social-assistance figures: the one place that changes them (handlers and seed), on both
 * backends, each change with its audit entry. Validation first, then writes, so nothing is written
 * on an error.
 */
import {
  figureId,
  isFuturePeriod,
  isPeriod,
  lineageOf,
  previousPeriod,
  regionsForPeriod,
} from '@/features/assistance/rules';
import {
  PROGRAM_FIELDS,
  PROGRAMS,
  type AssistanceFigure,
  type FigureValues,
  type Program,
} from '@/features/assistance/types';
import { translate, type Locale } from '@/lib/i18n/core';
import { audit, type Actor } from './audit';
import { errors } from './errors';
import type { Tx } from './ports';
import { REGIONS } from './reference';
import type { When } from './time';

export const FIRST_PERIOD = '2000-01';

export const regionsIn = (period: string) =>
  regionsForPeriod(REGIONS, period).sort((a, b) => a.code.localeCompare(b.code));
export const regionName = (code: string) => REGIONS.find((r) => r.code === code)?.name ?? code;

const PROGRAM_NAMES: Record<Program, string> = {
  urban_dibao: '城市低保',
  rural_dibao: '农村低保',
  tekun: '特困人员救助供养',
  medical: '医疗救助',
  temporary: '临时救助',
};
const label = (f: Pick<AssistanceFigure, 'period' | 'regionCode' | 'program'>) =>
  `${f.period} ${regionName(f.regionCode)} ${PROGRAM_NAMES[f.program]}`;

/** A month that can hold figures: well-formed, not before 2000, not after this month. */
export function periodError(period: string, today: string, locale: Locale): string | null {
  if (!isPeriod(period) || period < FIRST_PERIOD)
    return translate(locale, 'assistance.errors.period');
  if (isFuturePeriod(period, today)) return translate(locale, 'assistance.errors.futurePeriod');
  return null;
}

/** The month, region and program of a PUT: 422 with a message per path parameter that fails. */
export function checkTarget(
  target: { period: string; regionCode: string; program: string },
  today: string,
  locale: Locale,
): asserts target is { period: string; regionCode: string; program: Program } {
  const out: Record<string, string> = {};
  const period = periodError(target.period, today, locale);
  if (period) out.period = period;
  if (!(PROGRAMS as readonly string[]).includes(target.program))
    out.program = translate(locale, 'assistance.errors.program');
  if (!period && !regionsIn(target.period).some((r) => r.code === target.regionCode))
    out.regionCode = translate(locale, 'assistance.errors.regionNotInForce', {
      period: target.period,
    });
  if (Object.keys(out).length) throw errors.validation(out);
}

const sameValues = (a: FigureValues, b: FigureValues) =>
  Object.keys({ ...a, ...b }).every((k) => a[k] === b[k]);

/** Create (version 1, draft) or change a figure; a changed published figure is a draft again. */
export async function upsertFigure(
  tx: Tx,
  target: { period: string; regionCode: string; program: Program },
  values: FigureValues,
  actor: Actor,
  when: When,
  opts: { illustrative?: boolean; action?: string; detail?: string } = {},
): Promise<{ figure: AssistanceFigure; created: boolean }> {
  const id = figureId(target.period, target.regionCode, target.program);
  const existing = await tx.assistance.getForUpdate(id);
  const ordered: FigureValues = {};
  for (const f of PROGRAM_FIELDS[target.program]) ordered[f] = values[f] ?? 0;
  if (!existing) {
    const rec: AssistanceFigure = {
      id,
      ...target,
      values: ordered,
      status: 'draft',
      illustrative: opts.illustrative ?? false,
      version: 1,
      createdAt: when.at,
      updatedAt: when.at,
      publishedAt: null,
    };
    await tx.assistance.put(rec);
    await audit(
      tx,
      'assistance',
      id,
      opts.action ?? 'create',
      actor,
      opts.detail ?? `录入 ${label(rec)}`,
      {
        at: when.at,
        after: { values: ordered, status: 'draft' },
      },
    );
    return { figure: rec, created: true };
  }
  if (sameValues(existing.values, ordered)) return { figure: existing, created: false };
  const next: AssistanceFigure = {
    ...existing,
    values: ordered,
    status: 'draft',
    illustrative: opts.illustrative ?? false,
    version: existing.version + 1,
    updatedAt: when.at,
  };
  await tx.assistance.put(next);
  const wasPublished = existing.status === 'published';
  await audit(
    tx,
    'assistance',
    id,
    'update',
    actor,
    `修改 ${label(next)}${wasPublished ? '（已公开数据改为草稿，需重新公开）' : ''}`,
    {
      at: when.at,
      before: { values: existing.values, status: existing.status },
      after: { values: ordered, status: 'draft' },
    },
  );
  return { figure: next, created: false };
}

/**
 * Publish the listed drafts of a month, each at the version the client saw. Any figure that is
 * not a draft of this month (422), stale (409 version-conflict, with the current figures) or
 * already published (409 invalid-transition) stops the whole batch before anything is written.
 */
export async function publishFigures(
  tx: Tx,
  period: string,
  list: { id: string; version: number }[],
  actor: Actor,
  when: When,
  locale: Locale,
): Promise<AssistanceFigure[]> {
  const recs: (AssistanceFigure | undefined)[] = [];
  for (const x of list) recs.push(await tx.assistance.getForUpdate(x.id));
  const missing: Record<string, string> = {};
  recs.forEach((r, i) => {
    if (!r || r.period !== period)
      missing[`figures.${i}.id`] = translate(locale, 'assistance.errors.notInMonth');
  });
  if (Object.keys(missing).length) throw errors.validation(missing);
  const stale = recs.filter((r, i) => r!.version !== list[i]!.version);
  if (stale.length) throw errors.versionConflict(stale);
  const done = recs.filter((r) => r!.status === 'published');
  if (done.length)
    throw errors.invalidTransition(`Already published: ${done.map((r) => r!.id).join(', ')}`);
  const out: AssistanceFigure[] = [];
  for (const r of recs) {
    const next: AssistanceFigure = {
      ...r!,
      status: 'published',
      publishedAt: when.at,
      version: r!.version + 1,
      updatedAt: when.at,
    };
    await tx.assistance.put(next);
    await audit(tx, 'assistance', next.id, 'publish', actor, `公开 ${label(next)}`, {
      at: when.at,
      before: { status: 'draft' },
      after: { status: 'published' },
    });
    out.push(next);
  }
  return out;
}

/**
 * The previous month's figures as drafts for every (region, program) this month still lacks. A
 * unit created in the 2018 reorganisation starts from the sum of the units it replaced.
 */
export async function copyFromPrevious(
  tx: Tx,
  period: string,
  actor: Actor,
  when: When,
): Promise<AssistanceFigure[]> {
  const prev = previousPeriod(period);
  const created: AssistanceFigure[] = [];
  for (const region of regionsIn(period)) {
    for (const program of PROGRAMS) {
      if (await tx.assistance.get(figureId(period, region.code, program))) continue;
      const own = await tx.assistance.get(figureId(prev, region.code, program));
      const sources: AssistanceFigure[] = own ? [own] : [];
      if (!own)
        for (const c of lineageOf(region.code).slice(1)) {
          const f = await tx.assistance.get(figureId(prev, c, program));
          if (f) sources.push(f);
        }
      if (sources.length === 0) continue;
      const { figure } = await upsertFigure(
        tx,
        { period, regionCode: region.code, program },
        merge(program, sources),
        actor,
        when,
        {
          illustrative: sources.some((s) => s.illustrative),
          action: 'copy',
          detail: `由${prev}数据复制 ${period} ${region.name} ${PROGRAM_NAMES[program]}（草稿）`,
        },
      );
      created.push(figure);
    }
  }
  return created;
}

/** Sum counts and spending; the standard weighted by persons. */
function merge(program: Program, sources: AssistanceFigure[]): FigureValues {
  if (sources.length === 1) return { ...sources[0]!.values };
  const out: FigureValues = {};
  for (const f of PROGRAM_FIELDS[program]) {
    if (f === 'standard') {
      const persons = sources.reduce((s, x) => s + (x.values.persons ?? 0), 0);
      const weighted = sources.reduce(
        (s, x) => s + (x.values.standard ?? 0) * (x.values.persons ?? 0),
        0,
      );
      out[f] = persons ? Math.round((weighted / persons) * 100) / 100 : 0;
    } else {
      const sum = sources.reduce((s, x) => s + (x.values[f] ?? 0), 0);
      out[f] = f === 'expenditure' ? Math.round(sum * 100) / 100 : sum;
    }
  }
  return out;
}
