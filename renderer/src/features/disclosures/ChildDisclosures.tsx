import { Autocomplete, Button, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { RecipientDisclosureInput } from '../../../../shared/api/consents.schemas';
import { appToday } from '../../../../shared/domain/clock';
import { useApiMutation } from '../../api/mutations';
import { apiQuery } from '../../api/queries';
import { DateField, TextAreaField } from '../../components/fields';
import { FormDialog } from '../../components/FormDialog';
import { Section } from '../../components/Section';
import { useApiForm } from '../../components/useApiForm';
import { useCan } from '../../lib/session';
import { PersonDisclosures } from './RegisterTable';

/** Verstrekkingen on the child's page: the register lines about this child, and sharing with a school. */
export function ChildDisclosures({ childId, childName }: { childId: string; childName: string }) {
  const { t } = useTranslation();
  const [recording, setRecording] = useState(false);
  return (
    <Section
      level={3}
      title={t('disclosures.child.title')}
      intro={t('disclosures.child.intro')}
      actions={
        <Button variant="light" onClick={() => { setRecording(true); }}>
          {t('disclosures.child.record')}
        </Button>
      }
    >
      <PersonDisclosures subjectType="child" subjectId={childId} name={childName} />
      {recording && <RecipientDisclosureDialog childId={childId} childName={childName} onClose={() => { setRecording(false); }} />}
    </Section>
  );
}

/**
 * "Verstrekking aan school of zorginstelling vastleggen". The backend refuses it without a valid
 * written exchange consent for this recipient and says why; that reason is shown above the form.
 */
function RecipientDisclosureDialog({ childId, childName, onClose }: { childId: string; childName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const may = useCan();
  // Recipients with a valid consent are offered as suggestions; any other name is still checked.
  const consents = useQuery({ ...apiQuery('exchange.list', { childId }), enabled: may('consents.write') });
  const suggestions = [...new Set((consents.data ?? []).filter((c) => c.valid).map((c) => c.recipientName))];
  const form = useApiForm({
    schema: RecipientDisclosureInput,
    defaultValues: { childId, recipientName: '', dataDescription: '', disclosedOn: appToday(), notes: '' },
    mutation: useApiMutation('disclosures.recordToRecipient'),
    success: (entry) => t('disclosures.child.recorded', { recipient: entry.recipientName }),
    onSuccess: onClose,
  });
  const { control } = form;
  return (
    <FormDialog form={form} title={t('disclosures.child.recordTitle', { name: childName })} onClose={onClose} submitLabel={t('disclosures.child.recordSubmit')}>
      <Text size="sm">{t('disclosures.child.recordHelp')}</Text>
      <Controller
        control={control}
        name="recipientName"
        render={({ field, fieldState }) => (
          <Autocomplete
            label={t('disclosures.child.recipient')}
            description={suggestions.length ? t('disclosures.child.recipientHelp') : t('disclosures.child.noValidConsent')}
            withAsterisk
            data-autofocus
            autoComplete="off"
            data={suggestions}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            name={field.name}
            ref={field.ref}
            error={fieldState.error?.message}
          />
        )}
      />
      <TextAreaField control={control} name="dataDescription" label={t('disclosures.child.data')} required />
      <DateField control={control} name="disclosedOn" label={t('disclosures.child.disclosedOn')} required maw={180} />
      <TextAreaField control={control} name="notes" label={t('disclosures.child.notes')} />
    </FormDialog>
  );
}
