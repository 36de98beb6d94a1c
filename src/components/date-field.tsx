import '@mantine/dates/styles.layer.css';
import {
  DateInput,
  DatePickerInput,
  type DateInputProps,
  type DatePickerInputProps,
} from '@mantine/dates';
import { parseTypedDate } from '@/lib/dates';
import { formatDate } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';

/**
 * A date input the office can type into (back-dating is common) or pick from a calendar. It shows
 * the date as every page writes it (2026年9月30日 / 2026-09-30, `formatDate`) and reads any of the
 * forms people type — 2026-09-30, 2026/9/30, 2026.9.30, 2026年9月30日 — in either language
 * (`parseTypedDate`, the one reading of a date); its value is always `YYYY-MM-DD`.
 */
export function DateField(props: Omit<DateInputProps, 'valueFormat' | 'dateParser'>) {
  const { t, locale } = useI18n();
  return (
    <DateInput
      valueFormat={(value) => formatDate(value, locale)}
      dateParser={parseTypedDate}
      placeholder={t('app.date.placeholder')}
      {...props}
    />
  );
}

/**
 * A range of days picked on a calendar, written as DateField writes a day: 2026年9月1日 至
 * 2026年9月30日 / 2026-09-01 – 2026-09-30. Its value is a pair of `YYYY-MM-DD` (or nulls).
 */
export function DateRangeField(props: Omit<DatePickerInputProps<'range'>, 'type' | 'valueFormat'>) {
  const { t, locale } = useI18n();
  const sep = t('app.date.rangeSep');
  return (
    <DatePickerInput
      type="range"
      valueFormatter={({ date }) => {
        const [from, to] = Array.isArray(date) ? date : [];
        if (!from) return '';
        return `${formatDate(String(from), locale)} ${sep} ${to ? formatDate(String(to), locale) : ''}`.trimEnd();
      }}
      {...props}
    />
  );
}
