import type { ReactNode } from 'react';
import classes from './page-header.module.css';

/**
 * A page's title, subtitle and actions. Plain elements on Mantine's variables (the h2 size, the
 * dimmed colour, its spacing) rather than Group/Stack/Title/Text: every page draws it first.
 */
export function PageHeader({
  title,
  subtitle,
  actions,
}: {
  title: string;
  subtitle?: string;
  actions?: ReactNode;
}) {
  return (
    <div className={classes.root}>
      <div className={classes.titles}>
        <h1 className={classes.title}>{title}</h1>
        {subtitle && <p className={classes.subtitle}>{subtitle}</p>}
      </div>
      {actions && <div className={classes.actions}>{actions}</div>}
    </div>
  );
}
