import { Fieldset, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchResult } from '../../../../shared/api/clients.schemas';
import { RequestInput, type RequestDetail } from '../../../../shared/api/requests.schemas';
import { appToday } from '../../../../shared/domain/clock';
import { COORDINATION_METHODS, IDENTITY_METHODS, REQUEST_KINDS } from '../../../../shared/domain/requests';
import { isApiCallError } from '../../api/client';
import { useApiMutation } from '../../api/mutations';
import { apiQuery } from '../../api/queries';
import { DateField, RadioField, SelectField, TextAreaField } from '../../components/fields';
import { FormDialog } from '../../components/FormDialog';
import { useApiForm } from '../../components/useApiForm';
import { useFormat } from '../../lib/format';

const optionValue = (r: Pick<SearchResult, 'kind' | 'id'>) => `${r.kind}:${r.id}`;

/**
 * "Verzoek registreren": what is asked, about whom (search a child or parent), who asks, when it
 * arrived and how the requester's identity was established. For a child the contract parent asks,
 * or the other parent with gezag in afstemming met de contractouder: then the form asks with whom,
 * when and how that afstemming took place (the backend requires it and refuses a parent without gezag).
 */
export function RegisterRequestDialog({ onClose, onSaved }: { onClose: () => void; onSaved: (request: RequestDetail) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 150);
  const [subject, setSubject] = useState<SearchResult | null>(null);
  const results = useQuery({ ...apiQuery('search.query', { q: debounced, limit: 20 }), enabled: debounced.length >= 2, placeholderData: keepPreviousData });
  const household = useQuery({ ...apiQuery('households.get', { id: subject?.householdId ?? '' }), enabled: subject?.kind === 'child' });
  const form = useApiForm({
    schema: RequestInput,
    defaultValues: { subjectId: '', requesterParentId: '', receivedOn: appToday(), description: '', coordinationParentId: null, coordinationOn: null, coordinationHow: null },
    mutation: useApiMutation('requests.create'),
    onSuccess: onSaved,
    // A refusal (the other parent asking about a child) also marks the field, but its referral must be read in full.
    onError: (error, message) => message ?? (isApiCallError(error) && error.code === 'FORBIDDEN' ? error.message : null),
  });
  const { control, setValue, formState, watch } = form;
  const options = [...(subject ? [subject] : []), ...(results.data ?? []).filter((r) => r.id !== subject?.id)].map((r) => ({
    value: optionValue(r),
    label: `${r.displayName} (${t(`requests.subjectTypes.${r.kind}`)}${r.birthDate ? `, ${fmt.date(r.birthDate)}` : ''})`,
  }));

  const chooseSubject = (value: string | null) => {
    const found = [...(subject ? [subject] : []), ...(results.data ?? [])].find((r) => optionValue(r) === value) ?? null;
    setSubject(found);
    setValue('subjectType', found?.kind ?? 'parent');
    setValue('subjectId', found?.id ?? '', { shouldValidate: formState.isSubmitted });
    // A parent asks about themself; for a child the contract parent is proposed.
    setValue('requesterParentId', found?.kind === 'parent' ? found.id : '');
  };
  const parents = household.data?.parents ?? [];
  const requester = parents.find((p) => p.id === watch('requesterParentId'));
  // The other parent asks about a child: the afstemming with the contract parent is recorded.
  const needsCoordination = subject?.kind === 'child' && requester !== undefined && !requester.isContractParent;
  // Back to the contract parent (or another subject): no afstemming is sent.
  useEffect(() => {
    if (needsCoordination) return;
    setValue('coordinationParentId', null);
    setValue('coordinationOn', null);
    setValue('coordinationHow', null);
  }, [needsCoordination, setValue]);

  return (
    <FormDialog form={form} title={t('requests.registerTitle')} onClose={onClose} submitLabel={t('requests.registerSubmit')} size="lg">
      <SelectField control={control} name="kind" label={t('requests.fields.kind')} required autoFocus data={REQUEST_KINDS.map((k) => ({ value: k, label: t(`requests.kinds.${k}`) }))} />
      <Select
        label={t('requests.fields.subject')}
        description={t('requests.fields.subjectHelp')}
        withAsterisk
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options: all }) => all}
        data={options}
        value={subject ? optionValue(subject) : null}
        onChange={chooseSubject}
        nothingFoundMessage={debounced.length >= 2 ? t('requests.fields.noResults') : t('requests.fields.typeToSearch')}
        error={form.errors.subjectId?.message}
      />
      {subject?.kind === 'child' && (
        <SelectField
          control={control}
          name="requesterParentId"
          label={t('requests.fields.requester')}
          description={t('requests.fields.requesterHelp')}
          required
          data={parents.map((p) => ({
            value: p.id,
            label: `${p.displayName}${p.isContractParent ? ` (${t('requests.contractParent')})` : p.hasParentalAuthority ? '' : ` (${t('requests.noAuthority')})`}`,
          }))}
        />
      )}
      {needsCoordination && (
        <Fieldset legend={t('requests.fields.coordinationTitle')}>
          <p>{t('requests.fields.coordinationHelp')}</p>
          <SelectField
            control={control}
            name="coordinationParentId"
            label={t('requests.fields.coordinationParent')}
            required
            data={parents.filter((p) => p.isContractParent).map((p) => ({ value: p.id, label: `${p.displayName} (${t('requests.contractParent')})` }))}
          />
          <DateField control={control} name="coordinationOn" label={t('requests.fields.coordinationOn')} required maw={260} />
          <RadioField
            control={control}
            name="coordinationHow"
            label={t('requests.fields.coordinationHow')}
            required
            options={COORDINATION_METHODS.map((m) => ({ value: m, label: t(`requests.coordinationMethods.${m}`) }))}
          />
        </Fieldset>
      )}
      <DateField control={control} name="receivedOn" label={t('requests.fields.receivedOn')} description={t('requests.fields.receivedOnHelp')} required maw={260} />
      <RadioField
        control={control}
        name="identityMethod"
        label={t('requests.fields.identity')}
        description={t('requests.fields.identityHelp')}
        required
        stacked
        options={IDENTITY_METHODS.map((m) => ({ value: m, label: t(`requests.identityMethods.${m}`) }))}
      />
      <TextAreaField control={control} name="description" label={t('requests.fields.description')} description={t('requests.fields.descriptionHelp')} />
    </FormDialog>
  );
}
