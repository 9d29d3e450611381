import { Alert, Checkbox, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Controller, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ManualDisclosureInput } from '../../../../shared/api/recipients.schemas';
import type { RequestSubjectType } from '../../../../shared/api/requests.schemas';
import { appToday } from '../../../../shared/domain/clock';
import { FIXED_LEGAL_BASIS, MANUAL_RECIPIENT_KINDS, needsConfidentiality, needsLegalBasis, needsOrderReference } from '../../../../shared/domain/recipients';
import { REQUEST_SUBJECT_TYPES, isOwnRecordSubject, type OwnRecordSubject } from '../../../../shared/domain/requests';
import { useApiMutation } from '../../api/mutations';
import { apiQuery } from '../../api/queries';
import { DateField, SelectField, TextAreaField, TextField } from '../../components/fields';
import { FormDialog } from '../../components/FormDialog';
import { useApiForm } from '../../components/useApiForm';
import { useFormat } from '../../lib/format';
import { useCan } from '../../lib/session';

/** A pickup person is a name on a child's list, never a person on a register line. */
type DisclosureSubject = Exclude<RequestSubjectType, 'pickup_person'>;

interface Candidate {
  kind: DisclosureSubject;
  id: string;
  label: string;
}
const optionValue = (r: Pick<Candidate, 'kind' | 'id'>) => `${r.kind}:${r.id}`;

/** First the kind of person (a child or parent: one search; or someone with a file of their own), then the person. */
const PERSON_KINDS = ['household', ...REQUEST_SUBJECT_TYPES.filter((k): k is Exclude<OwnRecordSubject, 'pickup_person'> => isOwnRecordSubject(k) && k !== 'pickup_person')] as const;
type PersonKind = (typeof PERSON_KINDS)[number];

/**
 * "Verstrekking vastleggen": a disclosure beyond the fixed exports, to Veilig Thuis (only with
 * meldcode access), police or justice (legal basis and the order's reference), emergency care (vital
 * interest), an auditor (confidentiality) or another recipient (legal basis). Whose data: one person
 * of this location; which data: the data map's groups that hold data about them. The backend
 * checks it all again and names the field when it refuses.
 */
