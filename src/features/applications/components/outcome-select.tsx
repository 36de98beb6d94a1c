import { Select, Stack, Text, type SelectProps } from '@mantine/core';
import { OUTCOME_CODES } from '@/lib/disclosure-template';
import { useI18n } from '@/lib/i18n/provider';
import { outcomeKey, outcomePlainKey } from '../rules';

/**
 * The decision picker in plain outcome names (予以公开, 不予公开—属于国家秘密 …), each with the row of
 * the annual report's table 三 it is counted in as secondary text.
 */
export function OutcomeSelect(props: Omit<SelectProps, 'data' | 'renderOption'>) {
  const { t, tx } = useI18n();
  const data = OUTCOME_CODES.map((code) => ({ value: code, label: tx(outcomePlainKey(code)) }));
  return (
    <Select
      searchable
      maxDropdownHeight={360}
      data={data}
      renderOption={({ option }) => (
        <Stack gap={0}>
          <Text size="sm">{option.label}</Text>
          <Text size="xs" c="dimmed">
            {t('applications.records.outcomeRow', {
              code: option.value,
              row: tx(outcomeKey(option.value)),
            })}
          </Text>
        </Stack>
      )}
      {...props}
    />
  );
}
