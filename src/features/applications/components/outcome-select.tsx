import { Select, type SelectProps } from '@mantine/core';
import { OUTCOME_GROUPS } from '@/lib/disclosure-template';
import { useI18n } from '@/lib/i18n/provider';
import { outcomeKey } from '../rules';

/** The outcome picker grouped and labelled exactly like table 三 (三、本年度办理结果). */
export function OutcomeSelect(props: Omit<SelectProps, 'data'>) {
  const { locale, tx } = useI18n();
  const data = OUTCOME_GROUPS.map((g) => {
    const items = g.leaves.map((l) => ({
      value: l.code,
      label: `${l.code} ${locale === 'zh-CN' ? l.label : tx(outcomeKey(l.code)).split(' — ').at(-1)!}`,
    }));
    const group = locale === 'zh-CN' ? g.label : tx(outcomeKey(g.leaves[0]!.code)).split(' — ')[0]!;
    return { group, items };
  });
  return <Select searchable maxDropdownHeight={360} data={data} {...props} />;
}
