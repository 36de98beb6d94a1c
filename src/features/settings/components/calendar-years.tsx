import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Grid,
  Group,
  NavLink,
  ScrollArea,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { DateField } from '@/components/date-field';
import { QueryState } from '@/components/query-state';
import { useVersionBase, VersionConflictAlert } from '@/components/version-conflict';
import { errorMessage } from '@/lib/errors';
import { serverFieldErrors, zodValidate } from '@/lib/form';
import { formatDate } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import {
  calendarYearSchema,
  type CalendarYearDetail,
  type CalendarYearInput,
} from '@/types/calendar';
import { calendarQueries } from '@/lib/queries/calendar';
import { useSaveCalendarYear } from '../api';
import { mergeDays } from '../calendar-range';
import { CalendarRangeForm } from './calendar-range-form';

const SOURCE_COLOR = { official: 'green', admin: 'blue', none: 'gray' } as const;

export function CalendarYears({ canEdit, defaultYear }: { canEdit: boolean; defaultYear: number }) {
  const { t } = useI18n();
  const years = useQuery(calendarQueries.years());
  const [year, setYear] = useState(defaultYear);
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('calendar.intro')}
      </Text>
      <Grid>
        <Grid.Col span={{ base: 12, sm: 3 }}>
          <Card padding="xs">
            <QueryState query={years} rows={6}>
              {(list) => (
                <ScrollArea.Autosize mah={520}>
                  {list.map((y) => (
                    <NavLink
                      key={y.year}
                      label={String(y.year)}
                      active={y.year === year}
                      onClick={() => setYear(y.year)}
                      rightSection={
                        <Badge size="xs" color={SOURCE_COLOR[y.source]}>
                          {t(`calendar.sources.${y.source}`)}
                          {y.source === 'admin' && !y.complete
                            ? ` · ${t('calendar.incomplete')}`
                            : ''}
                        </Badge>
                      }
                    />
                  ))}
                </ScrollArea.Autosize>
              )}
            </QueryState>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 9 }}>
          <YearEditor key={year} year={year} canEdit={canEdit} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function YearEditor({ year, canEdit }: { year: number; canEdit: boolean }) {
  const detail = useQuery(calendarQueries.year(year));
  return (
    <QueryState query={detail} rows={6}>
      {(d) => <YearView year={year} d={d} canEdit={canEdit} />}
    </QueryState>
  );
}

