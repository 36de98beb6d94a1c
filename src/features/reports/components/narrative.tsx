import { Button, Group, Loader, Text, Textarea } from '@mantine/core';
import { IconAlertCircle, IconCheck, IconPencil } from '@tabler/icons-react';
import { useI18n } from '@/lib/i18n/provider';
import type { Narrative } from '../types';
import classes from './report.module.css';
import type { SaveStatus } from './use-narrative-autosave';

/** Paragraphs of narrative text as the published report shows them. */
export function Prose({ text, empty }: { text: string; empty?: string }) {
  const paras = text
    .split(/\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (paras.length === 0)
    return empty ? (
      <Text size="sm" className={`${classes.prose} ${classes.muted} ${classes.noPrint}`}>
        {empty}
      </Text>
    ) : null;
  return (
    <>
      {paras.map((p, i) => (
        <p key={i} className={classes.prose}>
          {p}
        </p>
      ))}
    </>
  );
}

/**
 * One narrative section (一, 五 or 六): a textarea labelled by the section heading for the office,
 * plain text for leaders; printing shows the text, not the field.
 */
export function NarrativeField({
  field,
  headingId,
  value,
  editable,
  onChange,
}: {
  field: keyof Narrative;
  headingId: string;
  value: string;
  editable: boolean;
  onChange: (field: keyof Narrative, text: string) => void;
}) {
  const { t } = useI18n();
  if (!editable) return <Prose text={value} empty={t('report.narrative.empty')} />;
  return (
    <>
      <Textarea
        className={classes.noPrint}
        aria-labelledby={headingId}
        placeholder={t(`report.narrative.placeholders.${field}`)}
        value={value}
        onChange={(e) => onChange(field, e.currentTarget.value)}
        autosize
        minRows={3}
        maxLength={20000}
        data-testid={`narrative-${field}`}
      />
      <div className={classes.printOnly}>
        <Prose text={value} />
      </div>
    </>
  );
}

/** 已保存 / 保存中 / 保存失败 — in words and an icon, never colour alone; a retry after a failure. */
export function SaveStatusIndicator({
  status,
  onRetry,
}: {
  status: SaveStatus;
  onRetry: () => void;
}) {
  const { t } = useI18n();
  const icon =
    status === 'saving' ? (
      <Loader size={14} aria-hidden />
    ) : status === 'failed' ? (
      <IconAlertCircle size={16} aria-hidden />
    ) : status === 'pending' ? (
      <IconPencil size={16} aria-hidden />
    ) : (
      <IconCheck size={16} aria-hidden />
    );
  return (
    <Group gap={6} wrap="nowrap" data-testid="save-status">
      <Group gap={4} wrap="nowrap" role="status" aria-live="polite">
        {icon}
        <Text size="sm" className={status === 'failed' ? classes.danger : classes.muted}>
          {t(`report.narrative.status.${status}`)}
        </Text>
      </Group>
      {status === 'failed' && (
        <>
          <Button size="compact-sm" variant="light" color="red" onClick={onRetry}>
            {t('report.narrative.retry')}
          </Button>
          <Text size="xs" className={classes.muted} visibleFrom="md">
            {t('report.narrative.failedHint')}
          </Text>
        </>
      )}
    </Group>
  );
}
