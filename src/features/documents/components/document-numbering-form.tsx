import { Button, Card, Divider, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { QueryState } from '@/components/query-state';
import {
  useFollowRecord,
  useVersionBase,
  VersionConflictAlert,
} from '@/components/version-conflict';
import { zodValidate } from '@/lib/form';
import { useI18n } from '@/lib/i18n/provider';
import { documentQueries, useSaveDocumentNumbering, type VersionedDocumentNumbering } from '../api';
import { formatDocNo } from '../rules';
import {
  DOCUMENT_FAMILIES,
  documentNumberingSchema,
  type DocumentNumbering,
  type NextDocumentNumbers,
} from '../types';

/**
 * 系统设置 → 文号: the prefix of each family, with the next number as it would read; the 复议机关
 * and court every 答复书 names; the contact printed on the letters to third parties and fee notices.
 */
export function DocumentNumberingForm({ canEdit }: { canEdit: boolean }) {
  const query = useQuery(documentQueries.numbering());
  const next = useQuery(documentQueries.next());
  return (
    <QueryState query={query} rows={3}>
      {(numbering) => <Form initial={numbering} next={next.data} canEdit={canEdit} />}
    </QueryState>
  );
}

const valuesOf = ({ version: _, ...values }: VersionedDocumentNumbering): DocumentNumbering =>
  values;

function Form({
  initial,
  next,
  canEdit,
}: {
  initial: VersionedDocumentNumbering;
  next: NextDocumentNumbers | undefined;
  canEdit: boolean;
}) {
  const { t, tx } = useI18n();
  const save = useSaveDocumentNumbering();
  const base = useVersionBase(initial);
  const form = useForm<DocumentNumbering>({
    mode: 'controlled',
    initialValues: valuesOf(initial),
    validate: zodValidate(documentNumberingSchema, tx),
  });
  useFollowRecord(form, initial, valuesOf, base);
  const submit = form.onSubmit((values) =>
    save.mutate({ values, version: base.version }, base.callbacks(form.setErrors)),
  );

  return (
    <Card component="form" onSubmit={submit} noValidate maw={640}>
      <Stack>
        <div>
          <Title order={2} size="h4">
            {t('documents.numbering.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('documents.numbering.intro')}
          </Text>
        </div>
        <VersionConflictAlert
          theirs={base.theirs}
          onLoad={(theirs) => {
            form.setValues(valuesOf(theirs));
            base.dismiss();
          }}
        />
        {DOCUMENT_FAMILIES.map((f) => {
          const prefix = form.values[f].prefix.trim();
          return (
            <TextInput
              key={f}
              label={t('documents.numbering.prefix', {
                family: t(`documents.numbering.family.${f}`),
              })}
              description={
                next && prefix ? (
                  <span data-testid={`next-${f}`}>
                    {t('documents.numbering.next', {
                      docNo: formatDocNo(prefix, next.year, next.next[f]),
                    })}
                  </span>
                ) : undefined
              }
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              maxLength={20}
              disabled={!canEdit}
              {...form.getInputProps(`${f}.prefix`)}
            />
          );
        })}
        <Divider />
        <div>
          <Title order={3} size="h5">
            {t('documents.numbering.remediesTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('documents.numbering.remediesIntro')}
          </Text>
        </div>
        <TextInput
          label={t('documents.numbering.reviewOrgan')}
          description={t('documents.numbering.reviewOrganHint')}
          maxLength={50}
          disabled={!canEdit}
          {...form.getInputProps('remedies.reviewOrgan')}
        />
        <TextInput
          label={t('documents.numbering.court')}
          maxLength={50}
          disabled={!canEdit}
          {...form.getInputProps('remedies.court')}
        />
        <TextInput
          label={t('documents.numbering.contact')}
          description={t('documents.numbering.contactHint')}
          maxLength={100}
          disabled={!canEdit}
          {...form.getInputProps('contact')}
        />
        {canEdit && (
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t('app.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
