import { Anchor, Button, Card, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { errorMessage } from '@/lib/errors';
import { serverFieldErrors } from '@/lib/form';
import { formatDate } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { useSession } from '@/lib/session';
import { getLetters, letterQueries, useUpdateLetter } from '../api';
import type { Letter } from '../types';

/**
 * 重复件 both ways: the original this letter repeats, and the letters that repeat it; the office
 * links and unlinks (PATCH /letters/{id}).
 */
export function LetterLinks({ letter }: { letter: Letter }) {
  const { t, locale } = useI18n();
  const { hasRole } = useSession();
  const office = hasRole('admin', 'clerk');
  const repeats = useQuery(letterQueries.list({ duplicateOf: letter.id, pageSize: 100 }));
  const update = useUpdateLetter(letter.id);
  const [serial, setSerial] = useState('');
  const [error, setError] = useState<string | null>(null);
  const items = repeats.data?.items ?? [];
  if (!office && !letter.duplicateOf && items.length === 0) return null;

  const fail = (e: unknown) => {
    const field = serverFieldErrors(e)?.duplicateOf;
    const m = errorMessage(e);
    setError(field ?? t(m.key, m.params));
  };
  const link = async () => {
    const s = serial.trim().toUpperCase();
    if (!s) return setError(t('validation.required'));
    try {
      const found = (await getLetters({ q: s, pageSize: 5 })).items.find((l) => l.serialNo === s);
      if (!found) return setError(t('letters.cases.duplicate.serialNotFound', { serialNo: s }));
      update.mutate(
        { patch: { duplicateOf: found.id }, version: letter.version },
        {
          onSuccess: () => {
            setSerial('');
            setError(null);
            notifications.show({
              color: 'green',
              message: t('letters.cases.duplicate.linked', { serialNo: s }),
            });
          },
          onError: fail,
        },
      );
    } catch (e) {
      fail(e);
    }
  };
  const unlink = () =>
    update.mutate(
      { patch: { duplicateOf: null }, version: letter.version },
      {
        onSuccess: () =>
          notifications.show({
            color: 'green',
            message: t('letters.cases.duplicate.unlinked', { serialNo: letter.serialNo }),
          }),
        onError: fail,
      },
    );

  return (
    <Card data-testid="letter-links">
      <Title order={2} size="h4" mb="xs">
        {t('letters.cases.duplicate.title')}
      </Title>
      <Stack gap="xs">
        {letter.duplicateOf ? (
          <Group gap="xs" justify="space-between">
            <Text size="sm">
              <Anchor component={Link} to={paths.letter(letter.duplicateOf.id)}>
                {t('letters.cases.duplicate.isDuplicateOf', {
                  serialNo: letter.duplicateOf.serialNo,
                })}
              </Anchor>
            </Text>
            {office && (
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={unlink}
                loading={update.isPending}
              >
                {t('letters.cases.duplicate.unlink')}
              </Button>
            )}
          </Group>
        ) : (
          office && (
            <Group gap="xs" align="flex-start" wrap="nowrap">
              <TextInput
                size="xs"
                label={t('letters.cases.duplicate.serialNo')}
                description={t('letters.cases.duplicate.linkHint')}
                value={serial}
                onChange={(e) => setSerial(e.currentTarget.value)}
                error={error}
                flex={1}
              />
              <Button size="xs" mt={38} onClick={() => void link()} loading={update.isPending}>
                {t('letters.cases.duplicate.link')}
              </Button>
            </Group>
          )
        )}
        {letter.duplicateOf && error && (
          <Text size="sm" c="red" role="alert">
            {error}
          </Text>
        )}
        {items.length > 0 && (
          <>
            <Text size="sm" fw={500}>
              {t('letters.cases.duplicate.repeats', { n: items.length })}
            </Text>
            <List size="sm" spacing={2} data-testid="letter-repeats">
              {items.map((r) => (
                <List.Item key={r.id}>
                  <Anchor component={Link} to={paths.letter(r.id)} ff="monospace" size="sm">
                    {r.serialNo}
                  </Anchor>{' '}
                  {formatDate(r.receivedOn, locale)}
                </List.Item>
              ))}
            </List>
          </>
        )}
        {!letter.duplicateOf && items.length === 0 && (
          <Text size="xs" c="dimmed">
            {t('letters.cases.duplicate.none')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
