import { Alert, Card, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { formatNumber } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { assistanceQueries } from '../api';
import { PROGRAMS, PROGRAM_FIELDS, type Program } from '../types';

/** One month: regions in force down, the programme's fields across. */
export function MonthGrid({ defaultPeriod }: { defaultPeriod: string }) {
  const { t, locale } = useI18n();
  const [period, setPeriod] = useState(defaultPeriod);
  const [program, setProgram] = useState<Program>('urban_dibao');
  const [regions, figures] = useQueries({
    queries: [assistanceQueries.regions(`${period}-01`), assistanceQueries.month(period)],
  });
  const fields = PROGRAM_FIELDS[program];
  const valueOf = (code: string, field: string) =>
    figures.data?.find((f) => f.regionCode === code && f.program === program)?.values[field] ??
    null;

  return (
    <Stack gap="md">
      <Card padding="md">
        <Group gap="md" align="flex-end" wrap="wrap">
          <MonthPickerInput
            label={t('assistance.month')}
            value={`${period}-01`}
            onChange={(v) => v && setPeriod(v.slice(0, 7))}
            valueFormat={locale === 'zh-CN' ? 'YYYY年M月' : 'YYYY-MM'}
            maxDate={new Date()}
            minDate="2017-01-01"
            w={160}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('assistance.program')}
            </Text>
            <SegmentedControl
              value={program}
              onChange={(v) => setProgram(v as Program)}
              data={PROGRAMS.map((p) => ({ value: p, label: t(`assistance.programs.${p}`) }))}
            />
          </Stack>
        </Group>
      </Card>
      <Alert variant="light" color="gray">
        {t('assistance.regionsNote')}
      </Alert>
      {regions.isPending || figures.isPending ? (
        <LoadingState rows={12} />
      ) : regions.isError || figures.isError ? (
        <ErrorState
          error={regions.error ?? figures.error}
          onRetry={() => void Promise.all([regions.refetch(), figures.refetch()])}
        />
      ) : (
        <Card padding={0}>
          <Table.ScrollContainer minWidth={720}>
            <Table
              withColumnBorders
              aria-label={`${t(`assistance.programs.${program}`)} ${period}`}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('assistance.region')}</Table.Th>
                  {fields.map((f) => (
                    <Table.Th key={f} ta="right">
                      {t(`assistance.fields.${f}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {regions.data?.map((r) => (
                  <Table.Tr key={r.code}>
                    <Table.Th scope="row" fw={500}>
                      {locale === 'zh-CN' ? r.name : r.nameEn}{' '}
                      <Text span size="xs" c="dimmed" ff="monospace">
                        {r.code}
                      </Text>
                    </Table.Th>
                    {fields.map((f) => {
                      const v = valueOf(r.code, f);
                      return (
                        <Table.Td key={f} ta="right" ff="monospace">
                          {v === null ? (
                            <Text span size="xs" c="dimmed">
                              {t('assistance.notEntered')}
                            </Text>
                          ) : (
                            formatNumber(v, locale)
                          )}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </Stack>
  );
}
