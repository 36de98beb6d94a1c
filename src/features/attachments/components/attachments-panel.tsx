import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { EmptyRow } from '@/components/table-parts';
import { QueryState } from '@/components/query-state';
import tableClasses from '@/components/table.module.css';
import { downloadBlob } from '@/lib/download';
import { errorMessage } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { useSession } from '@/lib/session';
import { attachmentQueries, fetchAttachment, useRemoveAttachment } from '../api';
import { mayAddAttachment, mayRemoveAttachment, previewable } from '../rules';
import type { Attachment, AttachmentParent } from '../types';
import { formatSize } from '../utils';
import { AttachmentPreview } from './attachment-preview';
import { UploadArea } from './upload-area';
import classes from './attachments-panel.module.css';

/**
 * A record's attachments: the list (preview for PDF and images, download for all), uploads for
 * whoever may add to the record, removal for the office. Rendered by the app's detail routes.
 */
export function AttachmentsPanel({
  parent,
  parentId,
}: {
  parent: AttachmentParent;
  parentId: string;
}) {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const query = useQuery(attachmentQueries.list(parent, parentId));
  const remove = useRemoveAttachment(parent, parentId);
  const [preview, setPreview] = useState<Attachment | null>(null);
  const [removing, setRemoving] = useState<Attachment | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const role = user?.role;
  const canAdd = role ? mayAddAttachment(role, parent) : false;
  const canRemove = role ? mayRemoveAttachment(role) : false;
  // The record itself says why it cannot be shown; the panel has nothing to add then.
  if (query.isError && 'status' in query.error && [403, 404].includes(query.error.status as number))
    return null;

  const download = async (a: Attachment) => {
    setFailure(null);
    try {
      downloadBlob(a.name, await fetchAttachment(a.id));
    } catch (e) {
      const m = errorMessage(e);
      setFailure((e as { detail?: string }).detail ?? t(m.key, m.params));
    }
  };

  const describeError = (e: unknown) => {
    const m = errorMessage(e);
    return t(m.key, m.params);
  };

  return (
    <Card withBorder padding="md" component="section" aria-labelledby={`attachments-${parentId}`}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4" id={`attachments-${parentId}`}>
            {t('attachments.title')}
          </Title>
          {query.data && (
            <Badge variant="light">{t('attachments.count', { n: query.data.length })}</Badge>
          )}
        </Group>
        {canAdd ? (
          <UploadArea parent={parent} parentId={parentId} />
        ) : (
          <Text size="xs" c="dimmed">
            {t('attachments.readOnly')}
          </Text>
        )}
        {failure && (
          <Text size="sm" c="red" role="alert">
            {failure}
          </Text>
        )}
        <QueryState query={query} rows={2}>
          {(items) => (
            <Table.ScrollContainer minWidth={560}>
              <Table verticalSpacing="xs" aria-labelledby={`attachments-${parentId}`}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('attachments.columns.name')}</Table.Th>
                    <Table.Th>{t('attachments.columns.type')}</Table.Th>
                    <Table.Th>{t('attachments.columns.size')}</Table.Th>
                    <Table.Th>{t('attachments.columns.uploaded')}</Table.Th>
                    <Table.Th>{t('attachments.columns.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.length === 0 && <EmptyRow colSpan={5}>{t('attachments.empty')}</EmptyRow>}
                  {items.map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td className={classes.name}>{a.name}</Table.Td>
                      <Table.Td className={tableClasses.nowrap}>
                        {t(`attachments.types.${a.type}`)}
                      </Table.Td>
                      <Table.Td className={tableClasses.nowrap}>
                        {formatSize(a.size, locale)}
                      </Table.Td>
                      <Table.Td className={tableClasses.nowrap}>
                        <Text size="xs">
                          {t('attachments.uploadedBy', {
                            name: a.uploadedBy.name,
                            at: formatDateTime(a.uploadedAt, locale),
                          })}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          {previewable(a.type) && (
                            <Button
                              size="compact-xs"
                              variant="subtle"
                              onClick={() => setPreview(a)}
                              aria-label={`${t('attachments.preview')} ${a.name}`}
                            >
                              {t('attachments.preview')}
                            </Button>
                          )}
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            onClick={() => void download(a)}
                            aria-label={`${t('attachments.download')} ${a.name}`}
                          >
                            {t('attachments.download')}
                          </Button>
                          {canRemove && (
                            <Button
                              size="compact-xs"
                              variant="subtle"
                              color="red"
                              onClick={() => {
                                remove.reset();
                                setRemoving(a);
                              }}
                              aria-label={`${t('attachments.remove')} ${a.name}`}
                            >
                              {t('attachments.remove')}
                            </Button>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryState>
      </Stack>
      <AttachmentPreview attachment={preview} onClose={() => setPreview(null)} />
      <ConfirmDialog
        opened={removing !== null}
        title={t('attachments.removeTitle')}
        message={removing ? t('attachments.removeConfirm', { name: removing.name }) : ''}
        confirmLabel={t('attachments.remove')}
        color="red"
        busy={remove.isPending}
        error={remove.isError ? describeError(remove.error) : null}
        onClose={() => setRemoving(null)}
        onConfirm={() => {
          if (!removing) return;
          const name = removing.name;
          remove.mutate(removing, {
            onSuccess: () => {
              setRemoving(null);
              notifications.show({ color: 'teal', message: t('attachments.removed', { name }) });
            },
          });
        }}
      />
    </Card>
  );
}
