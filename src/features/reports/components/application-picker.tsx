import { Anchor, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '@/lib/i18n/provider';
import { reportQueries, type LinkedApplication } from '../api';

const option = (a: LinkedApplication) => ({
  value: a.id,
  label: `${a.serialNo} ${a.applicantName}`,
});

/** The application a case concerns (optional): searched by number or applicant on the server. */
export function ApplicationPicker({
  value,
  onChange,
  error,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  error?: React.ReactNode;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const results = useQuery({
    ...reportQueries.applicationSearch(q),
    placeholderData: keepPreviousData,
  });
  const selected = useQuery({
    ...reportQueries.linkedApplication(value ?? ''),
    enabled: Boolean(value),
  });
  const data = (results.data?.items ?? []).map(option);
  if (selected.data && !data.some((d) => d.value === selected.data.id))
    data.unshift(option(selected.data));
  return (
    <Select
      label={t('report.reviews.application')}
      placeholder={t('report.reviews.applicationSearch')}
      searchable
      clearable
      data={data}
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={t('app.noData')}
      error={error}
    />
  );
}

/** A case's application, by its serial number, linking to it. */
export function LinkedApplicationLink({ id, href }: { id: string; href: (id: string) => string }) {
  const app = useQuery(reportQueries.linkedApplication(id));
  return (
    <Anchor component={Link} to={href(id)} size="sm" ff="monospace">
      {app.data?.serialNo ?? (app.isError ? id.slice(0, 8) : '…')}
    </Anchor>
  );
}
