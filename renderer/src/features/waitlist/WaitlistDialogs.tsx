import { Button, Group, Radio, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { WaitlistInput, type WaitlistEntry } from '../../../../shared/api/clients.schemas';
import { contract } from '../../../../shared/api/contract';
import { applyServerErrors, formResolver } from '../../api/forms';
import { AppModal } from '../../components/AppModal';
import { FormError } from '../../components/FormError';
import { CareTypeField, DateField, DaysField } from '../children/common';
import { useApiMutation } from '../../api/mutations';

const FIELDS = [
  'parentName',
  'parentEmail',
  'parentPhone',
  'childFirstName',
  'childSurname',
  'childBirthDate',
  'expectedDate',
  'careType',
  'desiredDays',
  'desiredStartDate',
  'notes',
] as const;

/** "Aanvraag registreren" (waitlist.create): parent contact, the child (born or expected), the wish. */
export function RegisterRequestDialog({ onClose, onSaved }: { onClose: () => void; onSaved: (entry: WaitlistEntry) => void }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const [born, setBorn] = useState<'yes' | 'no'>('yes');
  const { register, control, handleSubmit, setError, setValue, formState } = useForm({
    resolver: formResolver(WaitlistInput),
    defaultValues: {
      parentName: '',
      parentEmail: '',
      parentPhone: '',
      childFirstName: '',
      childSurname: '',
      childBirthDate: '',
      expectedDate: '',
      desiredDays: [],
      desiredStartDate: '',
      notes: '',
    },
  });
  const { errors } = formState;
  const create = useApiMutation('waitlist.create', {
    onSuccess: onSaved,
    onError: (error) => { setFormError(applyServerErrors(error, setError, FIELDS)); },
  });

  return (
    <AppModal onClose={onClose} title={t('waitlist.registerTitle')} size="xl">
      <form noValidate onSubmit={(event) => void handleSubmit((input) => { setFormError(null); create.mutate(input); })(event)}>
        <Stack gap="md">
          <FormError message={formError} />
          <Stack gap={2}>
            <Title order={3} size="h5">
              {t('waitlist.parentTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('waitlist.contactHelp')}
            </Text>
          </Stack>
          <SimpleGrid cols={3} style={{ alignItems: 'start' }}>
            <TextInput label={t('waitlist.parentName')} withAsterisk data-autofocus autoComplete="off" {...register('parentName')} error={errors.parentName?.message} />
            <TextInput label={t('households.email')} type="email" autoComplete="off" {...register('parentEmail')} error={errors.parentEmail?.message} />
            <TextInput label={t('households.phone')} type="tel" autoComplete="off" {...register('parentPhone')} error={errors.parentPhone?.message} />
          </SimpleGrid>
          <Stack gap={2}>
            <Title order={3} size="h5">
              {t('waitlist.childTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('waitlist.childNameHelp')}
            </Text>
          </Stack>
          <SimpleGrid cols={3} style={{ alignItems: 'start' }}>
            <TextInput label={t('waitlist.childFirstName')} autoComplete="off" {...register('childFirstName')} error={errors.childFirstName?.message} />
            <TextInput label={t('waitlist.childSurname')} autoComplete="off" {...register('childSurname')} error={errors.childSurname?.message} />
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
          <Title order={3} size="h5">
            {t('waitlist.wishTitle')}
          </Title>
          <CareTypeField control={control} name="careType" error={errors.careType?.message} />
          <DaysField control={control} name="desiredDays" label={t('waitlist.desiredDays')} error={errors.desiredDays?.message} />
          <DateField control={control} name="desiredStartDate" label={t('waitlist.desiredStartDate')} required maw={260} />
          <Textarea label={t('waitlist.notes')} autosize minRows={2} {...register('notes')} error={errors.notes?.message} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('waitlist.registerSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** "Intrekken" with a reason (waitlist.withdraw). */
export function WithdrawDialog({ entry, onClose, onSaved }: { entry: WaitlistEntry; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm({
    resolver: formResolver(contract['waitlist.withdraw'].input),
    defaultValues: { id: entry.id, reason: '' },
  });
  const withdraw = useApiMutation('waitlist.withdraw', {
    onSuccess: onSaved,
    onError: (error) => { setFormError(applyServerErrors(error, setError, ['reason'])); },
  });
  return (
    <AppModal onClose={onClose} title={t('waitlist.withdrawTitle')} size="md">
      <form noValidate onSubmit={(event) => void handleSubmit((input) => { setFormError(null); withdraw.mutate(input); })(event)}>
        <Stack gap="md">
          <Text>{t('waitlist.withdrawText', { name: entry.parentName })}</Text>
          <FormError message={formError} />
          <Textarea label={t('waitlist.withdrawReason')} description={t('waitlist.withdrawReasonHelp')} withAsterisk autosize minRows={2} data-autofocus {...register('reason')} error={formState.errors.reason?.message} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={withdraw.isPending}>
              {t('waitlist.withdraw')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
