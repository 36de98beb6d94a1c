import {
  Alert,
  Button,
  CloseButton,
  FileButton,
  Group,
  Progress,
  Stack,
  Text,
} from '@mantine/core';
import { useRef, useState, type DragEvent } from 'react';
import { errorMessage } from '@/lib/errors';
import { ApiError } from '@/lib/api-client';
import { useI18n } from '@/lib/i18n/provider';
import { useAttachmentsChanged, uploadAttachment } from '../api';
import { ACCEPT, claimedType, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_MB } from '../rules';
import type { AttachmentParent } from '../types';
import classes from './attachments-panel.module.css';

interface Upload {
  key: number;
  name: string;
  progress: number;
  state: 'waiting' | 'uploading' | 'done' | 'failed';
  error?: string;
}

/**
 * Files in: dropped or picked, several at once, sent one per request (one after the other) with
 * each one's progress; a file over the limit or of a type never accepted is refused before it is
 * sent, and the backend's refusal (its content, its size) is shown against the file's name.
 */
export function UploadArea({ parent, parentId }: { parent: AttachmentParent; parentId: string }) {
  const { t } = useI18n();
  const changed = useAttachmentsChanged(parent, parentId);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [dragging, setDragging] = useState(false);
  const seq = useRef(0);
  const queue = useRef(Promise.resolve());

  const patch = (key: number, p: Partial<Upload>) =>
    setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...p } : u)));

  const reasonOf = (name: string, e: unknown) => {
    if (e instanceof ApiError) {
      if (e.errors.file) return e.errors.file;
      if (e.status === 413)
        return t('attachments.errors.tooLarge', { name, limit: MAX_ATTACHMENT_MB });
      if (e.detail) return e.detail;
    }
    const m = errorMessage(e);
    return t(m.key, m.params);
  };

  const add = (files: File[]) => {
    const items = files.map((file) => ({ file, key: ++seq.current }));
    setUploads((list) => [
      ...list.filter((u) => u.state !== 'done'),
      ...items.map(({ file, key }) => ({
        key,
        name: file.name,
        progress: 0,
        state: 'waiting' as const,
      })),
    ]);
    for (const { file, key } of items) {
      const early =
        file.size > MAX_ATTACHMENT_BYTES
          ? t('attachments.errors.tooLarge', { name: file.name, limit: MAX_ATTACHMENT_MB })
          : file.size === 0
            ? t('attachments.errors.empty', { name: file.name })
            : claimedType(file.name) === null
              ? t('attachments.errors.unknownType', { name: file.name })
              : null;
      if (early) {
        patch(key, { state: 'failed', error: early });
        continue;
      }
      queue.current = queue.current.then(async () => {
        patch(key, { state: 'uploading' });
        try {
          await uploadAttachment(parent, parentId, file, (p) => patch(key, { progress: p }));
          patch(key, { state: 'done', progress: 1 });
          await changed();
        } catch (e) {
          patch(key, { state: 'failed', error: reasonOf(file.name, e) });
        }
      });
    }
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    const files = [...e.dataTransfer.files];
    if (files.length) add(files);
  };

  return (
    <Stack gap="xs">
      <div
        className={`${classes.drop} ${dragging ? classes.dragging : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="attachment-drop"
      >
        <Group justify="center" gap="xs">
          <Text size="sm">{t('attachments.dropzone')}</Text>
          <FileButton onChange={add} accept={ACCEPT} multiple>
            {(props) => (
              <Button size="xs" variant="light" {...props}>
                {t('attachments.pick')}
              </Button>
            )}
          </FileButton>
        </Group>
        <Text size="xs" c="dimmed" mt={4}>
          {t('attachments.hint', { limit: MAX_ATTACHMENT_MB })}
        </Text>
      </div>
      {uploads.map((u) =>
        u.state === 'failed' ? (
          <Alert
            key={u.key}
            color="red"
            role="alert"
            p="xs"
            title={null}
            withCloseButton
            closeButtonLabel={t('attachments.dismiss')}
            onClose={() => setUploads((list) => list.filter((x) => x.key !== u.key))}
          >
            <Text size="sm" className={classes.name}>
              {t('attachments.failed', { name: u.name, reason: u.error ?? '' })}
            </Text>
          </Alert>
        ) : (
          <Group key={u.key} gap="xs" wrap="nowrap">
            <Text size="sm" className={classes.name} flex={1} role="status">
              {t(u.state === 'done' ? 'attachments.uploaded' : 'attachments.uploading', {
                name: u.name,
              })}
            </Text>
            <Progress
              value={Math.round(u.progress * 100)}
              w={120}
              aria-label={t('attachments.uploading', { name: u.name })}
              color={u.state === 'done' ? 'teal' : undefined}
            />
            {u.state === 'done' && (
              <CloseButton
                size="sm"
                aria-label={t('attachments.dismiss')}
                onClick={() => setUploads((list) => list.filter((x) => x.key !== u.key))}
              />
            )}
          </Group>
        ),
      )}
    </Stack>
  );
}
