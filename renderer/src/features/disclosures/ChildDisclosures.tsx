import { Autocomplete, Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { RecipientDisclosureInput } from '../../../../shared/api/consents.schemas';
import { applyServerErrors, formResolver } from '../../api/forms';
import { apiQuery } from '../../api/queries';
import { AppModal } from '../../components/AppModal';
import { FormError } from '../../components/FormError';
import { useNotify } from '../../components/Notifications';
import { useCan } from '../auth/session';
import { DateField } from '../children/common';
import { useApiMutation } from '../../api/mutations';
import { PersonDisclosures } from './RegisterTable';
import { appToday } from '../../../../shared/domain/clock';

/** Verstrekkingen on the child's page: the register lines about this child, and sharing with a school. */
export function ChildDisclosures({ childId, childName }: { childId: string; childName: string }) {
  const { t } = useTranslation();
  const [recording, setRecording] = useState(false);
  return (
    <Stack gap="sm" component="section" aria-labelledby="child-disclosures">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2} maw={640}>
          <Title order={3} size="h4" id="child-disclosures">
            {t('disclosures.child.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('disclosures.child.intro')}
          </Text>
        </Stack>
        <Button variant="light" onClick={() => { setRecording(true); }}>
          {t('disclosures.child.record')}
        </Button>
      </Group>
      <PersonDisclosures subjectType="child" subjectId={childId} name={childName} />
      {recording && <RecipientDisclosureDialog childId={childId} childName={childName} onClose={() => { setRecording(false); }} />}
    </Stack>
  );
}

type RecipientFormValues = z.input<typeof RecipientDisclosureInput>;

/**
 * "Verstrekking aan school of zorginstelling vastleggen". The backend refuses it without a valid
 * written exchange consent for this recipient and says why; that reason is shown above the form.
 */
function RecipientDisclosureDialog({ childId, childName, onClose }: { childId: string; childName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const may = useCan();
  const notify = useNotify();
  const [formError, setFormError] = useState<string | null>(null);
  // Recipients with a valid consent are offered as suggestions; any other name is still checked.
  const consents = useQuery({ ...apiQuery('exchange.list', { childId }), enabled: may('consents.write') });
  const suggestions = [...new Set((consents.data ?? []).filter((c) => c.valid).map((c) => c.recipientName))];
  const { register, control, handleSubmit, setError, formState } = useForm({
    resolver: formResolver(RecipientDisclosureInput),
    defaultValues: { childId, recipientName: '', dataDescription: '', disclosedOn: appToday(), notes: '' } as RecipientFormValues,
  });
  const { errors } = formState;
  const save = useApiMutation('disclosures.recordToRecipient', {
    onSuccess: (entry) => {
      notify({ title: t('common.saved'), message: t('disclosures.child.recorded', { recipient: entry.recipientName }) });
      onClose();
    },
    onError: (error) => { setFormError(applyServerErrors(error, setError, ['recipientName', 'dataDescription', 'disclosedOn', 'notes'])); },
  });
  return (
    <AppModal onClose={onClose} title={t('disclosures.child.recordTitle', { name: childName })}>
      <form noValidate onSubmit={(event) => void handleSubmit((input) => { setFormError(null); save.mutate(input); })(event)}>
        <Stack gap="md">
          <FormError message={formError} />
          <Text size="sm">{t('disclosures.child.recordHelp')}</Text>
          <Controller
            control={control}
            name="recipientName"
            render={({ field }) => (
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
                error={errors.recipientName?.message}
              />
            )}
          />
          <Textarea label={t('disclosures.child.data')} withAsterisk autosize minRows={2} {...register('dataDescription')} error={errors.dataDescription?.message} />
          <DateField control={control} name="disclosedOn" label={t('disclosures.child.disclosedOn')} required maw={180} />
          <Textarea label={t('disclosures.child.notes')} autosize minRows={2} {...register('notes')} error={errors.notes?.message} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('disclosures.child.recordSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
