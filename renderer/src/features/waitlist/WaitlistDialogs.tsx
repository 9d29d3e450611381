import { Group, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WaitlistInput, type WaitlistEntry } from '../../../../shared/api/clients.schemas';
import { contract } from '../../../../shared/api/contract';
import { useApiMutation } from '../../api/mutations';
import { CareTypeField, DaysField } from '../../components/ClientFields';
import { CheckboxField, DateField, TextAreaField, TextField } from '../../components/fields';
import { FormDialog } from '../../components/FormDialog';
import { useApiForm } from '../../components/useApiForm';

/** A sub-heading inside the registration form, with a line of help. */
function FormPart({ title, help }: { title: string; help?: string }) {
  return (
    <Stack gap={2}>
      <Title order={3} size="h5">
        {title}
      </Title>
      {help && (
        <Text size="sm" c="dimmed">
          {help}
        </Text>
      )}
    </Stack>
  );
}

/** "Aanvraag registreren" (waitlist.create): parent contact, the child (born or expected), the wish. */
export function RegisterRequestDialog({ onClose, onSaved }: { onClose: () => void; onSaved: (entry: WaitlistEntry) => void }) {
  const { t } = useTranslation();
  const [born, setBorn] = useState<'yes' | 'no'>('yes');
  const form = useApiForm({
    schema: WaitlistInput,
    defaultValues: { parentName: '', parentEmail: '', parentPhone: '', childFirstName: '', childSurname: '', childBirthDate: '', expectedDate: '', desiredDays: [], desiredStartDate: '', notes: '' },
    mutation: useApiMutation('waitlist.create'),
    success: (entry) => t('waitlist.registered', { name: entry.parentName }),
    onSuccess: onSaved,
  });
  const { control, setValue } = form;

  return (
    <FormDialog form={form} title={t('waitlist.registerTitle')} onClose={onClose} submitLabel={t('waitlist.registerSubmit')} size="xl">
      <FormPart title={t('waitlist.parentTitle')} help={t('waitlist.contactHelp')} />
      <SimpleGrid cols={3} style={{ alignItems: 'start' }}>
        <TextField control={control} name="parentName" label={t('waitlist.parentName')} required autoFocus />
        <TextField control={control} name="parentEmail" label={t('households.email')} type="email" />
        <TextField control={control} name="parentPhone" label={t('households.phone')} type="tel" />
      </SimpleGrid>
      <FormPart title={t('waitlist.childTitle')} help={t('waitlist.childNameHelp')} />
      <SimpleGrid cols={3} style={{ alignItems: 'start' }}>
        <TextField control={control} name="childFirstName" label={t('waitlist.childFirstName')} />
        <TextField control={control} name="childSurname" label={t('waitlist.childSurname')} />
      </SimpleGrid>
      <Radio.Group
        label={t('waitlist.bornQuestion')}
        value={born}
        onChange={(value) => {
          const next = value === 'no' ? 'no' : 'yes';
          setBorn(next);
          // Only one of the two dates is sent.
          setValue(next === 'yes' ? 'expectedDate' : 'childBirthDate', '');
        }}
      >
        <Group gap="lg" mt="xs">
          <Radio value="yes" label={t('waitlist.bornYes')} />
          <Radio value="no" label={t('waitlist.bornNo')} />
        </Group>
      </Radio.Group>
      {born === 'yes' ? (
        <DateField control={control} name="childBirthDate" label={t('clients.birthDate')} required maw={260} />
      ) : (
        <DateField control={control} name="expectedDate" label={t('waitlist.expectedDate')} required maw={260} />
      )}
      <FormPart title={t('waitlist.wishTitle')} />
      <CareTypeField control={control} name="careType" />
      <DaysField control={control} name="desiredDays" label={t('waitlist.desiredDays')} />
      <DateField control={control} name="desiredStartDate" label={t('waitlist.desiredStartDate')} required maw={260} />
      <TextAreaField control={control} name="notes" label={t('waitlist.notes')} />
    </FormDialog>
  );
}

/** "Intrekken" with a reason (waitlist.withdraw). */
export function WithdrawDialog({ entry, onClose }: { entry: WaitlistEntry; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm({
    schema: contract['waitlist.withdraw'].input,
    defaultValues: { id: entry.id, reason: '', declined: false },
    mutation: useApiMutation('waitlist.withdraw'),
    success: () => t('waitlist.withdrawn', { name: entry.parentName }),
    onSuccess: onClose,
  });
  return (
    <FormDialog
      form={form}
      title={t('waitlist.withdrawTitle')}
      intro={<Text>{t('waitlist.withdrawText', { name: entry.parentName })}</Text>}
      onClose={onClose}
      submitLabel={t('waitlist.withdraw')}
      submitColor="red"
      size="md"
    >
      <TextAreaField control={form.control} name="reason" label={t('waitlist.withdrawReason')} description={t('waitlist.withdrawReasonHelp')} required autoFocus />
      <CheckboxField control={form.control} name="declined" label={t('waitlist.declined')} description={t('waitlist.declinedHelp')} />
    </FormDialog>
  );
}
