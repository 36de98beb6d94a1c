import { Alert, List, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useI18n } from '@/lib/i18n/provider';
import { rowKey, type ReportLabels } from '../tables';
import type { ReportWarning } from '../types';
import classes from './report.module.css';

/** Where a warning points, in words: a column, a row, or a row and column of table 三. */
function place(w: ReportWarning, L: ReportLabels): string {
  const col = (c: string) => (c in L.t3 ? String(L.t3[c as keyof ReportLabels['t3']]) : c);
  const row = (code: string) => L.t3.rows[rowKey(code)] ?? code;
  if (w.code === 'identity') return col(w.where);
  if (w.code === 'total_column') return row(w.where);
  if (w.code === 'parent_row') {
    const [code = '', c = ''] = w.where.split('/');
    return `${row(code)} · ${col(c)}`;
  }
  return w.where;
}

/** The compile checks, prominent above the report: problems as a warning list, or a passed check. */
export function ReportWarnings({
  warnings,
  labels,
}: {
  warnings: ReportWarning[];
  labels: ReportLabels;
}) {
  const { t } = useI18n();
  if (warnings.length === 0)
    return (
      <Text size="sm" className={`${classes.success} ${classes.noPrint}`} role="status">
        <IconCircleCheck size={16} aria-hidden /> {t('report.warnings.ok')}
      </Text>
    );
  return (
    <Alert
      color="orange"
      variant="light"
      role="alert"
      icon={<IconAlertTriangle aria-hidden />}
      title={t('report.warnings.title', { n: warnings.length })}
      className={classes.noPrint}
      classNames={{ title: classes.alertTitle }}
      data-testid="report-warnings"
    >
      <List size="sm" spacing={4}>
        {warnings.map((w, i) => (
          <List.Item key={i}>
            {t(`report.warnings.${w.code}`, { where: place(w, labels), message: w.message })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
