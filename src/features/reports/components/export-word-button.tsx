import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileTypeDocx } from '@tabler/icons-react';
import { useState } from 'react';
import { downloadBlob } from '@/lib/download';
import { useI18n } from '@/lib/i18n/provider';
import type { AnnualReport } from '../types';

/** 导出 Word: the docx package is loaded on first use, so it is not in the main bundle. */
export function ExportWordButton({ report }: { report: AnnualReport | undefined }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    if (!report) return;
    setBusy(true);
    try {
      const { reportToBlob, reportFileName } = await import('../docx');
      const file = reportFileName(report);
      downloadBlob(file, await reportToBlob(report));
      const n = report.warnings.length;
      notifications.show({
        color: n ? 'orange' : 'green',
        message: n
          ? t('report.toolbar.exportedWithWarnings', { file, n })
          : t('report.toolbar.exported', { file }),
      });
    } catch {
      notifications.show({ color: 'red', message: t('report.toolbar.exportFailed') });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      variant="light"
      leftSection={<IconFileTypeDocx size={16} aria-hidden />}
      loading={busy}
      disabled={!report}
      onClick={() => void run()}
    >
      {t('report.toolbar.exportWord')}
    </Button>
  );
}
