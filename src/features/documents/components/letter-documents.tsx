import {
  Alert,
  Button,
  Card,
  Group,
  Modal,
  Paper,
  Portal,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
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
import { useSession } from '@/lib/session';
import { documentQueries, useIssueDocument } from '../api';
import {
  applicationDocument,
  applicationKindApplies,
  mayIssueApplicationDocument,
  type ApplicationDocumentContext,
  type ApplicationForDocument,
} from '../application-documents';
import {
  documentFileName,
  familyOf,
  formatDocNo,
  letterDocument,
  letterKindApplies,
  mayIssueLetterDocument,
  type LetterDocumentContext,
  type LetterForDocument,
  type OfficialDocument,
} from '../rules';
import { APPLICATION_DOCUMENT_KINDS, LETTER_DOCUMENT_KINDS, type DocumentKind } from '../types';
import classes from './letter-documents.module.css';

/**
 * A letter's documents (转办单, 答复函): 「生成文书」 for whoever may issue one of the kinds the
 * record allows. Rendered by the letter's route beside its attachments, where the issued files go.
 */
export function LetterDocuments({
  id,
  letter,
}: {
  id: string;
  letter: LetterForDocument | undefined;
}) {
  const { user } = useSession();
  if (!letter || !user) return null;
  // Leaders read (the issued files are among the attachments); a section's officer may issue
  // the 答复函 only.
  if (!LETTER_DOCUMENT_KINDS.some((k) => mayIssueLetterDocument(user.role, k))) return null;
  return (
    <DocumentsCard
      parent="letters"
      id={id}
      kinds={LETTER_DOCUMENT_KINDS.filter(
        (k) => mayIssueLetterDocument(user.role, k) && letterKindApplies(k, letter),
      )}
      none="documents.none"
      draft={(kind, ctx, docNo, paragraphs) =>
        letterDocument(
          kind as (typeof LETTER_DOCUMENT_KINDS)[number],
          letter,
          ctx,
          docNo,
          paragraphs,
        )
      }
    />
  );
}

/** An application's documents (告知书, 征求意见书, 收费通知书, 答复书), each at its step; the office issues them. */
export function ApplicationDocuments({
  id,
  application: app,
}: {
  id: string;
  application: ApplicationForDocument | undefined;
}) {
  const { user } = useSession();
  if (!app || !user || !mayIssueApplicationDocument(user.role)) return null;
  return (
    <DocumentsCard
      parent="applications"
      id={id}
      kinds={APPLICATION_DOCUMENT_KINDS.filter((k) => applicationKindApplies(k, app))}
      none="documents.noneApplication"
      draft={(kind, ctx, docNo, paragraphs) =>
        applicationDocument(
          kind as (typeof APPLICATION_DOCUMENT_KINDS)[number],
          app,
          ctx,
          docNo,
          paragraphs,
        )
      }
    />
  );
}

type DocumentContext = LetterDocumentContext & ApplicationDocumentContext;

type Draft = (
  kind: DocumentKind,
  ctx: DocumentContext,
  docNo: string,
  paragraphs?: string[],
) => OfficialDocument;

function DocumentsCard({
  parent,
  id,
  kinds,
  none,
  draft,
}: {
  parent: 'letters' | 'applications';
  id: string;
  kinds: DocumentKind[];
  none: 'documents.none' | 'documents.noneApplication';
  draft: Draft;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={`documents-${id}`}>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <div className={classes.intro}>
          <Title order={3} size="h4" id={`documents-${id}`}>
            {t('documents.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {kinds.length > 0 ? t('documents.intro') : t(none)}
          </Text>
        </div>
        {kinds.length > 0 && (
          <Button onClick={() => setOpen(true)}>{t('documents.generate')}</Button>
        )}
      </Group>
      {open && (
        <IssueDialog
          parent={parent}
          id={id}
          kinds={kinds}
          draftOf={draft}
          onClose={() => setOpen(false)}
        />
      )}
    </Card>
  );
}

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

function IssueDialog({
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

/**
 * The draft on paper, for the 审签 before it is issued: only this sheet prints while the dialog
 * is open (the app and the dialog are hidden), on A4 with the 公文 margins (GB/T 9704), in the
 * Word file's order — title, 文号, addressee, the record's items, the body, 落款 and date.
 */
function PrintSheet({ document: d }: { document: OfficialDocument }) {
  // Its own node (not the one the dialog shares), so the print stylesheet can hide the dialog.
  return (
    <Portal reuseTargetNode={false}>
      <div className={classes.printSheet} data-document-print lang="zh-CN">
        <h1 className={classes.printTitle}>{d.title}</h1>
        <p className={classes.printDocNo}>{d.docNo}</p>
        {d.addressee && <p className={classes.printLine}>{d.addressee}</p>}
        {d.fields.length > 0 && (
          <table className={classes.printFields}>
            <tbody>
              {d.fields.map((f) => (
                <tr key={f.label}>
                  <th scope="row">{f.label}</th>
                  <td>{f.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {d.paragraphs.map((p, i) => (
          <p key={i} className={classes.printParagraph}>
            {p}
          </p>
        ))}
        <p className={`${classes.printSignature} ${classes.printSeal}`}>{d.organisation}</p>
        <p className={classes.printSignature}>{d.date}</p>
      </div>
    </Portal>
  );
}

/** The body's error: the whole list's, or the first paragraph's. */
const paragraphsError = (errs: Record<string, string> | null | undefined) =>
  errs
    ? (errs.paragraphs ?? Object.entries(errs).find(([k]) => k.startsWith('paragraphs.'))?.[1])
    : undefined;
