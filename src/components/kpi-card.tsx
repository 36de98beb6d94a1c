import { Card, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import classes from './kpi-card.module.css';

/** A figure with its label; a link into the records behind it. */
export function KpiCard({
  label,
  value,
  to,
  hint,
  tone,
}: {
  label: string;
  value: string;
  to?: string;
  hint?: string;
  tone?: 'red' | 'orange';
}) {
  const body = (
    <Card className={classes.card} data-tone={tone}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text
        fz={30}
        fw={700}
        c={tone === 'red' ? 'red.9' : tone === 'orange' ? 'orange.9' : undefined}
        data-testid="kpi-value"
      >
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Card>
  );
  if (!to) return body;
  return (
    <UnstyledButton
      component={Link}
      to={to}
      className={classes.link}
      aria-label={`${label} ${value}`}
    >
      {body}
    </UnstyledButton>
  );
}
