import { Anchor, Card, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { memo } from 'react';
import { Link } from 'react-router';
import tableClasses from '@/components/table.module.css';
import { formatDate } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { useSectionName } from '@/lib/sections';
import type { Letter } from '../types';
import { LetterFlags, RemainingBadge } from './remaining-badge';

/**
 * Row selection for the bulk actions (the office only); absent: no checkboxes. `toggle` keeps its
 * identity from render to render, so a row whose letter and state did not change is not rendered
 * again (a change of filter renders the list while the new page is on its way).
 */
export interface Selection {
  isSelected: (id: string) => boolean;
  toggle: (letter: Letter) => void;
  /** Select every row of the page, or clear them when all are selected. */
  togglePage: (letters: Letter[]) => void;
}

/** What a row (or a phone's card) needs: memoised on these, each one compared as is. */
interface RowProps {
  letter: Letter;
  href: string;
  /** With selection: whether the row is picked, and how to change that. */
  selected?: boolean | undefined;
  onToggle?: ((letter: Letter) => void) | undefined;
}

const rowProps = (l: Letter, letterHref: (id: string) => string, selection?: Selection) => ({
  letter: l,
  href: letterHref(l.id),
  selected: selection?.isSelected(l.id),
  onToggle: selection?.toggle,
});

function SectionCell({ letter }: { letter: Letter }) {
  const { t } = useI18n();
  const sectionName = useSectionName();
  return letter.sectionId ? (
    <>{sectionName(letter.sectionId)}</>
  ) : (
    <Text span c="dimmed" size="sm">
      {t('letters.statuses.registered')}
    </Text>
  );
}

function RowCheckbox({
  letter,
  selected,
  onToggle,
}: {
  letter: Letter;
  selected: boolean;
  onToggle: (letter: Letter) => void;
}) {
  const { t } = useI18n();
  return (
    <Checkbox
      aria-label={t('letters.cases.bulk.select', { serialNo: letter.serialNo })}
      checked={selected}
      onChange={() => onToggle(letter)}
    />
  );
}

const LetterRow = memo(function LetterRow({ letter: l, href, selected, onToggle }: RowProps) {
  const { t, locale } = useI18n();
  return (
    <Table.Tr data-testid="letter-row">
      {onToggle && (
        <Table.Td>
          <RowCheckbox letter={l} selected={selected ?? false} onToggle={onToggle} />
        </Table.Td>
      )}
      <Table.Td className={tableClasses.nowrap}>
        <Anchor component={Link} to={href} ff="monospace" size="sm">
          {l.serialNo}
        </Anchor>
      </Table.Td>
      <Table.Td maw={280}>
        <Text size="sm" truncate="end" title={l.subject}>
          {l.subject}
        </Text>
        <Text size="xs" c="dimmed">
          {l.citizenName} {l.citizenPhone ?? ''}
        </Text>
      </Table.Td>
      <Table.Td>{t(`letters.sources.${l.source}`)}</Table.Td>
      <Table.Td>{t(`letters.categories.${l.category}`)}</Table.Td>
      <Table.Td>
        <SectionCell letter={l} />
      </Table.Td>
      <Table.Td className={tableClasses.nowrap}>{formatDate(l.receivedOn, locale)}</Table.Td>
      <Table.Td className={tableClasses.nowrap}>{formatDate(l.dueOn, locale)}</Table.Td>
      <Table.Td className={tableClasses.nowrap}>
        <Stack gap={2}>
          <RemainingBadge letter={l} />
          <LetterFlags letter={l} />
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
});

export function LettersTable({
  items,
  letterHref,
  selection,
  busy,
}: {
  items: Letter[];
  letterHref: (id: string) => string;
  selection?: Selection | undefined;
  busy: boolean;
}) {
  const { t } = useI18n();
  const picked = selection ? items.filter((l) => selection.isSelected(l.id)).length : 0;
  return (
    <Card padding={0}>
      <Table.ScrollContainer minWidth={960}>
        <Table aria-label={t('nav.letters')} aria-busy={busy}>
          <Table.Thead>
            <Table.Tr>
              {selection && (
                <Table.Th w={40}>
                  <Checkbox
                    aria-label={t('letters.cases.bulk.selectPage')}
                    checked={picked > 0 && picked === items.length}
                    indeterminate={picked > 0 && picked < items.length}
                    onChange={() => selection.togglePage(items)}
                  />
                </Table.Th>
              )}
              <Table.Th>{t('letters.serialNo')}</Table.Th>
              <Table.Th>{t('letters.subject')}</Table.Th>
              <Table.Th>{t('letters.source')}</Table.Th>
              <Table.Th>{t('letters.category')}</Table.Th>
              <Table.Th>{t('letters.section')}</Table.Th>
              <Table.Th>{t('letters.receivedOn')}</Table.Th>
              <Table.Th>{t('letters.dueOn')}</Table.Th>
              <Table.Th>{t('letters.remaining')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((l) => (
              <LetterRow key={l.id} {...rowProps(l, letterHref, selection)} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

/**
 * On a phone: one card a letter, the deadline first (days left / 已超期), then serial, gist,
 * section and status.
 */
export function LetterCards({
  items,
  letterHref,
  selection,
}: {
  items: Letter[];
  letterHref: (id: string) => string;
  selection?: Selection | undefined;
}) {
  const { t } = useI18n();
  return (
    <Stack gap="xs" component="ul" p={0} m={0} aria-label={t('nav.letters')}>
      {items.map((l) => (
        <LetterCard key={l.id} {...rowProps(l, letterHref, selection)} />
      ))}
    </Stack>
  );
}

const LetterCard = memo(function LetterCard({ letter: l, href, selected, onToggle }: RowProps) {
  const { t } = useI18n();
  return (
    <Card component="li" padding="sm" data-testid="letter-card" withBorder>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Stack gap={4}>
          <RemainingBadge letter={l} />
          <LetterFlags letter={l} />
        </Stack>
        {onToggle && <RowCheckbox letter={l} selected={selected ?? false} onToggle={onToggle} />}
      </Group>
      <Anchor component={Link} to={href} ff="monospace" size="sm" mt={6}>
        {l.serialNo}
      </Anchor>
      <Text size="sm" fw={500} lineClamp={2}>
        {l.subject}
      </Text>
      <Group gap="xs" mt={4} justify="space-between">
        <Text size="xs" c="dimmed">
          {l.sectionId ? <SectionCell letter={l} /> : null}
        </Text>
        <Text size="xs" c="dimmed">
          {t(`letters.statuses.${l.status}`)}
        </Text>
      </Group>
    </Card>
  );
});
