import '@mantine/dates/styles.layer.css';
import { Card, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { useId } from 'react';
import { chinaToday } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { PROGRAMS, type Program } from '../types';
import type { GridProgram } from './grid-table';

/** The month (not after this one) and the program the grid shows; unsaved counts per program. */
export function GridToolbar({
  period,
  program,
  unsaved,
  onPeriod,
  onProgram,
}: {
  period: string;
  program: GridProgram;
  unsaved: Partial<Record<Program, number>>;
  onPeriod: (period: string) => void;
  onProgram: (program: GridProgram) => void;
}) {
  const { t, locale } = useI18n();
  const labelId = useId();
  return (
    <Card padding="md">
      <Group gap="md" align="flex-end" wrap="wrap">
        <MonthPickerInput
          label={t('assistance.month')}
          value={`${period}-01`}
          onChange={(v) => v && onPeriod(v.slice(0, 7))}
          valueFormat={locale === 'zh-CN' ? 'YYYY年M月' : 'YYYY-MM'}
          maxDate={chinaToday()}
          minDate="2017-01-01"
          w={160}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id={labelId}>
            {t('assistance.program')}
          </Text>
          <SegmentedControl
            aria-labelledby={labelId}
            value={program}
            onChange={(v) => onProgram(v as GridProgram)}
            data={[
              ...PROGRAMS.map((p) => ({
                value: p,
                label: `${t(`assistance.programs.${p}`)}${unsaved[p] ? ` (${unsaved[p]})` : ''}`,
              })),
              { value: 'all', label: t('assistance.allPrograms') },
            ]}
          />
        </Stack>
      </Group>
    </Card>
  );
}
