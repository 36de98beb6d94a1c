import { Alert, Center, Loader, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { errorMessage } from '@/lib/errors';
import { useI18n } from '@/lib/i18n/provider';
import { fetchAttachment } from '../api';
import type { Attachment } from '../types';
import classes from './attachments-panel.module.css';

/**
 * A PDF or an image shown in the page: its bytes fetched with the session (`?inline=1`), shown
 * from a blob: URL (the CSP allows blob: for frames and images, nothing else), revoked on close.
 */
export function AttachmentPreview({
  attachment,
  onClose,
}: {
  attachment: Attachment | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!attachment) return;
    let made: string | null = null;
    let live = true;
    setUrl(null);
    setError(null);
    fetchAttachment(attachment.id, true).then(
      (blob) => {
        if (!live) return;
        made = URL.createObjectURL(blob);
        setUrl(made);
      },
      (e: unknown) => {
        if (!live) return;
        const m = errorMessage(e);
        setError(
          t('attachments.previewFailed', {
            reason: (e as { detail?: string }).detail ?? t(m.key, m.params),
          }),
        );
      },
    );
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [attachment, t]);

  const title = attachment ? t('attachments.previewOf', { name: attachment.name }) : '';
  return (
    <Modal opened={attachment !== null} onClose={onClose} title={title} size="xl">
      {error ? (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      ) : !url || !attachment ? (
        <Center h={200}>
          <Stack align="center" gap="xs">
            <Loader size="sm" />
            <Text size="sm" c="dimmed">
              {t('attachments.loadingPreview')}
            </Text>
          </Stack>
        </Center>
      ) : attachment.type === 'pdf' ? (
        <iframe className={classes.preview} src={url} title={title} />
      ) : (
        <img className={classes.image} src={url} alt={attachment.name} />
      )}
    </Modal>
  );
}
