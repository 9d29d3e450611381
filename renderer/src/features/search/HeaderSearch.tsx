import { Combobox, Loader, Stack, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { SearchResult } from '../../../../shared/api/clients.schemas';
import { apiQuery } from '../../api/queries';
import { useFormat } from '../../lib/format';
import { useCan } from '../../lib/session';

const MIN_LENGTH = 2;
const DEBOUNCE_MS = 150;

const optionValue = (result: SearchResult) => `${result.kind}:${result.id}`;

/**
 * The one search box in the header: children and parents by (part of) name, a birth date
 * (dd-mm-jjjj) or a postcode — the backend decides which. A combobox: arrow keys move through the
 * results, Enter opens the child's page or the household's page. Ctrl+K focuses it.
 */
export function HeaderSearch() {
  const { t } = useTranslation();
  const may = useCan();
  const fmt = useFormat();
  const navigate = useNavigate();
  const inputRef = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState('');
  const [debounced] = useDebouncedValue(value.trim(), DEBOUNCE_MS);
  const active = debounced.length >= MIN_LENGTH;
  const search = useQuery({ ...apiQuery('search.query', { q: debounced, limit: 20 }), enabled: active, placeholderData: keepPreviousData });
  const combobox = useCombobox({ onDropdownClose: () => { combobox.resetSelectedOption(); } });
  const results = active ? (search.data ?? []) : [];
  const children = results.filter((r) => r.kind === 'child');
  const parents = results.filter((r) => r.kind === 'parent');

  useHotkeys([['mod+K', () => { inputRef.current?.focus(); inputRef.current?.select(); }]]);

  // New results: the first one is preselected, so Enter opens it straight away.
  useEffect(() => {
    if (results.length > 0) combobox.selectFirstOption();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the results change
  }, [search.data]);

  const open = (key: string) => {
    const result = results.find((r) => optionValue(r) === key);
    if (!result) return;
    setValue('');
    combobox.closeDropdown();
    inputRef.current?.blur();
    void navigate(result.kind === 'child' ? `/kinderen/${result.id}` : `/gezinnen/${result.householdId}`);
  };

  const option = (result: SearchResult) => {
    const details =
      result.kind === 'child'
        ? [fmt.date(result.birthDate), result.groupName, result.postcode].filter(Boolean).join(' · ')
        : [t('search.parent'), result.postcode].filter(Boolean).join(' · ');
    return (
      <Combobox.Option value={optionValue(result)} key={optionValue(result)} aria-label={`${result.displayName}, ${details}`}>
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {result.displayName}
          </Text>
          {/* Inherits the option's colour: dimmed grey would be unreadable on the highlighted (blue) option. */}
          <Text size="xs">{details}</Text>
        </Stack>
      </Combobox.Option>
    );
  };

  const seesPostcode = may('contracts.manage');
  return (
    <Combobox store={combobox} onOptionSubmit={open} position="bottom-start" width={420} withinPortal>
      <Combobox.Target withExpandedAttribute>
        <TextInput
          ref={inputRef}
          value={value}
          style={{ flex: '0 4 280px', minWidth: 160 }}
          aria-label={t('search.label')}
          placeholder={t('search.placeholder')}
          type="search"
          autoComplete="off"
          spellCheck={false}
          rightSection={search.isFetching && active ? <Loader size="xs" /> : null}
          rightSectionPointerEvents="none"
          onChange={(event) => {
            setValue(event.currentTarget.value);
            combobox.openDropdown();
          }}
          onFocus={() => { combobox.openDropdown(); }}
          onBlur={() => { combobox.closeDropdown(); }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              setValue('');
              combobox.closeDropdown();
            }
          }}
        />
      </Combobox.Target>
      <Combobox.Dropdown>
        <Combobox.Options mah={420} style={{ overflowY: 'auto' }} aria-label={t('search.resultsLabel')}>
          {active && results.length === 0 && !search.isFetching && <Combobox.Empty>{t('search.empty', { query: debounced })}</Combobox.Empty>}
          {!active && <Combobox.Empty>{seesPostcode ? t('search.howTo') : t('search.howToStaff')}</Combobox.Empty>}
          {children.length > 0 && <Combobox.Group label={t('search.children')}>{children.map(option)}</Combobox.Group>}
          {parents.length > 0 && <Combobox.Group label={t('search.parents')}>{parents.map(option)}</Combobox.Group>}
        </Combobox.Options>
        {active && results.length > 0 && (
          <Combobox.Footer>
            <Text size="xs" c="dimmed">
              {t('search.hint')}
            </Text>
          </Combobox.Footer>
        )}
      </Combobox.Dropdown>
    </Combobox>
  );
}
