import { ActionIcon, Menu, Table, Text } from '@mantine/core';
import { IconDots } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useI18n } from '@/lib/i18n/provider';
import { Pager } from './pager';

/** The one row of a table with nothing to show, saying why across every column. */
export function EmptyRow({ colSpan, children }: { colSpan: number; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Td colSpan={colSpan}>
        <Text c="dimmed" size="sm" ta="center" py="md">
          {children}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

/** Under a paged table: how many there are, and the pages when there is more than one. */
export function PageFooter({
  total,
  page,
  pageSize,
  onChange,
}: {
  total: number;
  page: number;
  pageSize: number;
  onChange: (page: number) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <Text size="sm" c="dimmed">
        {t('app.total', { n: total })}
      </Text>
      {total > pageSize && (
        <Pager total={Math.ceil(total / pageSize)} value={page} onChange={onChange} />
      )}
    </>
  );
}

/** A row's actions behind a "…" button named for the row ("张伟 的操作"). */
export function RowMenu({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" aria-label={label}>
          <IconDots size={16} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>{children}</Menu.Dropdown>
    </Menu>
  );
}
