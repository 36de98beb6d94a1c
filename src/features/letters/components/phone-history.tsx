import { Alert, Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconHistory, IconLink } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { formatDate } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { letterQueries } from '../api';
import { oneYearBack } from '../rules';
import { PHONE_RE, type LetterRef } from '../types';

const SHOWN = 5;

/**
 * While registering: the letters from this phone number in the past year (「该号码近一年有 N 件
 * 来信」), found by the server on the stored numbers, each a link; one may be chosen as the
 * original this letter repeats (重复件).
 */
export function PhoneHistory({
  phone,
  today,
  duplicateOf,
  onPick,
  error,
}: {
  phone: string;
  today: string;
  duplicateOf: LetterRef | null;
  onPick: (ref: LetterRef | null) => void;
  error?: string | undefined;
}) {
  const { t, locale } = useI18n();
  const [typed] = useDebouncedValue(phone.trim(), 300);
  const valid = PHONE_RE.test(typed);
  const filters = {
    phone: typed,
    receivedFrom: oneYearBack(today),
    sort: '-receivedOn' as const,
    pageSize: SHOWN,
  };
  const query = useQuery({ ...letterQueries.list(filters), enabled: valid });
  const chosen = duplicateOf && (
    <Group gap="xs" data-testid="duplicate-chosen">
      <Text size="sm">
        {t('letters.cases.phone.duplicateChosen', { serialNo: duplicateOf.serialNo })}
      </Text>
      <Button size="compact-xs" variant="subtle" onClick={() => onPick(null)}>
        {t('letters.cases.phone.unmark')}
      </Button>
    </Group>
  );
  const errorLine = error && (
    <Text size="sm" c="red" role="alert">
      {error}
    </Text>
  );
  if (!valid || !query.data)
    return chosen || errorLine ? (
      <Stack gap={4}>
        {chosen}
        {errorLine}
      </Stack>
    ) : null;
  const { items, total } = query.data;
  if (total === 0)
    return (
      <Stack gap={4}>
        <Text size="sm" c="dimmed" data-testid="phone-history">
          {t('letters.cases.phone.historyNone')}
        </Text>
        {chosen}
        {errorLine}
      </Stack>
    );
  const all = `${paths.letters}?phone=${encodeURIComponent(typed)}&receivedFrom=${filters.receivedFrom}`;
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconHistory size={18} aria-hidden />}
      title={t('letters.cases.phone.history', { n: total })}
      data-testid="phone-history"
      aria-live="polite"
    >
      <Stack gap={6}>
        {items.map((l) => (
          <Group key={l.id} gap="xs" wrap="nowrap" justify="space-between">
            <Text size="sm" truncate="end">
              <Anchor component={Link} to={paths.letter(l.id)} target="_blank" ff="monospace">
                {l.serialNo}
              </Anchor>{' '}
              {formatDate(l.receivedOn, locale)} · {l.subject}{' '}
              <Badge size="xs" variant="outline" component="span">
                {t(`letters.statuses.${l.status}`)}
              </Badge>
            </Text>
            {duplicateOf?.id !== l.id && (
              <Button
                size="compact-xs"
                variant="light"
                leftSection={<IconLink size={12} aria-hidden />}
                onClick={() => onPick({ id: l.id, serialNo: l.serialNo })}
                aria-label={`${t('letters.cases.phone.markDuplicate')} ${l.serialNo}`}
              >
                {t('letters.cases.phone.markDuplicate')}
              </Button>
            )}
          </Group>
        ))}
        {total > SHOWN && (
          <Anchor component={Link} to={all} target="_blank" size="sm">
            {t('letters.cases.phone.historyMore', { n: SHOWN })} →
          </Anchor>
        )}
        {chosen}
        {errorLine}
      </Stack>
    </Alert>
  );
}
