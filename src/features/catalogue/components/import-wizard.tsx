import {
  Alert,
  Button,
  Card,
  FileButton,
  Group,
  List,
  Progress,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { downloadText, toCsv } from '@/lib/csv';
import { errorMessage, isRetryable } from '@/lib/errors';
import { serverFieldErrors } from '@/lib/form';
import { useI18n } from '@/lib/i18n/provider';
import { newIdempotencyKey, useImportEntries } from '../api';
import { readTable } from '../export-file';
import { COLUMNS, parseTable, templateTable, type ParsedTable } from '../transfer';

type Phase = 'idle' | 'parsing' | 'validating' | 'ready' | 'uploading' | 'done';
const SHOWN = 50;

/** Import a CSV or Excel file: preview, per-row errors in words, progress, all-or-nothing commit. */
export function ImportWizard({ onDone }: { onDone: (n: number) => void }) {
  const { t, tx } = useI18n();
  const [phase, setPhase] = useState<Phase>('idle');
  const [progress, setProgress] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [parsed, setParsed] = useState<ParsedTable | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [key, setKey] = useState(newIdempotencyKey);
  const commit = useImportEntries();
  const labels = [(k: string) => tx(k)];

  const choose = async (f: File | null) => {
    if (!f) return;
    setFile(f);
    setParsed(null);
    setProblem(null);
    setKey(newIdempotencyKey());
    setPhase('parsing');
    setProgress(0);
    try {
      const table = await readTable(f, (p) => setProgress(Math.round(p * 60)));
      setPhase('validating');
      setProgress(70);
      await new Promise((r) => setTimeout(r, 0)); // let the progress bar paint before the check
      const result = parseTable(table, labels);
      setProgress(100);
      if (table.length < 2) setProblem(t('catalogue.import.empty'));
      setParsed(result);
      setPhase('ready');
    } catch {
      setProblem(t('catalogue.import.unreadable'));
      setPhase('idle');
    }
  };

  const submit = () => {
    if (!parsed || commit.isPending) return;
    setProblem(null);
    setPhase('uploading');
    commit.mutate(
      { rows: parsed.rows, key },
      {
        onSuccess: (r) => {
          setPhase('done');
          notifications.show({
            color: 'green',
            message: t('catalogue.import.done', { n: r.created }),
          });
          onDone(r.created);
        },
        onError: (e) => {
          // The preview, the file and the key stay: a retry sends the same rows under the same key.
          setPhase('ready');
          const errs = serverFieldErrors(e);
          const said = t(errorMessage(e).key, errorMessage(e).params);
          setProblem(
            errs
              ? Object.entries(errs)
                  .slice(0, 5)
                  .map(([k, v]) => t('app.labelValue', { label: k, value: v }))
                  .join(t('app.listSep'))
              : isRetryable(e)
                ? `${said} ${t('catalogue.import.retryHint')}`
                : said,
          );
        },
      },
    );
  };

  const bad = parsed ? new Set(parsed.errors.map((e) => e.row)).size : 0;
  const busy = phase === 'parsing' || phase === 'validating' || phase === 'uploading';
  return (
    <Card>
      <Stack>
        <Text size="sm">{t('catalogue.import.intro')}</Text>
        <Group>
          <FileButton
            onChange={(f) => void choose(f)}
            accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          >
            {(props) => (
              <Button {...props} leftSection={<IconUpload size={16} aria-hidden />} disabled={busy}>
                {t('catalogue.import.choose')}
              </Button>
            )}
          </FileButton>
          <Button
            variant="subtle"
            leftSection={<IconDownload size={16} aria-hidden />}
            onClick={() =>
              downloadText(
                'catalogue-template.csv',
                toCsv(...splitTemplate(templateTable((k) => tx(k)))),
              )
            }
          >
            {t('catalogue.import.template')}
          </Button>
          {file && (
            <Text size="sm" c="dimmed">
              {file.name}
            </Text>
          )}
        </Group>
        {phase !== 'idle' && (
          <Stack gap={4}>
            <Progress
              value={phase === 'uploading' ? 100 : progress}
              animated={busy}
              aria-label={t(
                `catalogue.import.${phase === 'uploading' ? 'uploading' : phase === 'validating' ? 'validating' : 'parsing'}`,
              )}
            />
            {busy && (
              <Text size="xs" c="dimmed">
                {t(
                  `catalogue.import.${phase === 'uploading' ? 'uploading' : phase === 'validating' ? 'validating' : 'parsing'}`,
                )}
              </Text>
            )}
          </Stack>
        )}
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        {parsed && parsed.missing.length > 0 && (
          <Alert color="red" role="alert">
            {t('catalogue.import.missingColumns', {
              columns: parsed.missing
                .map((c) => tx(`catalogue.columns.${c}`))
                .join(t('app.enumSep')),
            })}
          </Alert>
        )}
        {parsed && parsed.unknown.length > 0 && (
          <Alert color="yellow">
            {t('catalogue.import.unknownColumns', {
              columns: parsed.unknown.join(t('app.enumSep')),
            })}
          </Alert>
        )}
        {parsed && parsed.missing.length === 0 && (
          <>
            <Text fw={600} data-testid="import-summary">
              {t('catalogue.import.preview', { n: parsed.rows.length + bad, bad })}
            </Text>
            {parsed.errors.length > 0 && (
              <Alert
                color="red"
                title={t('catalogue.import.errorsTitle')}
                data-testid="import-errors"
              >
                <List size="sm" spacing={2}>
                  {parsed.errors.slice(0, SHOWN).map((e, i) => (
                    <List.Item key={i}>
                      {t('catalogue.import.errorLine', {
                        row: e.row,
                        field: e.field === '_' ? '—' : tx(`catalogue.columns.${e.field}`),
                        message: tx(e.message),
                      })}
                    </List.Item>
                  ))}
                </List>
                {parsed.errors.length > SHOWN && (
                  <Text size="sm">
                    {t('catalogue.import.more', { n: parsed.errors.length - SHOWN })}
                  </Text>
                )}
              </Alert>
            )}
            {parsed.rows.length > 0 && (
              <Table.ScrollContainer minWidth={800} mah={320}>
                <Table fz="xs" withTableBorder aria-label={t('catalogue.import.title')}>
                  <Table.Thead>
                    <Table.Tr>
                      {COLUMNS.slice(0, 8).map((c) => (
                        <Table.Th key={c}>{tx(`catalogue.columns.${c}`)}</Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {parsed.rows.slice(0, 20).map((r, i) => (
                      <Table.Tr key={i}>
                        {COLUMNS.slice(0, 8).map((c) => (
                          <Table.Td key={c}>
                            {String((r as Record<string, unknown>)[c] ?? '')}
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            <Group justify="space-between">
              <Text size="sm">{t('catalogue.import.rowsOk', { n: parsed.rows.length })}</Text>
              <Button
                onClick={submit}
                loading={phase === 'uploading'}
                disabled={parsed.errors.length > 0 || parsed.rows.length === 0 || phase === 'done'}
              >
                {t('catalogue.import.commit')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}

const splitTemplate = (rows: string[][]): [string[], string[][]] => [rows[0]!, rows.slice(1)];
