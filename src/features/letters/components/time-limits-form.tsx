import { Alert, Button, Card, Group, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
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
import { letterQueries, useSaveTimeLimits, type VersionedTimeLimits } from '../api';
import { LETTER_CATEGORIES, timeLimitsSchema, type TimeLimits } from '../types';

export function TimeLimitsForm({ canEdit }: { canEdit: boolean }) {
  const query = useQuery(letterQueries.timeLimits());
  return (
    <QueryState query={query} rows={4}>
      {(limits) => <Form initial={limits} canEdit={canEdit} />}
    </QueryState>
  );
}

const valuesOf = ({ version: _, ...values }: VersionedTimeLimits): TimeLimits => values;

function Form({ initial, canEdit }: { initial: VersionedTimeLimits; canEdit: boolean }) {
  const { t, tx } = useI18n();
  const save = useSaveTimeLimits();
  const base = useVersionBase(initial);
  const form = useForm<TimeLimits>({
    mode: 'controlled',
    initialValues: valuesOf(initial),
    validate: zodValidate(timeLimitsSchema, tx),
  });
  useFollowRecord(form, initial, valuesOf, base);
  const submit = form.onSubmit((values) =>
    save.mutate({ values, version: base.version }, base.callbacks(form.setErrors)),
  );

  const num = (path: string, label: string) => (
    <NumberInput
      key={path}
      label={label}
      min={0}
      max={60}
      allowDecimal={false}
      disabled={!canEdit}
      {...form.getInputProps(path)}
    />
  );
  return (
    <Card component="form" onSubmit={submit} noValidate>
      <Stack>
        <Text fw={600}>{t('letters.timeLimits.title')}</Text>
        <Alert variant="light" color="gray">
          {t('letters.timeLimits.note')}
        </Alert>
        <VersionConflictAlert
          theirs={base.theirs}
          onLoad={(theirs) => {
            form.setValues(valuesOf(theirs));
            base.dismiss();
          }}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {LETTER_CATEGORIES.map((c) => num(`letters.${c}`, t(`letters.categories.${c}`)))}
          {num('mayorMailboxDays', t('letters.timeLimits.mayorMailbox'))}
          {num('dueSoonDays', t('letters.timeLimits.dueSoon'))}
          {num('maxExtensionDays', t('letters.timeLimits.maxExtension'))}
        </SimpleGrid>
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
