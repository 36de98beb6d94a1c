import { Button, Card, Group, Stack, TextInput } from '@mantine/core';
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
import { settingsQueries, useSaveOrganisation, type VersionedOrganisation } from '../api';
import { organisationSchema, type Organisation } from '../types';

export function OrganisationForm({ canEdit }: { canEdit: boolean }) {
  const query = useQuery(settingsQueries.organisation());
  return (
    <QueryState query={query} rows={3}>
      {(org) => <Form initial={org} canEdit={canEdit} />}
    </QueryState>
  );
}

const valuesOf = ({ version: _, ...values }: VersionedOrganisation): Organisation => values;

function Form({ initial, canEdit }: { initial: VersionedOrganisation; canEdit: boolean }) {
  const { t, tx } = useI18n();
  const save = useSaveOrganisation();
  const base = useVersionBase(initial);
  const form = useForm<Organisation>({
    mode: 'controlled',
    initialValues: valuesOf(initial),
    validate: zodValidate(organisationSchema, tx),
  });
  useFollowRecord(form, initial, valuesOf, base);
  const submit = form.onSubmit((values) =>
    save.mutate({ values, version: base.version }, base.callbacks(form.setErrors)),
  );

  return (
    <Card component="form" onSubmit={submit} noValidate maw={640}>
      <Stack>
        <VersionConflictAlert
          theirs={base.theirs}
          onLoad={(theirs) => {
            form.setValues(valuesOf(theirs));
            base.dismiss();
          }}
        />
        <TextInput
          label={t('settings.orgName')}
          disabled={!canEdit}
          {...form.getInputProps('name')}
        />
        <TextInput
          label={t('settings.orgCode')}
          disabled={!canEdit}
          ff="monospace"
          {...form.getInputProps('orgCode')}
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
