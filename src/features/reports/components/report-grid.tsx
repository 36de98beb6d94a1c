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
  return (
    <div className={classes.tableWrap}>
      <table className={classes.grid} aria-label={label} data-testid={`table-${grid.id}`}>
        <colgroup>
          {grid.widths.map((w, i) => (
            <col key={i} width={`${w}%`} />
          ))}
        </colgroup>
        {grid.head.length > 0 && (
          <thead>
            {grid.head.map((r, i) => (
              <tr key={i}>{r.map(cell)}</tr>
            ))}
          </thead>
        )}
        <tbody>
          {grid.body.map((r, i) => (
            <tr key={i}>{r.map(cell)}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
