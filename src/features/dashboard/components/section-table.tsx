import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { formatPercent } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { useSectionName } from '@/lib/sections';
import type { Dashboard } from '../types';
import classes from './dashboard.module.css';

/**
 * 各科室办理情况: per section, letters at work, overdue now, the year's on-time rate and 督办件,
 * computed by the server with the KPIs' rules. Each figure opens the letters behind it (a rate:
 * the closed letters it rests on), and the list says it came from here.
 */
export function SectionTable({ data }: { data: Dashboard }) {
  const { t, locale } = useI18n();
  const sectionName = useSectionName();
  const y = data.year;
  const link = (
    sectionId: string,
    q: string,
    metric: string,
    text: string,
    label: string,
    alarm = false,
  ) => (
    <Anchor
      component={Link}
      to={`${paths.letters}?sectionId=${sectionId}&${q}&from=section:${sectionId}:${metric}`}
      aria-label={label}
      c={alarm ? 'red.8' : undefined}
      fw={alarm ? 700 : undefined}
    >
      {text}
    </Anchor>
  );
  return (
    <section aria-label={t('dashboard.bySection.title')} className={classes.sectionTable}>
      <h2 className={classes.sectionTitle}>{t('dashboard.bySection.title')}</h2>
      <Text size="xs" c="dimmed" mb="xs">
        {t('dashboard.bySection.caption', { year: y })}
      </Text>
      <Table.ScrollContainer minWidth={340}>
        <Table striped withTableBorder data-testid="section-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('dashboard.bySection.section')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('dashboard.bySection.inProgress')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('dashboard.bySection.overdue')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('dashboard.bySection.onTimeRate')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('dashboard.bySection.supervised')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.sections.map((s) => {
              const name = sectionName(s.sectionId);
              const cell = (key: 'inProgress' | 'overdue' | 'supervised', value: string) =>
                `${name} · ${t(`dashboard.bySection.${key}`)} ${value}`;
              const r = s.onTimeRate;
              const rate = r.value === null ? '—' : formatPercent(r.value, locale);
              return (
                <Table.Tr key={s.sectionId}>
                  <Table.Th scope="row" fw={500}>
                    {name}
                  </Table.Th>
                  <Table.Td ta="right">
                    {link(
                      s.sectionId,
                      'status=assigned&sort=remainingWorkdays',
                      'inProgress',
                      String(s.inProgress),
                      cell('inProgress', String(s.inProgress)),
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    {link(
                      s.sectionId,
                      'alert=overdue&sort=remainingWorkdays',
                      'overdue',
                      String(s.overdue),
                      cell('overdue', String(s.overdue)),
                      s.overdue > 0,
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    {link(
                      s.sectionId,
                      `year=${y}&status=closed`,
                      'onTimeRate',
                      rate,
                      `${name} · ${t('dashboard.bySection.onTimeRate')} ${rate}`,
                    )}
                    <Text size="xs" c="dimmed">
                      {t('dashboard.rate.basis', { num: r.numerator, den: r.denominator })}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    {link(
                      s.sectionId,
                      `year=${y}&supervised=true`,
                      'supervised',
                      String(s.supervised),
                      cell('supervised', String(s.supervised)),
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}
