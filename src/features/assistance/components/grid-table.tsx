import { ActionIcon, Badge, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { formatNumber } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import type { Region } from '@/types/api';
import {
  cellKey,
  isBlock,
  moveFrom,
  parseClipboard,
  pasteBlock,
  rawOf,
  type Edits,
  type Figures,
  type Pos,
} from '../grid';
import { monthText } from '../charts';
import { figureId } from '../rules';
import { isMoneyField, PROGRAM_FIELDS, type FigureField, type Program } from '../types';
import classes from './month-grid.module.css';

export interface GridTableProps {
  period: string;
  program: Program;
  regions: Region[];
  figures: Figures;
  edits: Edits;
  errors: Record<string, string>;
  readOnly: boolean;
  onEdit: (updates: Edits) => void;
  onRevert: (key: string) => void;
  onPasted: (count: number, clipped: number) => void;
  onHistory: (regionCode: string) => void;
}

/** One month of one program: regions down, the program's fields across. */
export function GridTable(props: GridTableProps) {
  const { period, program, regions, figures, edits, errors, readOnly } = props;
  const { t, tx, locale } = useI18n();
  const table = useRef<HTMLTableElement>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const fields = PROGRAM_FIELDS[program] as readonly FigureField[];
  const keys = regions.map((r) => fields.map((f) => cellKey(r.code, program, f)));
  const regionName = (r: Region) => (locale === 'zh-CN' ? r.name : r.nameEn);
  const programName = t(`assistance.programs.${program}`);
  const show = (f: FigureField, v: number) =>
    formatNumber(v, locale, isMoneyField(f) && v % 1 ? 2 : 0);

  const focusCell = (pos: Pos) => {
    const el = table.current?.querySelector<HTMLInputElement>(
      `input[data-row="${pos.row}"][data-col="${pos.col}"]`,
    );
    el?.focus();
    el?.select();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>, pos: Pos, key: string) => {
    if (e.key === 'Escape') {
      props.onRevert(key);
      return;
    }
    // A fully selected cell (as focus leaves it) is in "move" mode, like a spreadsheet's.
    const el = e.currentTarget;
    const all = el.selectionStart === 0 && el.selectionEnd === el.value.length;
    const to = moveFrom(pos, e.key, {
      rows: regions.length,
      cols: fields.length,
      atStart: all || el.selectionEnd === 0,
      atEnd: all || el.selectionStart === el.value.length,
      shift: e.shiftKey,
    });
    if (!to) return;
    e.preventDefault();
    focusCell(to);
  };

  const onPaste = (e: ClipboardEvent<HTMLInputElement>, pos: Pos) => {
    const text = e.clipboardData.getData('text/plain');
    if (!isBlock(text)) return;
    e.preventDefault();
    const { updates, count, clipped } = pasteBlock(keys, pos, parseClipboard(text));
    props.onEdit(updates);
    props.onPasted(count, clipped);
  };

  return (
    <Table.ScrollContainer minWidth={640}>
      <Table
        ref={table}
        withColumnBorders
        striped={false}
        aria-label={t('assistance.grid.caption', {
          month: monthText(period, locale),
          program: programName,
        })}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th className={classes.region}>{t('assistance.region')}</Table.Th>
            {fields.map((f) => (
              <Table.Th key={f} ta="right">
                {t(`assistance.fields.${f}`)}
              </Table.Th>
            ))}
            <Table.Th>{t('assistance.status.label')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('assistance.grid.history')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {regions.map((r, row) => {
            const fig = figures.get(figureId(period, r.code, program));
            const dirty = fields.some((f) => cellKey(r.code, program, f) in edits);
            return (
              <Table.Tr key={r.code} data-testid={`row-${r.code}`}>
                <Table.Th scope="row" fw={500} className={classes.region}>
                  {regionName(r)}{' '}
                  <Text span size="xs" c="dimmed" ff="monospace">
                    {r.code}
                  </Text>
                </Table.Th>
                {fields.map((f, col) => {
                  const key = keys[row]![col]!;
                  const server = fig?.values[f];
                  if (readOnly)
                    return (
                      <Table.Td key={f} ta="right" className={classes.value}>
                        {server === undefined ? (
                          <Text span size="xs" c="dimmed">
                            {t('assistance.notEntered')}
                          </Text>
                        ) : (
                          show(f, server)
                        )}
                      </Table.Td>
                    );
                  const edit = edits[key];
                  const error = errors[key];
                  const errorId = `err-${key.replace(/\|/g, '-')}`;
                  const shown =
                    edit ??
                    (focused === key || server === undefined ? rawOf(server) : show(f, server));
                  return (
                    <Table.Td key={f} className={classes.cell}>
                      <input
                        className={classes.input}
                        value={shown}
                        inputMode="decimal"
                        autoComplete="off"
                        aria-label={t('assistance.grid.cell', {
                          region: regionName(r),
                          program: programName,
                          field: t(`assistance.fields.${f}`),
                        })}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? errorId : undefined}
                        data-row={row}
                        data-col={col}
                        data-edited={edit !== undefined ? '' : undefined}
                        onFocus={(e) => {
                          setFocused(key);
                          const el = e.currentTarget;
                          requestAnimationFrame(() => el.select());
                        }}
                        onBlur={() => setFocused(null)}
                        onChange={(e) => props.onEdit({ [key]: e.currentTarget.value })}
                        onKeyDown={(e) => onKeyDown(e, { row, col }, key)}
                        onPaste={(e) => onPaste(e, { row, col })}
                      />
                      {error && (
                        <span id={errorId} className={classes.error}>
                          {tx(error)}
                        </span>
                      )}
                    </Table.Td>
                  );
                })}
                <Table.Td>
                  <RowStatus status={fig?.status} dirty={dirty} />
                </Table.Td>
                <Table.Td>
                  {fig && (
                    <ActionIcon
                      variant="subtle"
                      onClick={() => props.onHistory(r.code)}
                      aria-label={t('assistance.grid.historyOf', {
                        region: regionName(r),
                        program: programName,
                      })}
                    >
                      <IconHistory size={18} aria-hidden />
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function RowStatus({ status, dirty }: { status?: 'draft' | 'published'; dirty: boolean }) {
  const { t } = useI18n();
  if (dirty)
    return (
      <Badge color="yellow" variant="outline">
        {t('assistance.status.edited')}
      </Badge>
    );
  if (!status)
    return (
      <Badge color="gray" variant="outline">
        {t('assistance.status.empty')}
      </Badge>
    );
  return (
    <Badge color={status === 'published' ? 'green' : 'blue'}>
      {t(`assistance.status.${status}`)}
    </Badge>
  );
}
