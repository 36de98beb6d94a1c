import { Badge } from '@mantine/core';
import { Link } from 'react-router';
import classes from './kpi-tile.module.css';

/** The Element Timing API reports when the figures are painted (npm run bench). */
const PAINT_TIMING = { elementtiming: 'kpi' };

/**
 * One figure: its label, value, the change against last year and what it rests on, as a link
 * into the list behind it. A tone colours the value; the label always says what it means.
 *
 * Plain elements styled like a bordered Mantine Card (kpi-tile.module.css, with Mantine's
 * variables): the dashboard draws 18 of them on its first render, and seven Mantine components
 * per tile were most of that render's work (npm run bench).
 */
export function KpiTile({
  label,
  value,
  to,
  hint,
  change,
  badge,
  tone,
  testId,
}: {
  label: string;
  value: string;
  to?: string;
  hint?: string;
  change?: string | null;
  badge?: string;
  tone?: 'red' | 'orange';
  testId?: string;
}) {
  const body = (
    <div className={classes.card} data-testid={testId}>
      <div className={classes.head}>
        <p className={classes.label}>{label}</p>
        {badge && (
          <Badge size="xs" color="gray" variant="outline">
            {badge}
          </Badge>
        )}
      </div>
      {/* A figure, not a heading: a div, so it is not read as a bold paragraph posing as one. */}
      <div className={classes.value} data-tone={tone} data-testid="kpi-value" {...PAINT_TIMING}>
        {value}
      </div>
      {change && (
        <p className={classes.small} data-testid="kpi-change">
          {change}
        </p>
      )}
      {hint && <p className={`${classes.small} ${classes.dimmed}`}>{hint}</p>}
    </div>
  );
  if (!to) return body;
  return (
    // mantine-focus-auto: Mantine's own focus ring (global styles), as on its buttons.
    <Link to={to} className={`${classes.link} mantine-focus-auto`}>
      {body}
    </Link>
  );
}
