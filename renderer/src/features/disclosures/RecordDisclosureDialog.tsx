import { Alert, Checkbox, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
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
import { PersonPicker, type PickedPerson } from '../../components/PersonPicker';
import { useApiForm } from '../../components/useApiForm';
import { useCan } from '../../lib/session';

/** First the kind of person (a child or parent: one search; or someone with a file of their own), then the person. A pickup person is a name on a child's list, never a person on a register line. */
const PERSON_KINDS = ['household', ...REQUEST_SUBJECT_TYPES.filter((k): k is Exclude<OwnRecordSubject, 'pickup_person'> => isOwnRecordSubject(k) && k !== 'pickup_person')] as const;
type DisclosureSubject = Exclude<RequestSubjectType, 'pickup_person'>;

/**
 * "Verstrekking vastleggen": a disclosure beyond the fixed exports, to Veilig Thuis (only with
 * meldcode access), police or justice (legal basis and the order's reference), emergency care (vital
 * interest), an auditor (confidentiality) or another recipient (legal basis). Whose data: one person
 * of this location; which data: the data map's groups that hold data about them. The backend
 * checks it all again and names the field when it refuses.
 */
export function RecordDisclosureDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const may = useCan();
  const [subject, setSubject] = useState<(PickedPerson & { kind: DisclosureSubject }) | null>(null);
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

  const chooseSubject = (person: PickedPerson | null) => {
    // The picker offers no pickup persons here (PERSON_KINDS).
    const chosen = person && person.kind !== 'pickup_person' ? { ...person, kind: person.kind } : null;
    setSubject(chosen);
    setValue('subjectType', chosen?.kind ?? 'child');
    setValue('subjectId', chosen?.id ?? '', { shouldValidate: formState.isSubmitted });
    setValue('fields', []);
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
      <PersonPicker
        kinds={PERSON_KINDS}
        searchOthers={may('requests.manage')}
        texts={{
          personKind: t('recordDisclosure.personKind'),
          kindLabel: (k) => t(`recordDisclosure.personKinds.${k as (typeof PERSON_KINDS)[number]}`),
          typeLabel: (k) => t(`recordDisclosure.subjectTypes.${k}`),
          person: t('recordDisclosure.person'),
          help: t('recordDisclosure.personHelp'),
          helpName: t('recordDisclosure.personHelpName'),
          noResults: t('recordDisclosure.noResults'),
          typeToSearch: t('recordDisclosure.typeToSearch'),
        }}
        value={subject}
        onChange={chooseSubject}
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
