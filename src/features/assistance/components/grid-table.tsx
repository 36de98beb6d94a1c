import { ActionIcon, Badge, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { formatNumber } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import type { Region } from '@/types/api';
import { monthText } from '../charts';
import {
  cellKey,
  columnTotals,
  isBlock,
  moveFrom,
  parseClipboard,
  pasteBlock,
  type Edits,
  type Figures,
  type Pos,
} from '../grid';
import { figureId } from '../rules';
import { PROGRAM_FIELDS, PROGRAMS, type FigureField, type Program } from '../types';
import { GridCell } from './grid-cell';
import classes from './month-grid.module.css';

export type GridProgram = Program | 'all';

export interface GridTableProps {
  period: string;
  program: GridProgram;
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

const columnsOf = (program: GridProgram) =>
  (program === 'all' ? PROGRAMS : [program]).flatMap((p) =>
    (PROGRAM_FIELDS[p] as readonly FigureField[]).map((field) => ({ program: p, field })),
  );

/** One month: regions down, the fields of one program (or of all of them) across. */
export function GridTable(props: GridTableProps) {
  const { period, program, regions, figures, edits, errors, readOnly } = props;
  const { t, locale } = useI18n();
  const table = useRef<HTMLTableElement>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const all = program === 'all';
  const columns = columnsOf(program);
  const keys = regions.map((r) => columns.map((c) => cellKey(r.code, c.program, c.field)));
  const regionName = (r: Region) => (locale === 'zh-CN' ? r.name : r.nameEn);
  const totals = columnTotals(
    period,
    regions.map((r) => r.code),
    columns,
    figures,
    edits,
  );
  const programName = (p: Program) => t(`assistance.programs.${p}`);

  const focusCell = (pos: Pos) => {
    const el = table.current?.querySelector<HTMLInputElement>(
      `input[data-row="${pos.row}"][data-col="${pos.col}"]`,
    );
    el?.focus();
    el?.select();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>, pos: Pos, key: string) => {
    if (e.key === 'Escape') return props.onRevert(key);
    // A fully selected cell (as focus leaves it) is in "move" mode, like a spreadsheet's.
    const el = e.currentTarget;
    const whole = el.selectionStart === 0 && el.selectionEnd === el.value.length;
    const to = moveFrom(pos, e.key, {
      rows: regions.length,
      cols: columns.length,
      atStart: whole || el.selectionEnd === 0,
      atEnd: whole || el.selectionStart === el.value.length,
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

  const caption = t('assistance.grid.caption', {
    month: monthText(period, locale),
    program: all ? t('assistance.allPrograms') : programName(program),
  });
  return (
    // Read-only, the scrolling box must take the focus itself (keyboard scrolling).
    <div
      className={classes.scroll}
      tabIndex={readOnly ? 0 : undefined}
      role={readOnly ? 'region' : undefined}
      aria-label={readOnly ? caption : undefined}
    >
      <Table
        ref={table}
        withColumnBorders
        striped={false}
        aria-label={caption}
        miw={all ? 1800 : 640}
      >
        <Table.Thead>
          {all && (
            <Table.Tr>
              <Table.Th className={classes.region} rowSpan={2}>
                {t('assistance.region')}
              </Table.Th>
              {PROGRAMS.map((p) => (
                <Table.Th key={p} colSpan={PROGRAM_FIELDS[p].length} ta="center" scope="colgroup">
                  {programName(p)}
                </Table.Th>
              ))}
              <Table.Th rowSpan={2}>{t('assistance.status.label')}</Table.Th>
            </Table.Tr>
          )}
          <Table.Tr>
            {!all && <Table.Th className={classes.region}>{t('assistance.region')}</Table.Th>}
            {columns.map((c) => (
              <Table.Th key={`${c.program}-${c.field}`} ta="right">
                {t(`assistance.fields.${c.field}`)}
              </Table.Th>
            ))}
            {!all && (
              <>
                <Table.Th>{t('assistance.status.label')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('assistance.grid.history')}</VisuallyHidden>
                </Table.Th>
              </>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {regions.map((r, row) => {
            const programs = all ? PROGRAMS : [program];
            const figs = programs.map((p) => figures.get(figureId(period, r.code, p)));
            const dirty = keys[row]!.some((k) => k in edits);
            return (
              <Table.Tr key={r.code} data-testid={`row-${r.code}`}>
                <Table.Th scope="row" fw={500} className={classes.region}>
                  {regionName(r)}{' '}
                  <Text span size="xs" c="dimmed" ff="monospace">
                    {r.code}
                  </Text>
                </Table.Th>
                {columns.map((c, col) => {
                  const key = keys[row]![col]!;
                  return (
                    <GridCell
                      key={key}
                      cellKey={key}
                      pos={{ row, col }}
                      field={c.field}
                      label={t('assistance.grid.cell', {
                        region: regionName(r),
                        program: programName(c.program),
                        field: t(`assistance.fields.${c.field}`),
                      })}
                      server={figures.get(figureId(period, r.code, c.program))?.values[c.field]}
                      edit={edits[key]}
                      error={errors[key]}
                      focused={focused === key}
                      readOnly={readOnly}
                      onFocus={setFocused}
                      onBlur={() => setFocused(null)}
                      onEdit={(k, v) => props.onEdit({ [k]: v })}
                      onKeyDown={onKeyDown}
                      onPaste={onPaste}
                    />
                  );
                })}
                <Table.Td>
                  <RowStatus statuses={figs.map((f) => f?.status)} dirty={dirty} />
                </Table.Td>
                {!all && (
                  <Table.Td>
                    {figs[0] && (
                      <ActionIcon
                        variant="subtle"
                        onClick={() => props.onHistory(r.code)}
                        aria-label={t('assistance.grid.historyOf', {
                          region: regionName(r),
                          program: programName(program),
                        })}
                      >
                        <IconHistory size={18} aria-hidden />
                      </ActionIcon>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr data-testid="row-total">
            <Table.Th scope="row" className={classes.region}>
              {t('assistance.grid.total')}
            </Table.Th>
            {totals.map((v, i) => (
              <Table.Td key={i} ta="right" fw={600} fz="sm" className={classes.total}>
                {v === null ? (
                  <span title={t('assistance.grid.noTotal')}>
                    <span aria-hidden>—</span>
                    <VisuallyHidden>{t('assistance.grid.noTotal')}</VisuallyHidden>
                  </span>
                ) : (
                  formatNumber(v, locale, v % 1 ? 2 : 0)
                )}
              </Table.Td>
            ))}
            <Table.Td colSpan={all ? 1 : 2} className={classes.total} />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </div>
  );
}

/** The row's state in words (several programs: how many of each). */
function RowStatus({
  statuses,
  dirty,
}: {
  statuses: ('draft' | 'published' | undefined)[];
  dirty: boolean;
}) {
  const { t } = useI18n();
  if (dirty)
    return (
      <Badge color="yellow" variant="outline">
        {t('assistance.status.edited')}
      </Badge>
    );
  const count = (s: 'draft' | 'published' | undefined) => statuses.filter((x) => x === s).length;
  const parts = (['published', 'draft', undefined] as const).filter((s) => count(s) > 0);
  return (
    <>
      {parts.map((s) => (
        <Badge
          key={s ?? 'empty'}
          color={s === 'published' ? 'green' : s === 'draft' ? 'blue' : 'gray'}
          variant={s ? 'light' : 'outline'}
          mr={4}
        >
          {t(`assistance.status.${s ?? 'empty'}`)}
          {statuses.length > 1 ? ` ${count(s)}` : ''}
        </Badge>
      ))}
    </>
  );
}
