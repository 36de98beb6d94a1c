import { Stack, Table, Text } from '@mantine/core';
import { formatNumber } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { bandsFor, type FeeMethod } from '../fees';
import type { FeeQuote } from '../types';

/**
 * The progressive bands for the chosen method, the units falling in each, and the total — as the
 * server quotes them (its prior count for the applicant's month, its amount): what the notice
 * will record. Without a quote yet (typing) the bands alone.
 */
export function FeeCalculator({ method, quote }: { method: FeeMethod; quote: FeeQuote | null }) {
  const { t, locale } = useI18n();
  const current = quote && quote.method === method ? quote : null;
  const unit =
    method === 'per_item' ? t('applications.fees.unitItem') : t('applications.fees.unitPage');
  const bands = bandsFor(method, Math.max(current ? current.prior + current.count : 0, 50));
  return (
    <Stack gap={4} data-testid="fee-calculator">
      <Text component="h3" size="sm" fw={600} m={0}>
        {t('applications.fees.title')}
      </Text>
      <Text size="xs" c="dimmed">
        {t(method === 'per_item' ? 'applications.fees.basisItem' : 'applications.fees.basisPage')}
      </Text>
      {current && method === 'per_item' && (
        <Text size="xs" data-testid="fee-prior">
          {t('applications.fees.prior', { n: current.prior })}
        </Text>
      )}
      <Table withTableBorder verticalSpacing={2} fz="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('applications.fees.colBand')}</Table.Th>
            <Table.Th>{t('applications.fees.colRate')}</Table.Th>
            <Table.Th ta="right">{t('applications.fees.colAmount')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {bands.map((b) => {
            const line = current?.lines.find((l) => l.from === b.from);
            return (
              <Table.Tr key={b.from} fw={line ? 600 : undefined}>
                <Table.Td>
                  {b.to === null
                    ? t('applications.fees.bandOpen', { from: b.from, unit })
                    : t('applications.fees.band', { from: b.from, to: b.to, unit })}
                </Table.Td>
                <Table.Td>
                  {b.rate === 0
                    ? t('applications.fees.free')
                    : t('applications.fees.rate', { rate: b.rate, unit })}
                </Table.Td>
                <Table.Td ta="right">
                  {line ? `${line.units} × ${b.rate} = ${formatNumber(line.amount, locale)}` : ''}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Text fw={700} data-testid="fee-total" aria-live="polite">
        {current
          ? current.amount > 0
            ? t('applications.fees.total', { amount: formatNumber(current.amount, locale) })
            : t('applications.fees.nothingOwed')
          : '…'}
      </Text>
    </Stack>
  );
}
