import { Badge, Card, NavLink } from '@mantine/core';
import { useI18n } from '@/lib/i18n/provider';
import { CATALOGUE_CATEGORIES, type CatalogueCategory } from '../types';

/** Categories with their counts under the other filters; choosing one filters the list. */
export function CategoryTree({
  counts,
  total,
  value,
  onChange,
}: {
  counts: Record<string, number>;
  total: number;
  value?: CatalogueCategory;
  onChange: (c?: CatalogueCategory) => void;
}) {
  const { t } = useI18n();
  return (
    <Card padding="xs" component="nav" aria-label={t('catalogue.category')}>
      <>
        <NavLink
          label={t('catalogue.allCategories')}
          active={!value}
          onClick={() => onChange(undefined)}
          rightSection={
            <Badge size="sm" variant="light">
              {total}
            </Badge>
          }
        />
        {CATALOGUE_CATEGORIES.map((c) => (
          <NavLink
            key={c}
            label={t(`catalogue.categories.${c}`)}
            active={value === c}
            onClick={() => onChange(c)}
            rightSection={
              <Badge
                size="sm"
                variant={counts[c] ? 'light' : 'outline'}
                color={counts[c] ? 'blue' : 'gray'}
              >
                {counts[c] ?? 0}
              </Badge>
            }
          />
        ))}
      </>
    </Card>
  );
}
