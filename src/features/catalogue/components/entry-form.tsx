import {
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  TagsInput,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useRef, useState } from 'react';
import { ChangedMeanwhile } from '@/components/changed-meanwhile';
import { DateField } from '@/components/date-field';
import { ApiError } from '@/lib/api-client';
import { readDraft } from '@/lib/draft';
import { useDraftedForm } from '@/lib/drafted-form';
import { serverFieldErrors, zodValidate } from '@/lib/form';
import { chinaToday, formatDate } from '@/lib/format';
import { SubmitFailure } from '@/components/submit-failure';
import { useI18n } from '@/lib/i18n/provider';
import { calendarQueries } from '@/lib/queries/calendar';
import { useQueryClient } from '@tanstack/react-query';
import { useCreateEntry, useUpdateEntry } from '../api';
import { lateOnSave, PUBLISH_LIMIT_WORKDAYS } from '../timeliness';
import {
  ATTRIBUTES,
  CATALOGUE_CATEGORIES,
  CATALOGUE_FIRST_DATE,
  CHANNELS,
  VALIDITIES,
  catalogueInputSchema,
  type CatalogueEntry,
  type CatalogueInput,
} from '../types';
import classes from './entry-form.module.css';

/** The likelier first: a bureau's documents are 规范性文件 or other; 规章 are a government's. */
const DOC_TYPE_ORDER = ['normative', 'other', 'regulation'] as const;
type LateKind = NonNullable<ReturnType<typeof lateOnSave>>;

type Values = {
  title: string;
  category: string;
  docType: string;
  publisher: string;
  docNo: string;
  formedOn: string;
  publishedOn: string;
  attribute: string;
  exemptReason: string;
  channels: string[];
  validity: string;
  repealedOn: string;
  expiredOn: string;
  keywords: string[];
  summary: string;
};

const fromEntry = (e?: CatalogueEntry): Values => ({
  title: e?.title ?? '',
  category: e?.category ?? '',
  // No default: a municipal bureau issues no 规章, and 规范性文件 or not is a choice the annual
  // report counts (table 一), not one to leave to a preset.
  docType: e?.docType ?? '',
  publisher: e?.publisher ?? '长治市民政局',
  docNo: e?.docNo ?? '',
  formedOn: e?.formedOn ?? chinaToday(),
  publishedOn: e?.publishedOn ?? '',
  attribute: e?.attribute ?? 'proactive',
  exemptReason: e?.exemptReason ?? '',
  channels: e?.channels ?? ['website'],
  validity: e?.validity ?? 'valid',
  repealedOn: e?.repealedOn ?? '',
  expiredOn: e?.expiredOn ?? '',
  keywords: e?.keywords ?? [],
  summary: e?.summary ?? '',
});

const toInput = (v: Values): CatalogueInput =>
  ({
    ...v,
    docNo: v.docNo || null,
    publishedOn: v.publishedOn || null,
    exemptReason: v.exemptReason || null,
    repealedOn: v.repealedOn || null,
    expiredOn: v.expiredOn || null,
    summary: v.summary || null,
  }) as CatalogueInput;

