import { Button, Card, Group, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '@/lib/i18n/provider';
import { useSession } from '@/lib/session';
import {
  applicationDocument,
  applicationKindApplies,
  mayIssueApplicationDocument,
  type ApplicationDocumentContext,
  type ApplicationForDocument,
} from '../application-documents';
import {
  letterDocument,
  letterKindApplies,
  mayIssueLetterDocument,
  type LetterDocumentContext,
  type LetterForDocument,
  type OfficialDocument,
} from '../rules';
import { APPLICATION_DOCUMENT_KINDS, LETTER_DOCUMENT_KINDS, type DocumentKind } from '../types';
import classes from './documents.module.css';
import { IssueDialog } from './issue-dialog';

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

export type DocumentContext = LetterDocumentContext & ApplicationDocumentContext;

/** The document of a kind for the record, in the documents' language, with its number and body. */
export type Draft = (
  kind: DocumentKind,
  ctx: DocumentContext,
  docNo: string,
  paragraphs?: string[],
) => OfficialDocument;

/** The record's 「文书」 card: what may be issued, and the dialog that issues it. */
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
