import { Stack, Table, Text } from '@mantine/core';
import { formatNumber } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { bandsFor, feeFor, type FeeMethod } from '../fees';

/** The progressive bands for the chosen method, the units falling in each, and the total. */
export function FeeCalculator({
  method,
  count,
  prior = 0,
}: {
  method: FeeMethod;
  count: number;
  prior?: number;
}) {
  const { t, locale } = useI18n();
  const valid = Number.isInteger(count) && count >= 0;
  const { amount, lines } = valid ? feeFor(method, count, prior) : { amount: 0, lines: [] };
  const unit =
    method === 'per_item' ? t('applications.fees.unitItem') : t('applications.fees.unitPage');
  const bands = bandsFor(method, Math.max(prior + (valid ? count : 0), 50));
  return (
    <Stack gap={4} data-testid="fee-calculator">
      <Text size="sm" fw={600}>
        {t('applications.fees.title')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('applications.fees.basis')}
      </Text>
      {prior > 0 && <Text size="xs">{t('applications.fees.prior', { n: prior })}</Text>}
      <Table withTableBorder verticalSpacing={2} fz="xs">
        <Table.Tbody>
          {bands.map((b) => {
            const line = lines.find((l) => l.band.from === b.from);
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
      <Text fw={700} data-testid="fee-total">
        {t('applications.fees.total', { amount: formatNumber(amount, locale) })}
      </Text>
    </Stack>
  );
}
