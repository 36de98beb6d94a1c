import {
  Alert,
  Badge,
  Button,
  Card,
  FileButton,
  Group,
  List,
  Pagination,
  Progress,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { downloadText, toCsv } from '@/lib/csv';
import { datedFileName } from '@/lib/download';
import { chinaToday } from '@/lib/format';
import { errorMessage, isRetryable } from '@/lib/errors';
import { serverFieldErrors } from '@/lib/form';
import { LOCALES, translate } from '@/lib/i18n/core';
import { useI18n } from '@/lib/i18n/provider';
import { newIdempotencyKey, useImportEntries } from '../api';
import { readTable, type ReadTable } from '../export-file';
import { COLUMNS, parseTable, templateTable, type ParsedTable, type RowError } from '../transfer';
import tableClasses from '@/components/table.module.css';
import classes from './import-wizard.module.css';

type Phase = 'idle' | 'parsing' | 'validating' | 'ready' | 'uploading' | 'done';
/** Errors listed above the preview (all of them are in the downloadable list). */
const SHOWN = 50;
/** Preview rows per page: every row of the file can be paged through. */
const PAGE = 50;
/** Long free text wraps in the preview; codes, names and dates stay on one line. */
const WRAPS = new Set<string>(['title', 'summary', 'keywords', 'exemptReason']);

/** Import a CSV or Excel file: preview, per-row errors in words, progress, all-or-nothing commit. */
export function ImportWizard({ onDone }: { onDone: (n: number) => void }) {
  const { t, tx, locale } = useI18n();
  const [phase, setPhase] = useState<Phase>('idle');
  const [progress, setProgress] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [parsed, setParsed] = useState<ParsedTable | null>(null);
  const [encoding, setEncoding] = useState<ReadTable['encoding']>(null);
  const [page, setPage] = useState(1);
  const [problem, setProblem] = useState<string | null>(null);
  const [key, setKey] = useState(newIdempotencyKey);
  const commit = useImportEntries();
  // Headers and values in either language (an office's file has Chinese headers, whoever imports
  // it); the UI's own language first: the preview and the messages speak it.
  const labels = [
    (k: string) => tx(k),
    ...LOCALES.filter((l) => l !== locale).map((l) => (k: string) => translate(l, k)),
  ];

  const choose = async (f: File | null) => {
    if (!f) return;
    setFile(f);
    setParsed(null);
    setEncoding(null);
    setPage(1);
    setProblem(null);
    setKey(newIdempotencyKey());
    setPhase('parsing');
    setProgress(0);
    try {
      const read = await readTable(f, (p) => setProgress(Math.round(p * 60)));
      setEncoding(read.encoding);
      setPhase('validating');
      setProgress(70);
      await new Promise((r) => setTimeout(r, 0)); // let the progress bar paint before the check
      const result = parseTable(read.rows, labels);
      setProgress(100);
      if (read.rows.length < 2) setProblem(t('catalogue.import.empty'));
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
  const badCells = new Map<number, string[]>();
  for (const e of parsed?.errors ?? [])
    badCells.set(e.row, [...(badCells.get(e.row) ?? []), e.field]);
  const fieldName = (e: RowError) => (e.field === '_' ? '—' : tx(`catalogue.columns.${e.field}`));
  /** What is wrong, and what the column allows (a closed list), in the UI's language. */
  const errorProblem = (e: RowError) =>
    tx(e.message) +
    (e.allowed ? t('catalogue.import.allowed', { values: e.allowed.join(t('app.enumSep')) }) : '');
  /** One error in words: the row, the column, the value as typed, what is wrong, what is allowed. */
  const errorText = (e: RowError) =>
    e.value
      ? t('catalogue.import.errorLineValue', {
          row: e.row,
          field: fieldName(e),
          value: e.value,
          message: errorProblem(e),
        })
      : t('catalogue.import.errorLine', {
          row: e.row,
          field: fieldName(e),
          message: errorProblem(e),
        });
  const downloadErrors = () =>
    downloadText(
      datedFileName(t('app.files.importErrors'), chinaToday(), 'csv'),
      toCsv(
        (['row', 'field', 'value', 'problem'] as const).map((k) =>
          t(`catalogue.import.errorsFile.${k}`),
        ),
        (parsed?.errors ?? []).map((e) => [e.row, fieldName(e), e.value, errorProblem(e)]),
      ),
    );
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
                `${t('app.files.catalogueTemplate')}.csv`,
                toCsv(...splitTemplate(templateTable((k) => tx(k)))),
              )
            }
          >
            {t('catalogue.import.template')}
          </Button>
          {file && (
            <Text size="sm" c="dimmed">
              {file.name}
              {encoding &&
                ` · ${t('catalogue.import.encoding', { encoding: t(`catalogue.import.encodings.${encoding}`) })}`}
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
                    <List.Item key={i}>{errorText(e)}</List.Item>
                  ))}
                </List>
                {parsed.errors.length > SHOWN && (
                  <Text size="sm">
                    {t('catalogue.import.more', { n: parsed.errors.length - SHOWN })}
                  </Text>
                )}
                <Button
                  mt="xs"
                  size="xs"
                  variant="light"
                  color="red"
                  leftSection={<IconDownload size={14} aria-hidden />}
                  onClick={downloadErrors}
                >
                  {t('catalogue.import.downloadErrors')}
                </Button>
              </Alert>
            )}
            {parsed.preview.length > 0 && (
              <Stack gap="xs">
                <Table.ScrollContainer minWidth={1500} mah={420}>
                  <Table
                    fz="xs"
                    withTableBorder
                    stickyHeader
                    aria-label={t('catalogue.import.previewCaption', {
                      from: (page - 1) * PAGE + 1,
                      to: Math.min(page * PAGE, parsed.preview.length),
                      n: parsed.preview.length,
                    })}
                  >
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th className={tableClasses.nowrap}>
                          {t('catalogue.import.rowNo')}
                        </Table.Th>
                        <Table.Th className={tableClasses.nowrap}>
                          {t('catalogue.import.check')}
                        </Table.Th>
                        {COLUMNS.map((c) => (
                          <Table.Th key={c} className={tableClasses.nowrap}>
                            {tx(`catalogue.columns.${c}`)}
                          </Table.Th>
                        ))}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {parsed.preview.slice((page - 1) * PAGE, page * PAGE).map((r) => {
                        const bad = new Set(badCells.get(r.row));
                        return (
                          <Table.Tr
                            key={r.row}
                            className={r.ok ? undefined : classes.badRow}
                            data-row={r.row}
                          >
                            <Table.Td>{r.row}</Table.Td>
                            <Table.Td className={tableClasses.nowrap}>
                              <Badge size="sm" variant="light" color={r.ok ? 'green' : 'red'}>
                                {t(r.ok ? 'catalogue.import.rowOk' : 'catalogue.import.rowBad')}
                              </Badge>
                            </Table.Td>
                            {COLUMNS.map((c) => (
                              <Table.Td
                                key={c}
                                className={[
                                  bad.has(c) ? classes.badCell : '',
                                  WRAPS.has(c) ? '' : tableClasses.nowrap,
                                ].join(' ')}
                                aria-invalid={bad.has(c) || undefined}
                              >
                                {r.cells[c]}
                              </Table.Td>
                            ))}
                          </Table.Tr>
                        );
                      })}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                {parsed.preview.length > PAGE && (
                  <Pagination
                    size="sm"
                    total={Math.ceil(parsed.preview.length / PAGE)}
                    value={page}
                    onChange={setPage}
                  />
                )}
              </Stack>
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
