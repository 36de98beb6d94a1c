import { Table, Text } from '@mantine/core';
import type { ClipboardEvent, KeyboardEvent } from 'react';
import { formatNumber } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { rawOf, type Pos } from '../grid';
import { isMoneyField, type FigureField } from '../types';
import classes from './month-grid.module.css';

export interface CellProps {
  cellKey: string;
  pos: Pos;
  field: FigureField;
  label: string;
  server: number | undefined;
  edit: string | undefined;
  error: string | undefined;
  focused: boolean;
  readOnly: boolean;
  onFocus: (key: string) => void;
  onBlur: () => void;
  onEdit: (key: string, value: string) => void;
  onKeyDown: (e: KeyboardEvent<HTMLInputElement>, pos: Pos, key: string) => void;
  onPaste: (e: ClipboardEvent<HTMLInputElement>, pos: Pos) => void;
}

/**
 * One figure: a labelled input showing the typed text, or the server's value (grouped when not
 * focused, plain while editing), with its error in words right below it.
 */
export function GridCell(p: CellProps) {
  const { t, tx, locale } = useI18n();
  const show = (v: number) => formatNumber(v, locale, isMoneyField(p.field) && v % 1 ? 2 : 0);
  if (p.readOnly)
    return (
      <Table.Td ta="right" className={classes.value}>
        {p.server === undefined ? (
          <Text span size="xs" c="dimmed">
            {t('assistance.notEntered')}
          </Text>
        ) : (
          show(p.server)
        )}
      </Table.Td>
    );
  const errorId = `err-${p.cellKey.replace(/\|/g, '-')}`;
  const shown = p.edit ?? (p.focused || p.server === undefined ? rawOf(p.server) : show(p.server));
  return (
    <Table.Td className={classes.cell} data-wide={p.field === 'expenditure' || undefined}>
      <input
        className={classes.input}
        value={shown}
        inputMode="decimal"
        autoComplete="off"
        aria-label={p.label}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={p.error ? errorId : undefined}
        data-row={p.pos.row}
        data-col={p.pos.col}
        data-edited={p.edit !== undefined ? '' : undefined}
        onFocus={(e) => {
          p.onFocus(p.cellKey);
          const el = e.currentTarget;
          requestAnimationFrame(() => el.select());
        }}
        onBlur={p.onBlur}
        onChange={(e) => p.onEdit(p.cellKey, e.currentTarget.value)}
        onKeyDown={(e) => p.onKeyDown(e, p.pos, p.cellKey)}
        onPaste={(e) => p.onPaste(e, p.pos)}
      />
      {p.error && (
        <span id={errorId} className={classes.error}>
          {tx(p.error)}
        </span>
      )}
    </Table.Td>
  );
}
