import { useState } from 'react';
import { Select } from 'antd';
import { useLiveQuery } from '../../db/live';
import type { Person } from '../../db/records';
import { maskIdNumber } from '../../domain/resident-id';
import { useI18n } from '../../i18n/i18n';
import { useServices } from '../shell/app-context';
import { usePeopleSearch } from './use-people-search';

/** How a person reads in a picker: name and masked ID number (two 张伟 must be told apart). */
export function personOptionLabel(person: Person): string {
  return `${person.name}  ${maskIdNumber(person.idNumber)}`;
}

/**
 * Picks people from the register by the same search as the register (name, pinyin initials, ID fragment,
 * phone). `suggested` people are offered before anything is typed.
 */
export function PersonPicker(props: {
  value?: string | string[];
  onChange?: (value: string | string[] | undefined) => void;
  multiple?: boolean;
  suggested?: Person[];
  excludeIds?: string[];
  ariaLabel: string;
  placeholder?: string;
}) {
  const { t } = useI18n();
  const { ctx } = useServices();
  const [text, setText] = useState('');
  const found = usePeopleSearch({
    text,
    limit: 20,
    ...(props.excludeIds ? { excludeIds: props.excludeIds } : {}),
  });
  const selectedIds =
    props.value === undefined ? [] : Array.isArray(props.value) ? props.value : [props.value];
  const selected = useLiveQuery(
    async () => (await ctx.db.people.bulkGet(selectedIds)).filter((p): p is Person => p !== undefined),
    [ctx, selectedIds.join(',')],
  );
  const shown = new Map<string, Person>();
  for (const p of [...(selected ?? []), ...(text ? (found?.people ?? []) : (props.suggested ?? []))]) {
    if (!props.excludeIds?.includes(p.id)) shown.set(p.id, p);
  }

  return (
    <Select<string | string[]>
      aria-label={props.ariaLabel}
      placeholder={props.placeholder ?? t('people.pickerPlaceholder')}
      mode={props.multiple ? 'multiple' : undefined}
      allowClear
      showSearch={{ filterOption: false, onSearch: setText }}
      notFoundContent={text ? t('people.pickerNone') : null}
      value={props.value}
      onChange={(value) => {
        setText('');
        props.onChange?.(value);
      }}
      options={[...shown.values()].map((p) => ({ value: p.id, label: personOptionLabel(p) }))}
    />
  );
}
