import { Group, Pagination } from '@mantine/core';
import { useI18n } from '@/lib/i18n/provider';

/** Paging with every control named in words (first/previous/next/last and each page). */
export function Pager({
  total,
  value,
  onChange,
}: {
  total: number;
  value: number;
  onChange: (page: number) => void;
}) {
  const { t } = useI18n();
  return (
    <Group justify="center">
      <Pagination
        total={total}
        value={value}
        onChange={onChange}
        getControlProps={(control) => ({ 'aria-label': t(`app.pager.${control}`) })}
        getItemProps={(page) => ({ 'aria-label': t('app.pager.page', { n: page }) })}
      />
    </Group>
  );
}
