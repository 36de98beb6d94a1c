import '@mantine/dates/styles.layer.css';
import { DateInput, type DateInputProps } from '@mantine/dates';

/** Accepts 2026-09-30, 2026/9/30, 2026.9.30 and 2026年9月30日; returns YYYY-MM-DD or null. */
export function parseTypedDate(input: string): string | null {
  const m = input.trim().match(/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}

/** A date input the office can type into (back-dating is common) or pick from a calendar. */
export function DateField(props: Omit<DateInputProps, 'valueFormat' | 'dateParser'>) {
  return (
    <DateInput
      valueFormat="YYYY-MM-DD"
      dateParser={parseTypedDate}
      placeholder="YYYY-MM-DD"
      {...props}
    />
  );
}
