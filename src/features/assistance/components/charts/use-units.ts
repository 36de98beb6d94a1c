import { formatNumber } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { RECIPIENTS, type Program } from '../../types';

export const CHART_H = 220;

/** Numbers with their unit, for tooltips and tables. */
export function useUnits() {
  const { t, locale } = useI18n();
  const n = (v: number | null | undefined, digits = 0) => formatNumber(v ?? null, locale, digits);
  return {
    n,
    with:
      (unit: string, digits = 0) =>
      (v: number) =>
        `${n(v, digits)} ${unit}`,
    /** Axis ticks: the number only (the unit is in the axis label and the tooltip). */
    tick: (v: number) => n(v),
    wan: t('assistance.units.wan'),
    recipientsUnit: (p: Program) =>
      t(`assistance.units.${RECIPIENTS[p].field}` as 'assistance.units.persons'),
  };
}
