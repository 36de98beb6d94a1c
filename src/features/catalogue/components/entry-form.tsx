import {
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  Stack,
  Table,
  TagsInput,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { DateField } from '@/components/date-field';
import { ApiError } from '@/lib/api-client';
import { clearDraft, readDraft, writeDraft } from '@/lib/draft';
import { serverFieldErrors, zodValidate } from '@/lib/form';
import { chinaToday } from '@/lib/format';
import { SubmitFailure } from '@/components/submit-failure';
import { useI18n } from '@/lib/i18n/provider';
import { newIdempotencyKey, useCreateEntry, useUpdateEntry } from '../api';
import {
  ATTRIBUTES,
  CATALOGUE_CATEGORIES,
  CATALOGUE_FIRST_DATE,
  CHANNELS,
  DOC_TYPES,
  VALIDITIES,
  catalogueInputSchema,
  type CatalogueEntry,
  type CatalogueInput,
} from '../types';
import classes from './entry-form.module.css';

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
  docType: e?.docType ?? 'other',
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
  const { t, tx } = useI18n();
  const today = chinaToday();
  const saved = useRef(readDraft<{ values: Values; key: string }>(draftKey));
  // One key per logical create, kept in the draft: every retry (even after a reload) sends it again.
  const [key, setKey] = useState(() => saved.current?.key ?? newIdempotencyKey());
  const create = useCreateEntry();
  const update = useUpdateEntry(entry?.id ?? '');
  const mutation = entry ? update : create;
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: saved.current?.values ?? fromEntry(entry),
    validate: (v) => zodValidate(catalogueInputSchema, tx)(toInput(v)),
    validateInputOnBlur: true,
  });
  useEffect(() => {
    if (saved.current)
      notifications.show({
        id: 'draft-restored',
        color: 'blue',
        message: t('catalogue.draftRestored'),
      });
  }, [t]);
  useEffect(() => {
    if (form.isDirty() && !mutation.isSuccess) writeDraft(draftKey, { values: form.values, key });
  }, [form, form.values, draftKey, key, mutation.isSuccess]);

  const onError = (e: unknown) => {
    const errs = serverFieldErrors(e);
    if (errs) form.setErrors(errs);
  };
  const onDone = (e: CatalogueEntry) => {
    clearDraft(draftKey);
    notifications.show({
      color: 'green',
      message: t(entry ? 'catalogue.saved' : 'catalogue.created', { indexNo: e.indexNo }),
    });
    onSaved(e);
  };
  const submit = form.onSubmit((v) => {
    if (mutation.isPending) return; // a second click while saving sends nothing
    if (entry)
      update.mutate({ input: toInput(v), version: entry.version }, { onSuccess: onDone, onError });
    else create.mutate({ input: toInput(v), key }, { onSuccess: onDone, onError });
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
        {failure && (
          <SubmitFailure
            error={failure}
            retryHint={t('catalogue.retryHint')}
            message={
              failure instanceof ApiError && failure.isVersionConflict
                ? t('errors.conflict')
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
                allowDeselect={false}
                data={DOC_TYPES.map((c) => ({ value: c, label: t(`catalogue.docTypes.${c}`) }))}
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
        <Group justify="space-between">
          <Button
            variant="subtle"
            color="gray"
            onClick={() => {
              clearDraft(draftKey);
              form.setValues(fromEntry(entry));
              form.resetDirty(fromEntry(entry));
              // A new entry from here on: never replay the discarded one's create.
              setKey(newIdempotencyKey());
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
