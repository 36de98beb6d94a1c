import { Badge, Card, Group, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import classes from './kpi-tile.module.css';

/**
 * One figure: its label, value, the change against last year and what it rests on, as a link
 * into the list behind it. A tone colours the value; the label always says what it means.
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
    <Card className={classes.card} padding="md" data-testid={testId}>
      <Group gap={6} justify="space-between" align="flex-start">
        <Text size="sm" c="dimmed">
          {label}
        </Text>
        {badge && (
          <Badge size="xs" color="gray" variant="outline">
            {badge}
          </Badge>
        )}
      </Group>
      <Text className={classes.value} data-tone={tone} data-testid="kpi-value">
        {value}
      </Text>
      {change && (
        <Text size="xs" data-testid="kpi-change">
          {change}
        </Text>
      )}
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Card>
  );
  if (!to) return body;
  return (
    <UnstyledButton component={Link} to={to} className={classes.link}>
      {body}
    </UnstyledButton>
  );
}
