import { Button, Group, Radio, Select, Stack, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type SearchResult } from '../../../../shared/api/clients.schemas';
import { RequestInput, type RequestDetail } from '../../../../shared/api/requests.schemas';
import { IDENTITY_METHODS, REQUEST_KINDS } from '../../../../shared/domain/requests';
import { applyServerErrors, formResolver } from '../../api/forms';
import { apiQuery } from '../../api/queries';
import { AppModal } from '../../components/AppModal';
import { FormError } from '../../components/FormError';
import { DateField } from '../children/common';
import { formatDate } from '../children/format';
import { useApiMutation } from '../../api/mutations';
import { appToday } from '../../../../shared/domain/clock';

const FIELDS = ['kind', 'subjectId', 'requesterParentId', 'receivedOn', 'identityMethod', 'description'] as const;
const optionValue = (r: Pick<SearchResult, 'kind' | 'id'>) => `${r.kind}:${r.id}`;

/**
 * "Verzoek registreren": what is asked, about whom (search a child or parent), who asks, when it
 * arrived and how the requester's identity was established. For a child only the contract parent
 * may ask; the backend refuses the other parent with the referral the privacy statement gives.
 */
export function RegisterRequestDialog({ onClose, onSaved }: { onClose: () => void; onSaved: (request: RequestDetail) => void }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 150);
  const [subject, setSubject] = useState<SearchResult | null>(null);
  const results = useQuery({ ...apiQuery('search.query', { q: debounced, limit: 20 }), enabled: debounced.length >= 2, placeholderData: keepPreviousData });
  const household = useQuery({ ...apiQuery('households.get', { id: subject?.householdId ?? '' }), enabled: subject?.kind === 'child' });
  const { register, control, handleSubmit, setError, setValue, formState } = useForm({
    resolver: formResolver(RequestInput),
    defaultValues: { subjectId: '', requesterParentId: '', receivedOn: appToday(), description: '' },
  });
  const { errors } = formState;
  const create = useApiMutation('requests.create', {
    onSuccess: onSaved,
    // A refusal (the other parent asking about a child) also marks the field, but its referral must be read in full.
    onError: (error) => { setFormError(applyServerErrors(error, setError, FIELDS) ?? (error.code === 'FORBIDDEN' ? error.message : null)); },
  });
  const options = [...(subject ? [subject] : []), ...(results.data ?? []).filter((r) => r.id !== subject?.id)].map((r) => ({
    value: optionValue(r),
    label: `${r.displayName} (${t(`requests.subjectTypes.${r.kind}`)}${r.birthDate ? `, ${formatDate(r.birthDate)}` : ''})`,
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

  return (
    <AppModal onClose={onClose} title={t('requests.registerTitle')} size="lg">
      <form noValidate onSubmit={(event) => void handleSubmit((input) => { setFormError(null); create.mutate(input); })(event)}>
        <Stack gap="md">
          <FormError message={formError} />
          <Controller
            control={control}
            name="kind"
            render={({ field }) => (
              <Select
                label={t('requests.fields.kind')}
                withAsterisk
                data-autofocus
                data={REQUEST_KINDS.map((k) => ({ value: k, label: t(`requests.kinds.${k}`) }))}
                value={field.value ?? null}
                onChange={(value) => { field.onChange(value); }}
                error={errors.kind?.message}
                allowDeselect={false}
              />
            )}
          />
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
            error={errors.subjectId?.message}
          />
          {subject?.kind === 'child' && (
            <Controller
              control={control}
              name="requesterParentId"
              render={({ field }) => (
                <Select
                  label={t('requests.fields.requester')}
                  description={t('requests.fields.requesterHelp')}
                  withAsterisk
                  data={parents.map((p) => ({ value: p.id, label: `${p.displayName}${p.isContractParent ? ` (${t('requests.contractParent')})` : ''}` }))}
                  value={field.value || null}
                  onChange={(value) => { field.onChange(value ?? ''); }}
                  error={errors.requesterParentId?.message}
                  allowDeselect={false}
                />
              )}
            />
          )}
          <DateField control={control} name="receivedOn" label={t('requests.fields.receivedOn')} description={t('requests.fields.receivedOnHelp')} required maw={260} />
          <Controller
            control={control}
            name="identityMethod"
            render={({ field }) => (
              <Radio.Group label={t('requests.fields.identity')} description={t('requests.fields.identityHelp')} withAsterisk value={field.value ?? ''} onChange={field.onChange} error={errors.identityMethod?.message}>
                <Stack gap="xs" mt="xs">
                  {IDENTITY_METHODS.map((m) => (
                    <Radio key={m} value={m} label={t(`requests.identityMethods.${m}`)} />
                  ))}
                </Stack>
              </Radio.Group>
            )}
          />
          <Textarea label={t('requests.fields.description')} description={t('requests.fields.descriptionHelp')} autosize minRows={2} {...register('description')} error={errors.description?.message} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('requests.registerSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
