import { Alert, Fieldset, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RequestInput, type CentralRequest, type RequestDetail } from '../../../../shared/api/requests.schemas';
import { appToday } from '../../../../shared/domain/clock';
import { COORDINATION_METHODS, IDENTITY_METHODS, REQUEST_KINDS, REQUEST_SUBJECT_TYPES, isOwnRecordSubject, type OwnRecordSubject } from '../../../../shared/domain/requests';
import { isApiCallError } from '../../api/client';
import { useApiMutation } from '../../api/mutations';
import { apiQuery } from '../../api/queries';
import { DateField, RadioField, SelectField, TextAreaField } from '../../components/fields';
import { FormDialog } from '../../components/FormDialog';
import { PersonPicker, type PickedPerson } from '../../components/PersonPicker';
import { useApiForm } from '../../components/useApiForm';
import { useFormat } from '../../lib/format';

/** The kinds of person the manager chooses first: a child or parent (one search), or someone with a file of their own. */
const PERSON_KINDS = ['household', ...REQUEST_SUBJECT_TYPES.filter((k): k is OwnRecordSubject => isOwnRecordSubject(k))] as const;

/**
 * "Verzoek registreren": what is asked, about whom (first the kind of person, then search them),
 * who asks, when it arrived and how the requester's identity was established. For a child the
 * contract parent asks, or the other parent with gezag in afstemming met de contractouder: then the
 * form asks with whom, when and how that afstemming took place (the backend requires it and refuses
 * a parent without gezag). An employee, applicant, waiting-list parent or complainant asks for themself.
 */
export function RegisterRequestDialog({ central, onClose, onSaved }: { central?: CentralRequest; onClose: () => void; onSaved: (request: RequestDetail) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [subject, setSubject] = useState<PickedPerson | null>(null);
  const household = useQuery({ ...apiQuery('households.get', { id: subject?.householdId ?? '' }), enabled: subject?.kind === 'child' });
  const form = useApiForm({
    schema: RequestInput,
    // Via privacy@: kind, date of receipt and the requester's words as the privacy officer registered them (the backend takes those).
    defaultValues: central
      ? { kind: central.kind, subjectId: '', requesterParentId: '', receivedOn: central.receivedOn, description: central.description ?? '', coordinationParentId: null, coordinationOn: null, coordinationHow: null, centralRequestId: central.id }
      : { subjectId: '', requesterParentId: '', receivedOn: appToday(), description: '', coordinationParentId: null, coordinationOn: null, coordinationHow: null },
    mutation: useApiMutation('requests.create'),
    onSuccess: onSaved,
    // A refusal (a parent without gezag asking about a child) also marks the field, but its reason must be read in full.
    onError: (error, message) => message ?? (isApiCallError(error) && error.code === 'FORBIDDEN' ? error.message : null),
  });
  const { control, setValue, formState, watch } = form;
  const chooseSubject = (chosen: PickedPerson | null) => {
    setSubject(chosen);
    setValue('subjectType', chosen?.kind ?? 'parent');
    setValue('subjectId', chosen?.id ?? '', { shouldValidate: formState.isSubmitted });
    // A parent asks about themself; for a child the contract parent is proposed; anyone else asks for themself.
    setValue('requesterParentId', chosen?.kind === 'parent' ? chosen.id : chosen?.kind === 'child' ? '' : null);
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
    <FormDialog form={form} title={central ? t('requests.central.registerTitle') : t('requests.registerTitle')} onClose={onClose} submitLabel={t('requests.registerSubmit')} size="lg">
      {central && (
        <Alert color="blue" title={t('requests.central.fromOfficer', { officer: central.registeredByName })}>
          {t('requests.central.requester', { name: central.requesterName, contact: central.requesterContact ?? '—' })}
        </Alert>
      )}
      <SelectField control={control} name="kind" label={t('requests.fields.kind')} required autoFocus={!central} disabled={Boolean(central)} data={REQUEST_KINDS.map((k) => ({ value: k, label: t(`requests.kinds.${k}`) }))} />
      <PersonPicker
        kinds={PERSON_KINDS}
        texts={{
          personKind: t('requests.fields.personKind'),
          kindLabel: (k) => t(`requests.personKinds.${k}`),
          typeLabel: (k) => t(`requests.subjectTypes.${k}`),
          person: t('requests.fields.subject'),
          help: t('requests.fields.subjectHelp'),
          helpName: t('requests.fields.subjectHelpName'),
          noResults: t('requests.fields.noResults'),
          typeToSearch: t('requests.fields.typeToSearch'),
        }}
        value={subject}
        onChange={chooseSubject}
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
      {central ? (
        <Text size="sm">{t('requests.central.receivedOn', { date: fmt.date(central.receivedOn), deadline: fmt.date(central.deadline) })}</Text>
      ) : (
        <DateField control={control} name="receivedOn" label={t('requests.fields.receivedOn')} description={t('requests.fields.receivedOnHelp')} required maw={260} />
      )}
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
