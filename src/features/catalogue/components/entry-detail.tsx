import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { AuditTimeline } from '@/components/audit-timeline';
import { describeCatalogueEvent } from '../history';
import { QueryState } from '@/components/query-state';
import { formatDate } from '@/lib/format';
import { SubmitFailure } from '@/components/submit-failure';
import { useI18n } from '@/lib/i18n/provider';
import { catalogueQueries, useWithdrawEntry } from '../api';
import type { CatalogueEntry } from '../types';
import classes from './entry-form.module.css';
import { TimelinessBadge } from './timeliness-badge';

export function EntryDetail({
  id,
  listHref,
  editHref,
  canEdit,
}: {
  id: string;
  listHref: string;
  editHref: (id: string) => string;
  canEdit: boolean;
}) {
  const { t } = useI18n();
  const query = useQuery(catalogueQueries.detail(id));
  return (
    <Stack gap="md">
      <Anchor component={Link} to={listHref} size="sm">
        ← {t('letters.detail.back')}
      </Anchor>
      <QueryState query={query} rows={8}>
        {(e) => <Body e={e} editHref={editHref} canEdit={canEdit} />}
      </QueryState>
    </Stack>
  );
}

function Body({
  e,
  editHref,
  canEdit,
}: {
  e: CatalogueEntry;
  editHref: (id: string) => string;
  canEdit: boolean;
}) {
  const { t, tx, locale } = useI18n();
  const audit = useQuery(catalogueQueries.audit(e.id));
  const [opened, { open, close }] = useDisclosure();
  const rows: [string, React.ReactNode][] = [
    [
      t('catalogue.indexNo'),
      <Text key="i" ff="monospace" size="sm">
        {e.indexNo}
      </Text>,
    ],
    [t('catalogue.title'), e.title],
    [t('catalogue.category'), t(`catalogue.categories.${e.category}`)],
    [t('catalogue.docType'), t(`catalogue.docTypes.${e.docType}`)],
    [t('catalogue.publisher'), e.publisher],
    [t('catalogue.docNo'), e.docNo ?? '—'],
    [t('catalogue.formedOn'), formatDate(e.formedOn, locale)],
    [t('catalogue.publishedOn'), formatDate(e.publishedOn, locale)],
    [
      t('catalogue.attribute'),
      e.exemptReason
        ? t('app.paren', {
            text: t(`catalogue.attributes.${e.attribute}`),
            note: e.exemptReason,
          })
        : t(`catalogue.attributes.${e.attribute}`),
    ],
    [
      t('catalogue.channelsLabel'),
      e.channels.map((c) => t(`catalogue.channels.${c}`)).join(t('app.enumSep')) || '—',
    ],
    [
      t('catalogue.validity'),
      `${t(`catalogue.validities.${e.validity}`)}${e.repealedOn ? ` · ${formatDate(e.repealedOn, locale)}` : ''}${e.expiredOn ? ` · ${formatDate(e.expiredOn, locale)}` : ''}`,
    ],
    [t('catalogue.keywords'), e.keywords.join(t('app.enumSep')) || '—'],
    [t('catalogue.summary'), e.summary ?? '—'],
    [t('catalogue.timeliness'), <TimelinessBadge key="t" entry={e} />],
  ];
  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Card>
          <Group justify="space-between" mb="sm">
            <Title order={1} size="h3">
              {e.title}
            </Title>
            {canEdit && !e.withdrawn && (
              <Group gap="xs">
                <Button component={Link} to={editHref(e.id)} variant="light">
                  {t('catalogue.edit')}
                </Button>
                <Button color="red" variant="light" onClick={open}>
                  {t('catalogue.withdraw')}
                </Button>
              </Group>
            )}
          </Group>
          {e.withdrawn && (
            <Alert color="gray" mb="sm" title={t('catalogue.withdrawn')}>
              {t('app.labelValue', {
                label: t('catalogue.withdrawnReason'),
                value: e.withdrawnReason ?? '—',
              })}
            </Alert>
          )}
          <Table withTableBorder withColumnBorders className={classes.card}>
            <Table.Tbody>
              {rows.map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Th scope="row">{label}</Table.Th>
                  <Table.Td>{value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Card>
          <Title order={2} size="h4" mb="sm">
            {t('catalogue.history')}
          </Title>
          <AuditTimeline query={audit} describe={(h) => describeCatalogueEvent(h, tx)} />
        </Card>
      </Grid.Col>
      {opened && <WithdrawModal e={e} onClose={close} />}
    </Grid>
  );
}

function WithdrawModal({ e, onClose }: { e: CatalogueEntry; onClose: () => void }) {
  const { t } = useI18n();
  const withdraw = useWithdrawEntry(e.id);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    if (withdraw.isPending) return;
    if (!reason.trim()) return setError(t('validation.required'));
    setError(null);
    withdraw.mutate(
      { reason: reason.trim(), version: e.version },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            message: t('catalogue.withdrawDone', { indexNo: e.indexNo, title: e.title }),
          });
          onClose();
        },
      },
    );
  };
  // What the server said goes above the form (the reason itself is fine and stays as typed).
  const failure = withdraw.isError ? withdraw.error : null;
  return (
    <Modal opened onClose={onClose} title={t('catalogue.withdrawTitle')}>
      {/* A form, so that Ctrl+Enter submits it as its button would. */}
      <form
        noValidate
        onSubmit={(ev) => {
          ev.preventDefault();
          submit();
        }}
      >
        <Stack>
          <Text size="sm">{t('catalogue.withdrawHint')}</Text>
          <Badge variant="outline">{e.indexNo}</Badge>
          {failure && (
            <SubmitFailure error={failure} retryHint={t('catalogue.withdrawRetryHint')} />
          )}
          <Textarea
            label={t('catalogue.withdrawnReason')}
            required
            autosize
            minRows={3}
            value={reason}
            onChange={(ev) => {
              setReason(ev.currentTarget.value);
              setError(null);
            }}
            error={error}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button color="red" type="submit" loading={withdraw.isPending}>
              {t('catalogue.withdraw')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