export function RecordDisclosureDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const may = useCan();
  const [personKind, setPersonKind] = useState<PersonKind>('household');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 150);
  const [subject, setSubject] = useState<Candidate | null>(null);
  const searching = debounced.length >= 2;
  const family = useQuery({ ...apiQuery('search.query', { q: debounced, limit: 20 }), enabled: searching && personKind === 'household', placeholderData: keepPreviousData });
  const others = useQuery({
    ...apiQuery('requests.people', { type: personKind === 'household' ? 'employee' : personKind, q: debounced }),
    enabled: searching && personKind !== 'household' && may('requests.manage'),
    placeholderData: keepPreviousData,
  });
  const fields = useQuery({ ...apiQuery('disclosures.subjectFields', { subjectType: subject?.kind ?? 'child', subjectId: subject?.id ?? '' }), enabled: subject !== null });
  const form = useApiForm({
    schema: ManualDisclosureInput,
    defaultValues: { kind: 'politie_justitie', subjectType: 'child', subjectId: '', recipientName: '', legalBasis: '', orderReference: '', confidentiality: '', fields: [], disclosedOn: appToday() },
    mutation: useApiMutation('disclosures.record'),
    success: (entry) => t('recordDisclosure.recorded', { recipient: entry.recipientName }),
    onSuccess: onClose,
  });
  const { control, setValue, formState } = form;
  const kind = useWatch({ control, name: 'kind' });
  const chosen = useWatch({ control, name: 'fields' });
  // Meldcode data go to Veilig Thuis only: another recipient drops them from the choice.
  useEffect(() => {
    if (kind === 'veilig_thuis') return;
    const meldcode = new Set((fields.data ?? []).filter((o) => o.meldcode).map((o) => o.key));
    if (chosen.some((f) => meldcode.has(f))) setValue('fields', chosen.filter((f) => !meldcode.has(f)));
  }, [kind, chosen, fields.data, setValue]);

  const found: Candidate[] =
    personKind === 'household'
      ? (family.data ?? []).map((r) => ({ kind: r.kind, id: r.id, label: `${r.displayName} (${t(`recordDisclosure.subjectTypes.${r.kind}`)}${r.birthDate ? `, ${fmt.date(r.birthDate)}` : ''})` }))
      : (others.data ?? []).map((r) => ({ kind: personKind, id: r.id, label: `${r.name} (${/^\d{4}-\d{2}-\d{2}$/.test(r.detail) ? fmt.date(r.detail) : r.detail})` }));
  const candidates = [...(subject ? [subject] : []), ...found.filter((r) => r.id !== subject?.id)];

  const chooseSubject = (value: string | null) => {
    const chosen = candidates.find((r) => optionValue(r) === value) ?? null;
    setSubject(chosen);
    setValue('subjectType', chosen?.kind ?? 'child');
    setValue('subjectId', chosen?.id ?? '', { shouldValidate: formState.isSubmitted });
    setValue('fields', []);
  };
  const choosePersonKind = (value: string | null) => {
    setPersonKind(PERSON_KINDS.find((k) => k === value) ?? 'household');
    setSearch('');
    chooseSubject(null);
  };
  // Veilig Thuis is meldcode information: offered only to a user with meldcode access.
  const kinds = MANUAL_RECIPIENT_KINDS.filter((k) => k !== 'veilig_thuis' || may('meldcode.access'));
  const fixedBasis = FIXED_LEGAL_BASIS[kind];

  return (
    <FormDialog form={form} title={t('recordDisclosure.title')} onClose={onClose} submitLabel={t('recordDisclosure.submit')} size="lg">
      <SelectField control={control} name="kind" label={t('recordDisclosure.kind')} required autoFocus allowDeselect={false} data={kinds.map((k) => ({ value: k, label: t(`recordDisclosure.kinds.${k}`) }))} />
      <Text size="sm" c="dimmed">
        {t(`recordDisclosure.help.${kind}`)}
      </Text>
      {kind !== 'veilig_thuis' && <TextField control={control} name="recipientName" label={t('recordDisclosure.recipientName')} required />}
      {needsLegalBasis(kind) ? (
        <TextAreaField control={control} name="legalBasis" label={t('recordDisclosure.legalBasis')} description={t(`recordDisclosure.legalBasisHelp.${kind === 'accountant' ? 'accountant' : kind === 'politie_justitie' ? 'politie_justitie' : 'overig'}`)} required autosize minRows={2} />
      ) : (
        fixedBasis && (
          <Alert variant="light" color="blue" title={t('recordDisclosure.legalBasis')}>
            {fixedBasis}
          </Alert>
        )
      )}
      {needsOrderReference(kind) && <TextField control={control} name="orderReference" label={t('recordDisclosure.orderReference')} description={t('recordDisclosure.orderReferenceHelp')} required />}
      {needsConfidentiality(kind) && <TextAreaField control={control} name="confidentiality" label={t('recordDisclosure.confidentiality')} description={t('recordDisclosure.confidentialityHelp')} required autosize minRows={2} />}
      <Select
        label={t('recordDisclosure.personKind')}
        withAsterisk
        allowDeselect={false}
        data={PERSON_KINDS.map((k) => ({ value: k, label: t(`recordDisclosure.personKinds.${k}`) }))}
        value={personKind}
        onChange={choosePersonKind}
      />
      <Select
        label={t('recordDisclosure.person')}
        description={t(personKind === 'household' ? 'recordDisclosure.personHelp' : 'recordDisclosure.personHelpName')}
        withAsterisk
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options: all }) => all}
        data={candidates.map((r) => ({ value: optionValue(r), label: r.label }))}
        value={subject ? optionValue(subject) : null}
        onChange={chooseSubject}
        nothingFoundMessage={searching ? t('recordDisclosure.noResults') : t('recordDisclosure.typeToSearch')}
        error={form.errors.subjectId?.message}
      />
      <Controller
        control={control}
        name="fields"
        render={({ field, fieldState }) => (
          <Checkbox.Group label={t('recordDisclosure.fields')} description={subject ? t('recordDisclosure.fieldsHelp') : t('recordDisclosure.fieldsFirstPerson')} withAsterisk value={field.value} onChange={field.onChange} error={fieldState.error?.message}>
            <Stack gap={6} mt="xs">
              {(fields.data ?? []).filter((o) => !o.meldcode || kind === 'veilig_thuis').map((o) => (
                <Checkbox key={o.key} value={o.key} label={o.label} description={o.category} />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
      />
      <DateField control={control} name="disclosedOn" label={t('recordDisclosure.disclosedOn')} required maw={240} />
    </FormDialog>
  );
}