function YearView({ year, d, canEdit }: { year: number; d: CalendarYearDetail; canEdit: boolean }) {
  const { t, locale } = useI18n();
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {year}
        </Title>
        <Badge color={SOURCE_COLOR[d.source]} size="lg">
          {t(`calendar.sources.${d.source}`)}
        </Badge>
      </Group>
      {d.officialDays.length > 0 && (
        <Card padding="sm">
          <Text fw={600} mb="xs">
            {t('calendar.officialDays')}
          </Text>
          <Table withRowBorders={false} verticalSpacing={2}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('calendar.date')}</Table.Th>
                <Table.Th>{t('calendar.kind.workday')}?</Table.Th>
                <Table.Th>{t('calendar.name')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.officialDays.map((o) => (
                <Table.Tr key={o.date}>
                  <Table.Td>{formatDate(o.date, locale)}</Table.Td>
                  <Table.Td>
                    <Badge size="sm" color={o.workday ? 'orange' : 'green'}>
                      {o.workday ? t('calendar.kind.makeup') : t('calendar.kind.holiday')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{o.name}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      {d.assumedDays.length > 0 && (
        <Card padding="sm" data-testid="assumed-days">
          <Text fw={600}>{t('calendar.assumedDays')}</Text>
          <Text size="sm" c="dimmed" mb="xs">
            {t('calendar.assumedHint')}
          </Text>
          <Table withRowBorders={false} verticalSpacing={2}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('calendar.date')}</Table.Th>
                <Table.Th>{t('calendar.name')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.assumedDays.map((o) => (
                <Table.Tr key={o.date}>
                  <Table.Td>{formatDate(o.date, locale)}</Table.Td>
                  <Table.Td>
                    {o.name}
                    {d.complete ? '' : ` · ${t('calendar.provisional')}`}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      <AdminDaysForm
        key={JSON.stringify([d.complete, d.days])}
        year={year}
        detail={d}
        canEdit={canEdit}
      />
    </Stack>
  );
}

function AdminDaysForm({
  year,
  detail,
  canEdit,
}: {
  year: number;
  detail: CalendarYearDetail;
  canEdit: boolean;
}) {
  const { t, tx } = useI18n();
  const save = useSaveCalendarYear(year);
  const base = useVersionBase(detail);
  const official = detail.source === 'official';
  const form = useForm<CalendarYearInput>({
    mode: 'controlled',
    initialValues: { complete: detail.complete, days: detail.days },
    validate: zodValidate(calendarYearSchema, tx),
  });

  const submit = form.onSubmit((values) =>
    save.mutate(
      { body: values, version: base.version },
      {
        onSuccess: (res) => {
          base.saved(res);
          notifications.show({
            color: 'green',
            message: `${t('calendar.saved', { year })}${res.recomputed ? ` · ${t('calendar.recomputed', { n: res.recomputed })}` : ''}`,
          });
          form.resetDirty(values);
        },
        onError: (e) => {
          if (base.conflict(e)) return;
          const errs = serverFieldErrors(e);
          if (errs) form.setErrors(errs);
          else {
            const m = errorMessage(e);
            notifications.show({ color: 'red', message: t(m.key, m.params) });
          }
        },
      },
    ),
  );

  return (
    <Card padding="sm" component="form" onSubmit={submit} noValidate>
      <Text fw={600} mb="xs">
        {t('calendar.adminDays')}
      </Text>
      {official && (
        <Alert variant="light" color="gray" mb="sm">
          {t('calendar.officialReadonly')}
        </Alert>
      )}
      <VersionConflictAlert
        theirs={base.theirs}
        onLoad={(theirs) => {
          form.setValues({ complete: theirs.complete, days: theirs.days });
          base.dismiss();
        }}
      />
      <Stack gap="xs">
        {form.values.days.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('calendar.noDays')}
          </Text>
        )}
        {form.values.days.map((_, i) => (
          <Group key={i} align="flex-start" gap="xs" wrap="nowrap">
            <DateField
              label={t('calendar.date')}
              minDate={`${year}-01-01`}
              maxDate={`${year}-12-31`}
              disabled={!canEdit}
              w={150}
              {...form.getInputProps(`days.${i}.date`)}
              value={form.values.days[i]?.date || null}
              onChange={(v) => form.setFieldValue(`days.${i}.date`, v ?? '')}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('calendar.kind.workday')}
              </Text>
              <SegmentedControl
                aria-label={t('calendar.kind.workday')}
                disabled={!canEdit}
                value={form.values.days[i]?.workday ? 'work' : 'off'}
                onChange={(v) => form.setFieldValue(`days.${i}.workday`, v === 'work')}
                data={[
                  { value: 'off', label: t('calendar.dayOff') },
                  { value: 'work', label: t('calendar.workday') },
                ]}
              />
              {form.errors[`days.${i}.workday`] && (
                <Text size="xs" c="red" role="alert">
                  {tx(String(form.errors[`days.${i}.workday`]))}
                </Text>
              )}
            </Stack>
            <TextInput
              label={t('calendar.name')}
              disabled={!canEdit}
              w={180}
              {...form.getInputProps(`days.${i}.name`)}
              error={
                form.errors[`days.${i}.name`]
                  ? tx(String(form.errors[`days.${i}.name`]))
                  : undefined
              }
            />
            {canEdit && (
              <ActionIcon
                mt={26}
                variant="subtle"
                color="red"
                aria-label={t('calendar.removeDay')}
                onClick={() => form.removeListItem('days', i)}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            )}
          </Group>
        ))}
        {canEdit && (
          <Group justify="space-between" mt="xs">
            <Button
              variant="light"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => form.insertListItem('days', { date: '', workday: false, name: '' })}
            >
              {t('calendar.addDay')}
            </Button>
          </Group>
        )}
        {canEdit && (
          <CalendarRangeForm
            year={year}
            onAdd={(days) => form.setFieldValue('days', mergeDays(form.values.days, days))}
          />
        )}
        {!official && (
          <Checkbox
            mt="sm"
            label={t('calendar.markComplete')}
            disabled={!canEdit}
            {...form.getInputProps('complete', { type: 'checkbox' })}
          />
        )}
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
