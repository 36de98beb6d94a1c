import { Alert, Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '@/lib/i18n/provider';
import { useSectionName } from '@/lib/sections';

/**
 * The filters only a dashboard figure or a to-do group sets (no control on the list shows them):
 * cleared with the note, so nothing invisible keeps narrowing the list.
 */
const ORIGIN_ONLY = ['dueOn', 'extensionRequested', 'rated', 'replied', 'open', 'late', 'lapsing'];

/**
 * Where the list's filter came from, from the URL's `from`: 「来自工作台：在办超期」 for a dashboard
 * tile (`dashboard:<label key>`, `:basis` for the cases a rate rests on), a per-section figure
 * (`section:<id>:<column>`) or a to-do group (`todo:<group>`). An unknown value shows nothing.
 */
export function useOriginText(): string | null {
  const { t, tx } = useI18n();
  const sectionName = useSectionName();
  const [params] = useSearchParams();
  const from = params.get('from');
  if (!from) return null;
  const [kind, a = '', b = ''] = from.split(':');
  const known = (key: string) => {
    const s = tx(key);
    return s === key ? null : s;
  };
  if (kind === 'todo') {
    const what = known(`todo.groups.${a}`);
    return what && t('todo.origin.todo', { what });
  }
  if (kind === 'dashboard') {
    const label = known(`dashboard.${a}`);
    if (!label) return null;
    const what = b === 'basis' ? t('dashboard.origin.basis', { what: label }) : label;
    return t('todo.origin.dashboard', { what });
  }
  if (kind === 'section') {
    const what = known(`dashboard.bySection.${b}`);
    return what && t('todo.origin.section', { section: sectionName(a), what });
  }
  return null;
}

export function OriginNote({ children }: { children?: ReactNode }) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const text = useOriginText();
  if (!text) return null;
  return (
    <Alert color="grape" variant="light" data-testid="origin-note" mb="md">
      <Group justify="space-between" gap="xs">
        <Text size="sm">{text}</Text>
        {children}
        <Button
          size="xs"
          variant="subtle"
          onClick={() => {
            const next = new URLSearchParams(params);
            for (const k of ['from', 'page', ...ORIGIN_ONLY]) next.delete(k);
            setParams(next);
          }}
        >
          {t('todo.origin.dismiss')}
        </Button>
      </Group>
    </Alert>
  );
}
