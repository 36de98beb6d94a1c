import {
  Alert,
  Button,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { newIdempotencyKey } from '@/lib/api-client';
import { downloadBlob } from '@/lib/download';
import { errorMessage } from '@/lib/errors';
import { serverFieldErrors } from '@/lib/form';
import { chinaToday } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { sectionLabel, sectionQueries } from '@/lib/sections';
import { documentQueries, useIssueDocument } from '../api';
import { documentFileName, familyOf, formatDocNo } from '../rules';
import type { DocumentKind } from '../types';
import type { DocumentContext, Draft } from './documents-card';
import classes from './documents.module.css';
import { PrintSheet } from './print-sheet';

/**
 * The documents' own language: section names in Chinese, the organisation's registered name, and
 * the documents' settings (the 复议机关 and court of the 答复书, the office's contact).
 */
function useDocumentContext(): DocumentContext {
  const sections = useQuery(sectionQueries.all());
  const org = useQuery(documentQueries.organisation());
  const settings = useQuery(documentQueries.numbering());
  return useMemo(
    () => ({
      organisation: org.data?.name ?? '',
      sectionName: (s) => {
        const found = sections.data?.find((x) => x.id === s);
        return found ? sectionLabel(found, 'zh-CN') : (s ?? '—');
      },
      today: chinaToday(),
      ...(settings.data
        ? { remedies: settings.data.remedies, contact: settings.data.contact }
        : {}),
    }),
    [org.data, sections.data, settings.data],
  );
}

/**
 * 「生成文书」: the kind (when the record allows several), the draft previewed from the record
 * with its body editable, printed or downloaded as a draft for the 审签, and 签发 (numbered and
 * stored by the backend, with an Idempotency-Key).
 */
export function IssueDialog({
  parent,
  id,
  kinds,
  draftOf,
  onClose,
}: {
  parent: 'letters' | 'applications';
  id: string;
  kinds: DocumentKind[];
  draftOf: Draft;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const ctx = useDocumentContext();
  const next = useQuery(documentQueries.next());
  const numbering = useQuery(documentQueries.numbering());
  const issue = useIssueDocument(parent, id);
  const [kind, setKind] = useState<DocumentKind>(kinds.at(-1)!);
  // One key per dialog and kind: a retry of the same issue is answered, not issued twice.
  const [key, setKey] = useState(newIdempotencyKey);
  const [edited, setEdited] = useState<Partial<Record<DocumentKind, string>>>({});
  const draft = draftOf(kind, ctx, '');
  const text = edited[kind] ?? draft.paragraphs.join('\n');
  const paragraphs = text
    .split(/\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const family = familyOf(kind);
  const pendingNo =
    next.data && numbering.data
      ? t('documents.docNoPending', {
          docNo: formatDocNo(numbering.data[family].prefix, next.data.year, next.data.next[family]),
        })
      : '';
  const fieldErrors = serverFieldErrors(issue.error);
  const failure = issue.error && !fieldErrors ? errorMessage(issue.error) : null;

  const downloadDraft = async () => {
    const { officialDocumentBytes } = await import('../docx');
    const bytes = await officialDocumentBytes({ ...draft, docNo: DRAFT_DOC_NO, paragraphs });
    downloadBlob(
      documentFileName(kind, '草稿'),
      new Blob([bytes as Uint8Array<ArrayBuffer>], {
        type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      }),
    );
  };

  const submit = () =>
    issue.mutate(
      { body: { kind, paragraphs }, key },
      {
        onSuccess: (res) => {
          notifications.show({
            color: 'green',
            message: t('documents.issued', {
              kind: t(`documents.kinds.${kind}`),
              docNo: res.docNo,
            }),
          });
          onClose();
        },
      },
    );

  return (
    <Modal opened onClose={onClose} title={t('documents.dialogTitle')} size="xl">
      <Stack>
        {kinds.length > 1 && (
          <Stack gap={4}>
            <Text size="sm" fw={500} id="document-kind">
              {t('documents.kind')}
            </Text>
            <SegmentedControl
              aria-labelledby="document-kind"
              fullWidth
              // Up to four of an application's documents at once: one under the other.
              orientation={kinds.length > 2 ? 'vertical' : 'horizontal'}
              classNames={{ label: classes.kindLabel }}
              value={kind}
              onChange={(v) => {
                setKind(v as DocumentKind);
                setKey(newIdempotencyKey());
                issue.reset();
              }}
              data={kinds.map((k) => ({ value: k, label: t(`documents.kindLabels.${k}`) }))}
            />
          </Stack>
        )}
        {failure && (
          <Alert color="red" role="alert">
            {t(failure.key, failure.params)}
          </Alert>
        )}
        {fieldErrors?.kind && (
          <Alert color="red" role="alert">
            {fieldErrors.kind}
          </Alert>
        )}
        <Paper
          withBorder
          p="md"
          className={classes.paper}
          component="section"
          aria-label={t('documents.preview')}
        >
          <Text component="h3" className={classes.docTitle} lang="zh-CN">
            {draft.title}
          </Text>
          <Text className={classes.docNo} data-testid="doc-no">
            {pendingNo}
          </Text>
          {draft.addressee && (
            <Text className={classes.line} lang="zh-CN">
              {draft.addressee}
            </Text>
          )}
          {draft.fields.length > 0 && (
            <>
              <Text size="xs" c="dimmed">
                {t('documents.fieldsNote')}
              </Text>
              <Table withTableBorder withColumnBorders className={classes.fields} lang="zh-CN">
                <Table.Tbody>
                  {draft.fields.map((f) => (
                    <Table.Tr key={f.label}>
                      <Table.Th scope="row" className={classes.fieldLabel}>
                        {f.label}
                      </Table.Th>
                      <Table.Td>{f.value}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )}
          <Textarea
            label={t('documents.paragraphs')}
            description={t('documents.paragraphsHint')}
            value={text}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setEdited((m) => ({ ...m, [kind]: v }));
              setKey(newIdempotencyKey());
            }}
            autosize
            minRows={4}
            maxRows={14}
            error={paragraphsError(fieldErrors)}
            lang="zh-CN"
            classNames={{ input: classes.docText }}
            mt="sm"
          />
          <Text className={classes.signature} lang="zh-CN">
            {draft.organisation}
          </Text>
          <Text className={classes.signature} lang="zh-CN">
            {draft.date}
          </Text>
        </Paper>
        <Group justify="flex-end" wrap="wrap">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button variant="light" onClick={() => window.print()}>
            {t('documents.printDraft')}
          </Button>
          <Button variant="light" onClick={() => void downloadDraft()}>
            {t('documents.downloadDraft')}
          </Button>
          <Button onClick={submit} loading={issue.isPending} disabled={paragraphs.length === 0}>
            {t('documents.issue')}
          </Button>
        </Group>
      </Stack>
      <PrintSheet document={{ ...draft, docNo: DRAFT_DOC_NO, paragraphs }} />
    </Modal>
  );
}

/** The number line of a draft: the 文号 is given when it is issued. */
const DRAFT_DOC_NO = '〔签发时编号〕';

/** The body's error: the whole list's, or the first paragraph's. */
const paragraphsError = (errs: Record<string, string> | null | undefined) =>
  errs
    ? (errs.paragraphs ?? Object.entries(errs).find(([k]) => k.startsWith('paragraphs.'))?.[1])
    : undefined;
