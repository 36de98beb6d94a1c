import {
  Alert,
  Button,
  Group,
  List,
  Modal,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowForward, IconDownload, IconFlag, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '@/lib/errors';
import { downloadText } from '@/lib/csv';
import { datedFileName } from '@/lib/download';
import { chinaToday } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { useSectionName, useSectionOptions } from '@/lib/sections';
import { useUser } from '@/lib/session';
import { useBulkLetters } from '../api';
import { mayAct } from '../rules';
import type { BulkLetterResult, Letter } from '../types';
import { lettersCsv } from '../utils';

type Action = 'assign' | 'supervise';

/** What a bulk request answered, with what was asked (the summary says to whom). */
export type BulkOutcome = BulkLetterResult & { action: Action; sectionId: string | null };

/**
 * The bar over the list while rows are selected: 批量转办, 批量督办, export of the selection. One
 * request per action (POST /letters/bulk) with each letter's version; the result names every
 * letter that was not done and why.
 */
export function BulkBar({
  selected,
  onClear,
  onResult,
}: {
  selected: Letter[];
  onClear: () => void;
  /** The per-letter result, shown by the list (this bar goes once the selection is cleared). */
  onResult: (r: BulkOutcome) => void;
}) {
  const { t, tx } = useI18n();
  const sectionName = useSectionName();
  const [action, setAction] = useState<Action | null>(null);
  const exportSelected = () => {
    downloadText(
      datedFileName(t('app.files.lettersSelected'), chinaToday(), 'csv'),
      lettersCsv(selected, tx, sectionName),
    );
    notifications.show({
      color: 'green',
      message: t('letters.cases.bulk.exported', { n: selected.length }),
    });
  };
  return (
    <Paper
      withBorder
      p="xs"
      role="region"
      aria-label={t('letters.cases.bulk.selected', { n: selected.length })}
    >
      <Group gap="xs" justify="space-between">
        <Text size="sm" fw={500} aria-live="polite">
          {t('letters.cases.bulk.selected', { n: selected.length })}
        </Text>
        <Group gap="xs">
          <Button
            size="xs"
            leftSection={<IconArrowForward size={14} aria-hidden />}
            onClick={() => setAction('assign')}
          >
            {t('letters.cases.bulk.transfer')}
          </Button>
          <Button
            size="xs"
            variant="light"
            color="grape"
            leftSection={<IconFlag size={14} aria-hidden />}
            onClick={() => setAction('supervise')}
          >
            {t('letters.cases.bulk.supervise')}
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconDownload size={14} aria-hidden />}
            onClick={exportSelected}
          >
            {t('letters.cases.bulk.exportSelected')}
          </Button>
          <Button
            size="xs"
            variant="subtle"
            color="gray"
            leftSection={<IconX size={14} aria-hidden />}
            onClick={onClear}
          >
            {t('letters.cases.bulk.clear')}
          </Button>
        </Group>
      </Group>
      {action && (
        <BulkDialog
          action={action}
          letters={selected}
          onClose={() => setAction(null)}
          onDone={(r) => {
            setAction(null);
            onResult(r);
            onClear();
          }}
        />
      )}
    </Paper>
  );
}

function BulkDialog({
  action,
  letters,
  onClose,
  onDone,
}: {
  action: Action;
  letters: Letter[];
  onClose: () => void;
  onDone: (r: BulkOutcome) => void;
}) {
  const { t } = useI18n();
  const user = useUser();
  const sectionOptions = useSectionOptions();
  const bulk = useBulkLetters();
  const failure = (e: unknown) => {
    const m = errorMessage(e);
    return t(m.key, m.params);
  };
  const [sectionId, setSectionId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const blocked = letters.filter((l) => !mayAct(user, l, action)).length;
  const submit = () => {
    const errs: Record<string, string> = {};
    if (action === 'assign' && !sectionId) errs.sectionId = t('validation.required');
    if (action === 'supervise' && !note.trim()) errs.note = t('validation.required');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    bulk.mutate(
      {
        action,
        items: letters.map((l) => ({ id: l.id, version: l.version })),
        ...(action === 'assign' ? { sectionId: sectionId as never } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      },
      { onSuccess: (r) => onDone({ ...r, action, sectionId }) },
    );
  };
  const title =
    action === 'assign'
      ? t('letters.cases.bulk.transferTitle', { n: letters.length })
      : t('letters.cases.bulk.superviseTitle', { n: letters.length });
  return (
    <Modal opened onClose={onClose} title={title}>
      {/* A form, so that Ctrl+Enter (and Enter in the note) submits it as its button would. */}
      <form
        noValidate
        onSubmit={(ev) => {
          ev.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          {blocked > 0 && (
            <Alert color="orange" variant="light" p="xs">
              {t('letters.cases.bulk.notApplicable', { n: blocked })}
            </Alert>
          )}
          {bulk.error && (
            <Alert color="red" variant="light" p="xs" role="alert">
              {failure(bulk.error)}
            </Alert>
          )}
          {action === 'assign' && (
            <Select
              label={t('letters.cases.bulk.section')}
              required
              data={sectionOptions}
              value={sectionId}
              onChange={setSectionId}
              error={errors.sectionId}
              data-autofocus
            />
          )}
          <Textarea
            label={
              action === 'assign'
                ? t('letters.cases.bulk.note')
                : t('letters.cases.bulk.superviseNote')
            }
            required={action === 'supervise'}
            autosize
            minRows={2}
            maxLength={500}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.note}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={bulk.isPending}>
              {t('letters.cases.bulk.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function BulkResult({
  result,
  onClose,
}: {
  result: BulkOutcome | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const sectionName = useSectionName();
  const failed = result?.results.filter((r) => !r.ok) ?? [];
  return (
    <Modal opened={result !== null} onClose={onClose} title={t('letters.cases.bulk.resultTitle')}>
      {result && (
        <Stack gap="sm">
          <Alert
            color={result.failed ? 'orange' : 'green'}
            variant="light"
            data-testid="bulk-summary"
          >
            {result.action === 'assign' && result.sectionId
              ? t('letters.cases.bulk.summaryAssign', {
                  ok: result.succeeded,
                  failed: result.failed,
                  section: sectionName(result.sectionId),
                })
              : t('letters.cases.bulk.summarySupervise', {
                  ok: result.succeeded,
                  failed: result.failed,
                })}
          </Alert>
          {failed.length > 0 && (
            <>
              <Text size="sm" fw={500}>
                {t('letters.cases.bulk.failedList')}
              </Text>
              <List size="sm" spacing={4} data-testid="bulk-failures">
                {failed.map((r) => (
                  <List.Item key={r.id}>
                    {t('letters.cases.bulk.failure', {
                      serialNo: r.serialNo ?? r.id,
                      message: r.message ?? '',
                    })}
                  </List.Item>
                ))}
              </List>
            </>
          )}
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('app.close')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
