import { Alert, Button, Group, Loader, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconAlertCircle, IconCheck, IconPencil } from '@tabler/icons-react';
import { DateField } from '@/components/date-field';
import { formatDate } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import type { Narrative, NarrativeRecord, NarrativeSection } from '../types';
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
  field: NarrativeSection;
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

/**
 * 落款日期: the date the report is published under, set by the office (it is rarely the day the
 * figures were compiled); blank, the compilation day. Printing and the Word file show the date.
 */
export function PublishedOnField({
  value,
  compiledOn,
  editable,
  onChange,
}: {
  value: string;
  compiledOn: string;
  editable: boolean;
  onChange: (field: keyof Narrative, text: string) => void;
}) {
  const { t, locale } = useI18n();
  const shown = <div>{formatDate(value || compiledOn, locale)}</div>;
  if (!editable) return shown;
  return (
    <>
      <DateField
        className={classes.noPrint}
        label={t('report.narrative.publishedOn')}
        description={t('report.narrative.publishedOnHint', {
          date: formatDate(compiledOn, locale),
        })}
        value={value || null}
        onChange={(v) => onChange('publishedOn', v ?? '')}
        clearable
        size="sm"
        data-testid="narrative-publishedOn"
      />
      <div className={classes.printOnly}>{shown}</div>
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
    ) : status === 'failed' || status === 'conflict' ? (
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
        <Text
          size="sm"
          className={status === 'failed' || status === 'conflict' ? classes.danger : classes.muted}
        >
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

const FIELDS = ['overview', 'problems', 'other'] as const;

/**
 * Someone else saved the narrative while this user was writing (409): their text, section by
 * section where it differs, and the choice — keep mine (saved over theirs) or take theirs. Until
 * then nothing is sent and the user's text stays in the fields and the local draft.
 */
export function NarrativeConflict({
  current,
  mine,
  onKeepMine,
  onTakeTheirs,
}: {
  current: NarrativeRecord;
  mine: Narrative;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const { t } = useI18n();
  const differing = FIELDS.filter((f) => current[f] !== mine[f]);
  return (
    <Alert
      color="orange"
      role="alert"
      title={t('report.narrative.conflict.title')}
      className={classes.noPrint}
      data-testid="narrative-conflict"
    >
      <Stack gap="xs">
        <Text size="sm">{t('report.narrative.conflict.body', { version: current.version })}</Text>
        {differing.map((f) => (
          <section
            key={f}
            aria-label={t('report.narrative.conflict.theirs', {
              section: t(`report.sections.${f}`),
            })}
          >
            <Title order={3} size="h6">
              {t('report.narrative.conflict.theirs', { section: t(`report.sections.${f}`) })}
            </Title>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid={`theirs-${f}`}>
              {current[f] || t('report.narrative.empty')}
            </Text>
          </section>
        ))}
        <Group gap="xs">
          <Button size="xs" color="orange" onClick={onKeepMine}>
            {t('report.narrative.conflict.keepMine')}
          </Button>
          <Button size="xs" variant="default" onClick={onTakeTheirs}>
            {t('report.narrative.conflict.takeTheirs')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
