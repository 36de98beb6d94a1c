import type { Grid, GridCell } from '../tables';
import { Figure } from './figure';
import classes from './report.module.css';

/**
 * A table of the report as an HTML table with the template's row and column spans: header rows in
 * <thead>, row labels as row headers, every number a Figure (a link to its records).
 */
export function ReportGrid({
  grid,
  label,
  what,
}: {
  grid: Grid;
  label: string;
  /** The accessible name of a number cell's link, from its key. */
  what: (key: string) => string;
}) {
  const cell = (c: GridCell, i: number) => {
    const span = { colSpan: c.colSpan, rowSpan: c.rowSpan };
    if (c.kind === 'num')
      return (
        <td key={i} {...span} className={classes.num}>
          <Figure figureKey={c.key!} value={c.value ?? 0} what={what(c.key!)} />
        </td>
      );
    if (c.kind === 'head')
      return (
        <th
          key={i}
          {...span}
          scope={c.colSpan && c.colSpan > 1 ? 'colgroup' : 'col'}
          className={classes.head}
        >
          {c.text}
        </th>
      );
    return (
      <th
        key={i}
        {...span}
        scope={c.rowSpan && c.rowSpan > 1 ? 'rowgroup' : 'row'}
        className={classes.label}
      >
        {c.text}
      </th>
    );
  };
  // A body row that is one header cell across the whole width starts a block of its own (table
  // 二's 第二十条第（一）项 …): a table of its own with that text as its caption, as assistive
  // technology expects (a spanning first row only looks like one).
  const width = grid.widths.length;
  const blocks: { caption: string | null; rows: GridCell[][] }[] = [];
  for (const r of grid.body) {
    const only = r.length === 1 ? r[0] : undefined;
    if (only?.kind === 'head' && (only.colSpan ?? 1) === width)
      blocks.push({ caption: only.text ?? '', rows: [] });
    else if (blocks.length === 0) blocks.push({ caption: null, rows: [r] });
    else blocks[blocks.length - 1]!.rows.push(r);
  }
  // Split into blocks: the group is named, each table by its caption; otherwise the one table is.
  const split = blocks.some((b) => b.caption !== null);
  return (
    <div
      className={classes.tableWrap}
      data-testid={`table-${grid.id}`}
      {...(split ? { role: 'group', 'aria-label': label } : {})}
    >
      {blocks.map((b, k) => (
        <table key={k} className={classes.grid} {...(split ? {} : { 'aria-label': label })}>
          {b.caption !== null && <caption className={classes.caption}>{b.caption}</caption>}
          <colgroup>
            {grid.widths.map((w, i) => (
              <col key={i} width={`${w}%`} />
            ))}
          </colgroup>
          {k === 0 && grid.head.length > 0 && (
            <thead>
              {grid.head.map((r, i) => (
                <tr key={i}>{r.map(cell)}</tr>
              ))}
            </thead>
          )}
          <tbody>
            {b.rows.map((r, i) => (
              <tr key={i}>{r.map(cell)}</tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}
