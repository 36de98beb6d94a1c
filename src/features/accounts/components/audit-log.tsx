import { Group, Select, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { DateField } from '@/components/date-field';
import { QueryState } from '@/components/query-state';
import { EmptyRow, PageFooter } from '@/components/table-parts';
import { formatDateTime } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { describeAuditLogEvent } from '../audit-events';
import { auditLogQueries, userQueries } from '../api';
import { AUDIT_LOG_ACTIONS, type AuditLogAction } from '../types';

const PAGE_SIZE = 50;
const isKnown = (a: string): a is AuditLogAction =>
  (AUDIT_LOG_ACTIONS as readonly string[]).includes(a);

/** 系统设置 → 审计日志: who did what, when and from where; by person, action and date. */
export function AuditLog() {
  const { t, tx, locale } = useI18n();
  const [actorId, setActorId] = useState<string | null>(null);
  const [action, setAction] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const people = useQuery(userQueries.list({ pageSize: 100 }));
  const badRange = !!from && !!to && to < from;
  const query = useQuery({
    ...auditLogQueries.list({
      ...(actorId ? { actorId } : {}),
      ...(action ? { action } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      page,
      pageSize: PAGE_SIZE,
    }),
    enabled: !badRange,
    placeholderData: keepPreviousData,
  });
  const set = (fn: (v: string | null) => void) => (v: string | null) => {
    fn(v);
    setPage(1);
  };
  const actionLabel = (a: string) => (isKnown(a) ? t(`accounts.audit.actions.${a}`) : a);

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('accounts.audit.intro')}
      </Text>
      <Group align="flex-start" wrap="wrap">
        <Select
          label={t('accounts.audit.person')}
          placeholder={t('accounts.audit.anyPerson')}
          clearable
          searchable
          data={(people.data?.items ?? []).map((u) => ({
            value: u.id,
            label: t('app.paren', { text: u.name, note: u.username }),
          }))}
          value={actorId}
          onChange={set(setActorId)}
          w={220}
        />
        <Select
          label={t('accounts.audit.action')}
          placeholder={t('accounts.audit.anyAction')}
          clearable
          data={AUDIT_LOG_ACTIONS.map((a) => ({ value: a, label: actionLabel(a) }))}
          value={action}
          onChange={set(setAction)}
          w={200}
        />
        <DateField
          label={t('accounts.audit.from')}
          clearable
          value={from}
          onChange={(v) => set(setFrom)(v || null)}
          w={160}
        />
        <DateField
          label={t('accounts.audit.to')}
          clearable
          value={to}
          onChange={(v) => set(setTo)(v || null)}
          error={badRange ? t('accounts.validation.toBeforeFrom') : undefined}
          w={160}
        />
      </Group>
      <QueryState query={query} rows={8}>
        {(data) =>
          data && (
            <>
              <Table.ScrollContainer minWidth={860}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('accounts.audit.at')}</Table.Th>
                      <Table.Th>{t('accounts.audit.actor')}</Table.Th>
                      <Table.Th>{t('accounts.audit.action')}</Table.Th>
                      <Table.Th>{t('accounts.audit.detail')}</Table.Th>
                      <Table.Th>{t('accounts.audit.address')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.length === 0 && (
                      <EmptyRow colSpan={5}>{t('accounts.audit.none')}</EmptyRow>
                    )}
                    {data.items.map((e) => (
                      <Table.Tr key={e.id}>
                        <Table.Td miw={150}>{formatDateTime(e.at, locale)}</Table.Td>
                        <Table.Td>
                          {e.actor.role === null ? t('accounts.audit.anonymous') : e.actor.name}
                        </Table.Td>
                        <Table.Td>{actionLabel(e.action)}</Table.Td>
                        <Table.Td>{describeAuditLogEvent(e, tx, locale)}</Table.Td>
                        <Table.Td ff="monospace">{e.address ?? '—'}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <PageFooter total={data.total} page={page} pageSize={PAGE_SIZE} onChange={setPage} />
            </>
          )
        }
      </QueryState>
    </Stack>
  );
}
