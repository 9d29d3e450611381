import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { RequestSubjectType } from '../../../shared/api/requests.schemas';
import type { OwnRecordSubject } from '../../../shared/domain/requests';
import { apiQuery } from '../api/queries';
import { useFormat } from '../lib/format';

/** A person of this location: a child or parent from the family search, or someone with a file of their own. */
export interface PickedPerson {
  kind: RequestSubjectType;
  id: string;
  label: string;
  householdId: string | null;
}

const optionValue = (r: Pick<PickedPerson, 'kind' | 'id'>) => `${r.kind}:${r.id}`;

/** The words around the picker, from the calling feature's catalogue. */
export interface PersonPickerTexts {
  personKind: string;
  kindLabel: (kind: 'household' | OwnRecordSubject) => string;
  typeLabel: (kind: 'parent' | 'child') => string;
  person: string;
  help: string;
  helpName: string;
  noResults: string;
  typeToSearch: string;
}

/**
 * "Over wie": first the kind of person (a child or parent: one search over names, birth dates and
 * postcodes; or an employee, applicant, waiting-list parent, … by name), then the person. Used
 * where a manager registers something about one person (an AVG-verzoek, a verstrekking).
 * `searchOthers` false: the user may not search files of their own (the list stays empty).
 */
export function PersonPicker({
  kinds,
  texts,
  value,
  onChange,
  searchOthers = true,
  error,
}: {
  kinds: readonly ('household' | OwnRecordSubject)[];
  texts: PersonPickerTexts;
  value: PickedPerson | null;
  onChange: (person: PickedPerson | null) => void;
  searchOthers?: boolean;
  error?: string | undefined;
}) {
  const fmt = useFormat();
  const [personKind, setPersonKind] = useState<'household' | OwnRecordSubject>('household');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 150);
  const searching = debounced.length >= 2;
  const family = useQuery({ ...apiQuery('search.query', { q: debounced, limit: 20 }), enabled: searching && personKind === 'household', placeholderData: keepPreviousData });
  const others = useQuery({
    ...apiQuery('requests.people', { type: personKind === 'household' ? 'employee' : personKind, q: debounced }),
    enabled: searching && personKind !== 'household' && searchOthers,
    placeholderData: keepPreviousData,
  });
  const found: PickedPerson[] =
    personKind === 'household'
      ? (family.data ?? []).map((r) => ({ kind: r.kind, id: r.id, householdId: r.householdId, label: `${r.displayName} (${texts.typeLabel(r.kind)}${r.birthDate ? `, ${fmt.date(r.birthDate)}` : ''})` }))
      : (others.data ?? []).map((r) => ({ kind: personKind, id: r.id, householdId: null, label: `${r.name} (${/^\d{4}-\d{2}-\d{2}$/.test(r.detail) ? fmt.date(r.detail) : r.detail})` }));
  const candidates = [...(value ? [value] : []), ...found.filter((r) => r.id !== value?.id)];

  return (
    <>
      <Select
        label={texts.personKind}
        withAsterisk
        allowDeselect={false}
        data={kinds.map((k) => ({ value: k, label: texts.kindLabel(k) }))}
        value={personKind}
        onChange={(kind) => {
          setPersonKind(kinds.find((k) => k === kind) ?? 'household');
          setSearch('');
          onChange(null);
        }}
      />
      <Select
        label={texts.person}
        description={personKind === 'household' ? texts.help : texts.helpName}
        withAsterisk
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options: all }) => all}
        data={candidates.map((r) => ({ value: optionValue(r), label: r.label }))}
        value={value ? optionValue(value) : null}
        onChange={(chosen) => onChange(candidates.find((r) => optionValue(r) === chosen) ?? null)}
        nothingFoundMessage={searching ? texts.noResults : texts.typeToSearch}
        error={error}
      />
    </>
  );
}
