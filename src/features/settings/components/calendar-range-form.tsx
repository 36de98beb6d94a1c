import { Button, Fieldset, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { DateField } from '@/components/date-field';
import { zodValidate } from '@/lib/form';
import { useI18n } from '@/lib/i18n/provider';
import type { AdminDay } from '@/lib/workdays';
import { calendarRangeSchema, expandRange, type CalendarRange } from '../calendar-range';

/**
 * 按日期段添加: a run of days (a holiday week, say) entered once with one name, added to the
 * year's list as the days it changes. Not its own <form>: it sits inside the year's form.
 */
export function CalendarRangeForm({
  year,
  onAdd,
}: {
  year: number;
  onAdd: (days: AdminDay[]) => void;
}) {
  const { t, tx } = useI18n();
  const [added, setAdded] = useState<{ n: number; skipped: number } | null>(null);
  const form = useForm<CalendarRange>({
    mode: 'controlled',
    initialValues: { from: '', to: '', workday: false, name: '' },
    validate: zodValidate(calendarRangeSchema(year), tx),
  });

  const add = () => {
    setAdded(null);
    if (form.validate().hasErrors) return;
    const { days, skipped } = expandRange(form.values, year);
    if (days.length === 0) {
      form.setFieldError(
        'to',
        t(form.values.workday ? 'calendar.range.noneWork' : 'calendar.range.noneOff'),
      );
      return;
    }
    onAdd(days);
    setAdded({ n: days.length, skipped });
    form.reset();
  };

  return (
    <Fieldset legend={t('calendar.range.legend')} variant="filled" mt="sm">
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('calendar.range.hint')}
        </Text>
        <Group align="flex-start" gap="xs">
          <DateField
            label={t('calendar.range.from')}
            defaultDate={`${year}-01-01`}
            w={150}
            {...form.getInputProps('from')}
            value={form.values.from || null}
            onChange={(v) => form.setFieldValue('from', v ?? '')}
          />
          <DateField
            label={t('calendar.range.to')}
            defaultDate={form.values.from || `${year}-01-01`}
            w={150}
            {...form.getInputProps('to')}
            value={form.values.to || null}
            onChange={(v) => form.setFieldValue('to', v ?? '')}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('calendar.range.kind')}
            </Text>
            <SegmentedControl
              aria-label={t('calendar.range.kind')}
              value={form.values.workday ? 'work' : 'off'}
              onChange={(v) => form.setFieldValue('workday', v === 'work')}
              data={[
                { value: 'off', label: t('calendar.range.off') },
                { value: 'work', label: t('calendar.range.work') },
              ]}
            />
          </Stack>
          <TextInput label={t('calendar.range.name')} w={180} {...form.getInputProps('name')} />
          <Button
            mt={25}
            variant="light"
            leftSection={<IconCalendarPlus size={16} aria-hidden />}
            onClick={add}
          >
            {t('calendar.range.add')}
          </Button>
        </Group>
        <Text size="sm" role="status">
          {added
            ? t('calendar.range.added', { n: added.n }) +
              (added.skipped ? t('calendar.range.skipped', { n: added.skipped }) : '')
            : ''}
        </Text>
      </Stack>
    </Fieldset>
  );
}
