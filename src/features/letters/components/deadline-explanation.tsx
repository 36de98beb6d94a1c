import { Alert, Badge, Group, List, Stack, Text } from '@mantine/core';
import { formatDate, formatShortDate } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import type { WorkdaysResult } from '@/types/calendar';

/**
 * "How this deadline was computed": the server's count (GET /calendar/workdays), shown as the
 * start day, the days counted, the days off skipped by name, the make-up days counted.
 */
export function DeadlineExplanation({ result, title }: { result: WorkdaysResult; title?: string }) {
  const { t, locale } = useI18n();
  const holidays = new Map<string, string[]>();
  let weekendDays = 0;
  for (const s of result.skipped) {
    if (s.kind === 'weekend') weekendDays += 1;
    else holidays.set(s.name, [...(holidays.get(s.name) ?? []), s.date]);
  }
  return (
    <Stack gap={6} data-testid="deadline-explanation">
      {title && (
        <Text fw={600} size="sm">
          {title}
        </Text>
      )}
      <List size="sm" spacing={2}>
        <List.Item>{t('calendar.from', { date: formatDate(result.from, locale) })}</List.Item>
        <List.Item>{t('calendar.counted', { n: result.count })}</List.Item>
        {result.skipped.length > 0 && (
          <List.Item>
            {t('calendar.skipped')}
            {t('app.colon')}
            <Group gap={4} display="inline-flex" ml={4}>
              {[...holidays.entries()].map(([name, dates]) => (
                <Badge key={name} color="green" size="sm">
                  {t('app.paren', {
                    text: `${name} ${formatShortDate(dates[0], locale)}${dates.length > 1 ? `–${formatShortDate(dates[dates.length - 1], locale)}` : ''}`,
                    note: dates.length,
                  })}
                </Badge>
              ))}
              {weekendDays > 0 && (
                <Badge color="gray" size="sm">
                  {t('app.paren', { text: t('calendar.weekend'), note: weekendDays })}
                </Badge>
              )}
            </Group>
          </List.Item>
        )}
        {result.makeUpDays.length > 0 && (
          <List.Item>
            {t('calendar.makeUpDays')}
            {t('app.colon')}
            {result.makeUpDays.map((m) => (
              <Badge key={m.date} color="orange" size="sm" ml={4}>
                {formatShortDate(m.date, locale)} {m.name}
              </Badge>
            ))}
          </List.Item>
        )}
        <List.Item>
          <Text span fw={600} size="sm">
            {t('calendar.result', { n: result.count, date: formatDate(result.date, locale) })}
          </Text>
        </List.Item>
      </List>
      {result.provisional && (
        <Alert color="yellow" variant="light" p="xs">
          <Text size="xs">
            <b>{t('calendar.provisional')}</b> · {t('calendar.provisionalHint')}
          </Text>
        </Alert>
      )}
    </Stack>
  );
}
