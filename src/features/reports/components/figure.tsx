import { Anchor } from '@mantine/core';
import { createContext, useContext, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '@/lib/i18n/provider';
import { formatFigure } from '../tables';
import classes from './report.module.css';

export interface FigureContextValue {
  /** The records behind a figure, or null when no list shows them. */
  href: (key: string) => string | null;
  /** Last year's figures when "compare with last year" is on. */
  previous: Map<string, number> | null;
}
const FigureContext = createContext<FigureContextValue>({ href: () => null, previous: null });

export function FigureProvider({
  value,
  children,
}: {
  value: FigureContextValue;
  children: ReactNode;
}) {
  return <FigureContext.Provider value={value}>{children}</FigureContext.Provider>;
}

/**
 * One number of the report: a link to the records behind it, named by its row and column, with
 * last year's figure under it (in a table) or after it (in a sentence) when comparing.
 */
export function Figure({
  figureKey,
  value,
  what,
  inline = false,
}: {
  figureKey: string;
  value: number;
  what: string;
  inline?: boolean;
}) {
  const { t } = useI18n();
  const { href, previous } = useContext(FigureContext);
  const text = formatFigure(value);
  const to = href(figureKey);
  const name = t('report.figureLink', { what, n: text });
  const prev = previous?.get(figureKey);
  const number = to ? (
    <Anchor
      component={Link}
      to={to}
      aria-label={name}
      title={name}
      inherit
      className={classes.link}
    >
      {text}
    </Anchor>
  ) : (
    <span>{text}</span>
  );
  if (inline)
    return (
      <span className={classes.inlineFigure} data-figure={figureKey}>
        {number}
        {prev !== undefined && (
          <span className={classes.previous}>
            {t('report.previousInline', { n: formatFigure(prev) })}
          </span>
        )}
      </span>
    );
  return (
    <span className={classes.figure} data-figure={figureKey}>
      {number}
      {prev !== undefined && (
        <span className={classes.previous}>{t('report.previous', { n: formatFigure(prev) })}</span>
      )}
    </span>
  );
}

/** A sentence of the locale with `{name}` placeholders filled by React nodes (e.g. figures). */
export function Sentence({ text, parts }: { text: string; parts: Record<string, ReactNode> }) {
  const out: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(/\{(\w+)\}/g)) {
    out.push(text.slice(last, m.index));
    out.push(<span key={m.index}>{parts[m[1]!] ?? m[0]}</span>);
    last = m.index + m[0].length;
  }
  out.push(text.slice(last));
  return <>{out}</>;
}