/** Create or edit an entry in the metadata-card layout of government disclosure sites. */
export function EntryForm({
  entry,
  draftKey,
  onSaved,
}: {
  entry?: CatalogueEntry;
  draftKey: string;
  onSaved: (e: CatalogueEntry) => void;
}) {
  const { t, tx, locale } = useI18n();
  const today = chinaToday();
  // The version this edit is based on (a restored draft's own): a newer one arriving while the
  // form is open (a live update) is shown, and saving is still checked against this one.
  const [baseVersion, setBaseVersion] = useState(
    () => readDraft<{ version?: number }>(draftKey)?.version ?? entry?.version ?? 0,
  );
  const create = useCreateEntry();
  const update = useUpdateEntry(entry?.id ?? '');
  const mutation = entry ? update : create;
  // One key per logical create, kept in the draft: every retry (even after a reload) sends it again.
  const { form, key, saved, discard } = useDraftedForm<Values, { version: number }>({
    draftKey,
    initialValues: fromEntry(entry),
    validate: (v) => zodValidate(catalogueInputSchema, tx)(toInput(v)),
    restoredMessage: t('catalogue.draftRestored'),
    done: mutation.isSuccess,
    meta: { version: baseVersion },
  });

  const onError = (e: unknown) => {
    // Someone saved first: the page shows theirs (refetched); saving again applies this user's.
    const current =
      e instanceof ApiError && e.isVersionConflict ? e.current<CatalogueEntry>() : null;
    if (current) setBaseVersion(current.version);
    const errs = serverFieldErrors(e);
    if (errs) form.setErrors(errs);
  };
  const onDone = (e: CatalogueEntry) => {
    saved(t(entry ? 'catalogue.saved' : 'catalogue.created', { indexNo: e.indexNo }));
    onSaved(e);
  };
  // Set from the click until the save settles: a second click sends nothing, even before React has
  // re-rendered with the mutation pending (the check of the deadline comes first and is awaited).
  const busy = useRef(false);
  const save = (v: Values) => {
    busy.current = true;
    const then = { onSuccess: onDone, onError, onSettled: () => void (busy.current = false) };
    if (entry) update.mutate({ input: toInput(v), version: baseVersion }, then);
    else create.mutate({ input: toInput(v), key }, then);
  };
  const qc = useQueryClient();
  const [late, setLate] = useState<{ values: Values; limit: string; kind: LateKind } | null>(null);
  const submit = form.onSubmit(async (v) => {
    if (busy.current) return;
    // Already late by 条例 第二十六条 (the server's 20 working days)? Asked before saving — for an
    // edit only when its dates change, not on every later correction of a late entry.
    const datesChanged =
      !entry || entry.formedOn !== v.formedOn || (entry.publishedOn ?? '') !== v.publishedOn;
    if (datesChanged) {
      busy.current = true;
      try {
        const limit = await qc.fetchQuery(
          calendarQueries.workdays(v.formedOn, PUBLISH_LIMIT_WORKDAYS),
        );
        const kind = lateOnSave(limit.date, { publishedOn: v.publishedOn || null }, today);
        if (kind) {
          busy.current = false;
          return setLate({ values: v, limit: limit.date, kind });
        }
      } catch {
        // The server judges timeliness on save anyway: saved without the warning.
      }
    }
    save(v);
  });
  const failure = mutation.error && !serverFieldErrors(mutation.error) ? mutation.error : null;
  const v = form.values;
  const date = (
    field: 'formedOn' | 'publishedOn' | 'repealedOn' | 'expiredOn',
    required = false,
  ) => (
    <DateField
      aria-label={t(`catalogue.columns.${field}`)}
      required={required}
      minDate={CATALOGUE_FIRST_DATE}
      maxDate={today}
      clearable={!required}
      {...form.getInputProps(field)}
      value={v[field] || null}
      onChange={(d) => form.setFieldValue(field, d ?? '')}
    />
  );
  const row = (label: string, field: React.ReactNode, required = false) => (
    <Table.Tr>
      <Table.Th className={classes.label} scope="row">
        {label}
        {required && <span className={classes.req}> *</span>}
      </Table.Th>
      <Table.Td>{field}</Table.Td>
    </Table.Tr>
  );

  return (
    <Card component="form" onSubmit={submit} noValidate maw={980}>
      <Stack>
        <ChangedMeanwhile
          show={Boolean(entry) && !failure && (entry?.version ?? 0) > baseVersion}
          onLoad={() => {
            form.setValues(fromEntry(entry));
            setBaseVersion(entry?.version ?? 0);
          }}
        />
        {failure && (
          <SubmitFailure
            error={failure}
            retryHint={t('catalogue.retryHint')}
            message={
              failure instanceof ApiError && failure.isVersionConflict
                ? t('catalogue.conflictApplyAgain')
                : undefined
            }
          />
        )}
        <Table withTableBorder withColumnBorders className={classes.card}>
          <Table.Tbody>
            {row(
              t('catalogue.indexNo'),
              <Text ff="monospace" size="sm">
                {entry?.indexNo ?? '—'}
              </Text>,
            )}
            {row(
              t('catalogue.title'),
              <TextInput
                aria-label={t('catalogue.title')}
                required
                {...form.getInputProps('title')}
              />,
              true,
            )}
            {row(
              t('catalogue.category'),
              <Select
                aria-label={t('catalogue.category')}
                searchable
                data={CATALOGUE_CATEGORIES.map((c) => ({
                  value: c,
                  label: t(`catalogue.categories.${c}`),
                }))}
                {...form.getInputProps('category')}
              />,
              true,
            )}
            {row(
              t('catalogue.docType'),
              <Select
                aria-label={t('catalogue.docType')}
                required
                allowDeselect={false}
                placeholder={t('catalogue.docTypePick')}
                data={DOC_TYPE_ORDER.map((c) => ({
                  value: c,
                  label: t(`catalogue.docTypes.${c}`),
                }))}
                {...form.getInputProps('docType')}
              />,
              true,
            )}
            {row(
              t('catalogue.publisher'),
              <TextInput
                aria-label={t('catalogue.publisher')}
                {...form.getInputProps('publisher')}
              />,
              true,
            )}
            {row(
              t('catalogue.docNo'),
              <TextInput
                aria-label={t('catalogue.docNo')}
                description={t('catalogue.docNoHint')}
                placeholder="长民发〔2026〕1号"
                {...form.getInputProps('docNo')}
              />,
            )}
            {row(t('catalogue.formedOn'), date('formedOn', true), true)}
            {row(
              t('catalogue.publishedOn'),
              <Stack gap={2}>
                {date('publishedOn')}
                <Text size="xs" c="dimmed">
                  {t('catalogue.limitHint')}
                </Text>
              </Stack>,
            )}
            {row(
              t('catalogue.attribute'),
              <Select
                aria-label={t('catalogue.attribute')}
                allowDeselect={false}
                data={ATTRIBUTES.map((c) => ({ value: c, label: t(`catalogue.attributes.${c}`) }))}
                {...form.getInputProps('attribute')}
              />,
              true,
            )}
            {v.attribute === 'exempt' &&
              row(
                t('catalogue.exemptReason'),
                <Textarea
                  aria-label={t('catalogue.exemptReason')}
                  autosize
                  minRows={2}
                  {...form.getInputProps('exemptReason')}
                />,
                true,
              )}
            {row(
              t('catalogue.channelsLabel'),
              <Checkbox.Group
                aria-label={t('catalogue.channelsLabel')}
                {...form.getInputProps('channels')}
              >
                <Group gap="md">
                  {CHANNELS.map((c) => (
                    <Checkbox key={c} value={c} label={t(`catalogue.channels.${c}`)} />
                  ))}
                </Group>
              </Checkbox.Group>,
            )}
            {row(
              t('catalogue.validity'),
              <Select
                aria-label={t('catalogue.validity')}
                allowDeselect={false}
                data={VALIDITIES.map((c) => ({ value: c, label: t(`catalogue.validities.${c}`) }))}
                {...form.getInputProps('validity')}
              />,
            )}
            {v.validity === 'repealed' && row(t('catalogue.repealedOn'), date('repealedOn'), true)}
            {v.validity === 'expired' && row(t('catalogue.expiredOn'), date('expiredOn'), true)}
            {row(
              t('catalogue.keywords'),
              <TagsInput
                aria-label={t('catalogue.keywords')}
                description={t('catalogue.keywordsHint')}
                maxTags={10}
                {...form.getInputProps('keywords')}
              />,
            )}
            {row(
              t('catalogue.summary'),
              <Textarea
                aria-label={t('catalogue.summary')}
                autosize
                minRows={3}
                {...form.getInputProps('summary')}
              />,
            )}
          </Table.Tbody>
        </Table>
        <Modal
          opened={late !== null}
          onClose={() => setLate(null)}
          title={t('catalogue.lateConfirm.title')}
        >
          {late && (
            <Stack gap="sm">
              <Text size="sm">
                {t(`catalogue.lateConfirm.${late.kind}`, {
                  formedOn: formatDate(late.values.formedOn, locale),
                  limit: formatDate(late.limit, locale),
                  publishedOn: formatDate(late.values.publishedOn || null, locale),
                })}
              </Text>
              <Text size="sm" c="dimmed">
                {t('catalogue.limitHint')}
              </Text>
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setLate(null)}>
                  {t('catalogue.lateConfirm.back')}
                </Button>
                <Button
                  onClick={() => {
                    setLate(null);
                    save(late.values);
                  }}
                >
                  {t('catalogue.lateConfirm.save')}
                </Button>
              </Group>
            </Stack>
          )}
        </Modal>
        <Group justify="space-between">
          <Button
            variant="subtle"
            color="gray"
            onClick={() => {
              // A new entry from here on: never replay the discarded one's create.
              discard();
              mutation.reset();
            }}
          >
            {t('catalogue.discard')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t('app.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
