import { Button, Switch } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useI18n } from '@/lib/i18n/provider';
import classes from './report.module.css';

/** 对比上年: last year's figure beside each number. */
export function CompareSwitch({
  checked,
  onChange,
}: {
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  const { t } = useI18n();
  return (
    <Switch
      label={t('report.toolbar.compare')}
      description={t('report.toolbar.compareHint')}
      classNames={{ description: classes.muted }}
      checked={checked}
      onChange={(e) => onChange(e.currentTarget.checked)}
    />
  );
}

/** 打印: the print stylesheet lays the report out on A4 without the app around it. */
export function PrintButton() {
  const { t } = useI18n();
  return (
    <Button
      variant="default"
      leftSection={<IconPrinter size={16} aria-hidden />}
      onClick={() => window.print()}
    >
      {t('report.toolbar.print')}
    </Button>
  );
}
