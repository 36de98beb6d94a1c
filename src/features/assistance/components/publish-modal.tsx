import { Alert, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { LoadingState } from '@/components/loading-state';
import { formatNumber, formatPercent } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import type { MonthChange } from '../summary';
import type { Program } from '../types';

/** The unit of each program's recipients (RECIPIENTS in types.ts: a stock or a flow). */
const UNIT = {
  urban_dibao: 'assistance.units.persons',
  rural_dibao: 'assistance.units.persons',
  tekun: 'assistance.units.persons',
  medical: 'assistance.units.personTimes',
  temporary: 'assistance.units.householdTimes',
} as const satisfies Record<Program, string>;

/**
 * Confirms publishing a month's drafts: how many, whether the month is complete or still running,
 * and the month's totals by program against the month before, so a slip shows before it is public.
 */
export function PublishModal({
  opened,
  month,
  previousMonth,
  inProgress,
  comparison,
  drafts,
  missing,
  busy,
  error,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  month: string;
  previousMonth: string;
  /** The month is today's: not over yet. */
  inProgress: boolean;
  /** Null while the month before is loading. */
  comparison: MonthChange[] | null;
  drafts: number;
  missing: number;
  busy: boolean;
  /** What the server said when publishing failed; the dialog stays open for a retry. */
  error?: string | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const change = (ratio: number | null) =>
    ratio === null ? '—' : `${ratio > 0 ? '+' : ''}${formatPercent(ratio, locale)}`;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('assistance.actions.publishTitle', { month })}
      closeButtonProps={{ 'aria-label': t('app.close') }}
      size="lg"
    >
      <Stack gap="md">
        {inProgress && (
          <Alert color="orange" variant="light" title={t('assistance.actions.inProgressTitle')}>
            {t('assistance.actions.inProgressBody', { month })}
          </Alert>
        )}
        <Text size="sm">{t('assistance.actions.publishBody', { n: drafts })}</Text>
        {comparison === null ? (
          <LoadingState rows={3} />
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table
              fz="sm"
              withTableBorder
              aria-label={t('assistance.actions.totalsCaption', { month, previousMonth })}
            >
              <Table.Caption>
                {t('assistance.actions.totalsCaption', { month, previousMonth })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('assistance.program')}</Table.Th>
                  <Table.Th ta="right">{t('assistance.actions.recipients')}</Table.Th>
                  <Table.Th ta="right">{t('assistance.actions.vsPrevious')}</Table.Th>
                  <Table.Th ta="right">{t('assistance.fields.expenditure')}</Table.Th>
                  <Table.Th ta="right">{t('assistance.actions.vsPrevious')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {comparison.map((r) => (
                  <Table.Tr key={r.program} data-testid={`publish-total-${r.program}`}>
                    <Table.Th scope="row" fw={500}>
                      {t(`assistance.programs.${r.program}`)}
                    </Table.Th>
                    <Table.Td ta="right">
                      {formatNumber(r.current.recipients, locale)} {t(UNIT[r.program])}
                    </Table.Td>
                    <Table.Td ta="right">{change(r.change.recipients)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(r.current.expenditure, locale, 2)}</Table.Td>
                    <Table.Td ta="right">{change(r.change.expenditure)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {error && (
          <Alert color="red" role="alert" title={error}>
            {t('assistance.actions.publishFailedHint')}
          </Alert>
        )}
        {missing > 0 && (
          <Alert color="yellow" variant="light">
            {t('assistance.actions.publishIncomplete', { n: missing })}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button loading={busy} onClick={onConfirm}>
            {t('assistance.actions.publish')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
