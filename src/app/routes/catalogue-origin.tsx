import { Button, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { catalogueQueries } from '@/features/catalogue/api';
import { formatNumber } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { OriginNote } from './origin-note';

const RATE_BASIS = 'dashboard:catalogue.timelyRate:basis';

/**
 * The catalogue's origin note. Under 及时公开率 the list holds the entries the rate rests on (its
 * denominator: the year's published entries); the note says how many of them were late, counted by
 * the same list query, and switches between all of them and only the late ones.
 */
export function CatalogueOriginNote() {
  const [params, setParams] = useSearchParams();
  return (
    <OriginNote>
      {params.get('from') === RATE_BASIS && (
        <LateSegment
          year={Number(params.get('year')) || undefined}
          lateOnly={params.get('timely') === 'false'}
          onChange={(lateOnly) => {
            const next = new URLSearchParams(params);
            if (lateOnly) next.set('timely', 'false');
            else next.delete('timely');
            next.delete('page');
            setParams(next);
          }}
        />
      )}
    </OriginNote>
  );
}

function LateSegment({
  year,
  lateOnly,
  onChange,
}: {
  year: number | undefined;
  lateOnly: boolean;
  onChange: (lateOnly: boolean) => void;
}) {
  const { t, locale } = useI18n();
  const count = (timely?: 'false') =>
    catalogueQueries.list({ year, ...(timely ? { timely } : {}), page: 1, pageSize: 1 });
  const late = useQuery(count('false'));
  const all = useQuery(count());
  if (late.data === undefined || all.data === undefined) return null;
  return (
    <Group gap="xs">
      <Text size="sm" data-testid="origin-late">
        {t('dashboard.origin.catalogueLate', { n: formatNumber(late.data.total, locale) })}
      </Text>
      <Button size="xs" variant="light" onClick={() => onChange(!lateOnly)}>
        {lateOnly
          ? t('dashboard.origin.showAll', { n: formatNumber(all.data.total, locale) })
          : t('dashboard.origin.showLate')}
      </Button>
    </Group>
  );
}
