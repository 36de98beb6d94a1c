import { Button, Card, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { QueryState } from '@/components/query-state';
import { errorMessage } from '@/lib/errors';
import { serverFieldErrors, zodValidate } from '@/lib/form';
import { useI18n } from '@/lib/i18n/provider';
import { settingsQueries, useSaveOrganisation } from '../api';
import { organisationSchema, type Organisation } from '../types';

export function OrganisationForm({ canEdit }: { canEdit: boolean }) {
  const query = useQuery(settingsQueries.organisation());
  return (
    <QueryState query={query} rows={3}>
      {(org) => <Form key={JSON.stringify(org)} initial={org} canEdit={canEdit} />}
    </QueryState>
  );
}

function Form({ initial, canEdit }: { initial: Organisation; canEdit: boolean }) {
  const { t, tx } = useI18n();
  const save = useSaveOrganisation();
  const form = useForm<Organisation>({
    mode: 'controlled',
    initialValues: initial,
    validate: zodValidate(organisationSchema, tx),
  });
  const submit = form.onSubmit((v) =>
    save.mutate(v, {
      onSuccess: () => notifications.show({ color: 'green', message: t('settings.saved') }),
      onError: (e) => {
        const errs = serverFieldErrors(e);
        if (errs) form.setErrors(errs);
        else
          notifications.show({
            color: 'red',
            message: t(errorMessage(e).key, errorMessage(e).params),
          });
      },
    }),
  );
  return (
    <Card component="form" onSubmit={submit} noValidate maw={640}>
      <Stack>
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
