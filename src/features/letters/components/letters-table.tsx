import { Anchor, Card, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import tableClasses from '@/components/table.module.css';
import { formatDate } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { useSectionName } from '@/lib/sections';
import type { Letter } from '../types';
import { LetterFlags, RemainingBadge } from './remaining-badge';

/** Row selection for the bulk actions (the office only); absent: no checkboxes. */
export interface Selection {
  isSelected: (id: string) => boolean;
  toggle: (letter: Letter) => void;
  /** Select every row of the page, or clear them when all are selected. */
  togglePage: (letters: Letter[]) => void;
}

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

function RowCheckbox({ letter, selection }: { letter: Letter; selection: Selection }) {
  const { t } = useI18n();
  return (
    <Checkbox
      aria-label={t('letters.cases.bulk.select', { serialNo: letter.serialNo })}
      checked={selection.isSelected(letter.id)}
      onChange={() => selection.toggle(letter)}
    />
  );
}

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
  const { t, locale } = useI18n();
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
              <Table.Tr key={l.id} data-testid="letter-row">
                {selection && (
                  <Table.Td>
                    <RowCheckbox letter={l} selection={selection} />
                  </Table.Td>
                )}
                <Table.Td>
                  <Anchor component={Link} to={letterHref(l.id)} ff="monospace" size="sm">
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
                <Table.Td fz="sm">{t(`letters.sources.${l.source}`)}</Table.Td>
                <Table.Td fz="sm">{t(`letters.categories.${l.category}`)}</Table.Td>
                <Table.Td fz="sm">
                  <SectionCell letter={l} />
                </Table.Td>
                <Table.Td fz="sm" className={tableClasses.nowrap}>
                  {formatDate(l.receivedOn, locale)}
                </Table.Td>
                <Table.Td fz="sm" className={tableClasses.nowrap}>
                  {formatDate(l.dueOn, locale)}
                </Table.Td>
                <Table.Td className={tableClasses.nowrap}>
                  <Stack gap={2}>
                    <RemainingBadge letter={l} />
                    <LetterFlags letter={l} />
                  </Stack>
                </Table.Td>
              </Table.Tr>
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
        <Card key={l.id} component="li" padding="sm" data-testid="letter-card" withBorder>
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
            <Stack gap={4}>
              <RemainingBadge letter={l} />
              <LetterFlags letter={l} />
            </Stack>
            {selection && <RowCheckbox letter={l} selection={selection} />}
          </Group>
          <Anchor component={Link} to={letterHref(l.id)} ff="monospace" size="sm" mt={6}>
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
      ))}
    </Stack>
  );
}
