import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { formatNumber } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import type { SaveRow } from '../api';
import type { AssistanceFigure, FigureField } from '../types';

export interface Conflict {
  row: SaveRow;
  current: AssistanceFigure | undefined;
}

/**
 * Rows someone else changed while this user was editing: the current figure is shown, and the
 * user decides per row — their change on top of it, or the current figure. Never a silent
 * overwrite.
 */
export function ConflictAlert({
  conflicts,
  regionName,
  busy,
  onKeepMine,
  onDropMine,
}: {
  conflicts: Conflict[];
  regionName: (code: string) => string;
  busy: boolean;
  onKeepMine: (c: Conflict) => void;
  onDropMine: (c: Conflict) => void;
}) {
  const { t, locale } = useI18n();
  if (conflicts.length === 0) return null;
  const describe = (f: AssistanceFigure) =>
    Object.entries(f.values)
      .map(
        ([k, v]) =>
          `${t(`assistance.fields.${k as FigureField}`)} ${formatNumber(v, locale, v % 1 ? 2 : 0)}`,
      )
      .join(t('app.commaSep'));
  return (
    <Alert color="orange" title={t('assistance.conflict.title')} role="alert">
      <Stack gap="xs">
        <Text size="sm">{t('assistance.conflict.body')}</Text>
        <List spacing="xs" size="sm">
          {conflicts.map((c) => (
            <List.Item key={c.row.id}>
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {regionName(c.row.regionCode)} · {t(`assistance.programs.${c.row.program}`)}
                </Text>
                {c.current && (
                  <Text size="xs">
                    {t('assistance.conflict.current', {
                      values: describe(c.current),
                      version: c.current.version,
                    })}
                  </Text>
                )}
                <Group gap="xs">
                  <Button size="xs" loading={busy} onClick={() => onKeepMine(c)}>
                    {t('assistance.conflict.keepMine')}
                  </Button>
                  <Button size="xs" variant="default" onClick={() => onDropMine(c)}>
                    {t('assistance.conflict.dropMine')}
                  </Button>
                </Group>
              </Stack>
            </List.Item>
          ))}
        </List>
      </Stack>
    </Alert>
  );
}
