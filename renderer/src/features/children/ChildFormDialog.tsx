import { Autocomplete, Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ChildInput, ChildUpdateInput, type Child } from '../../../../shared/api/clients.schemas';
import type { MethodOutput } from '../../../../shared/api/contract';
import { applyServerErrors, formResolver } from '../../api/forms';
import { apiQuery } from '../../api/queries';
import { AppModal } from '../../components/AppModal';
import { FormError } from '../../components/FormError';
import { DateField } from './common';
import { useApiMutation } from '../../api/mutations';

/** The groups that exist already (for suggestions); the same query as the unfiltered Kinderen list. */
export function useGroups(): string[] {
  const list = useQuery(apiQuery('children.list', { groupName: null, contractStatus: null }));
  return list.data?.groups ?? [];
}

const NAME_FIELDS = ['firstName', 'initials', 'surnamePrefix', 'surname', 'birthDate', 'groupName'] as const;

export function GroupField({ value, onChange, onBlur, error }: { value: string; onChange: (v: string) => void; onBlur: () => void; error?: string | undefined }) {
  const { t } = useTranslation();
  const groups = useGroups();
  return (
    <Autocomplete
      label={t('children.form.group')}
      withAsterisk
      data={groups}
      value={value}
      onChange={onChange}
      onBlur={onBlur}
      error={error}
      autoComplete="off"
    />
  );
}

/** "Kind toevoegen" to a household (children.create), with an optional BSN. */
export function AddChildDialog({
  householdId,
  defaultSurname,
  onClose,
  onSaved,
}: {
  householdId: string;
  defaultSurname: { surnamePrefix: string | null; surname: string };
  onClose: () => void;
  onSaved: (child: MethodOutput<'children.create'>) => void;
}) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, control, handleSubmit, setError, formState } = useForm({
    resolver: formResolver(ChildInput),
    defaultValues: {
      householdId,
      firstName: '',
      initials: '',
      surnamePrefix: defaultSurname.surnamePrefix ?? '',
      surname: defaultSurname.surname,
      birthDate: '',
      groupName: '',
      bsn: '',
    },
  });
  const { errors } = formState;
  const create = useApiMutation('children.create', {
    onSuccess: onSaved,
    onError: (error) => { setFormError(applyServerErrors(error, setError, [...NAME_FIELDS, 'bsn'])); },
  });
  return (
    <AppModal onClose={onClose} title={t('children.form.addTitle')}>
      <form noValidate onSubmit={(event) => void handleSubmit((input) => { setFormError(null); create.mutate(input); })(event)}>
        <Stack gap="md">
          <FormError message={formError} />
          <SimpleGrid cols={2} style={{ alignItems: 'start' }}>
            <TextInput label={t('clients.firstName')} withAsterisk data-autofocus autoComplete="off" {...register('firstName')} error={errors.firstName?.message} />
            <TextInput label={t('clients.initials')} autoComplete="off" {...register('initials')} error={errors.initials?.message} />
            <TextInput label={t('clients.surnamePrefix')} autoComplete="off" {...register('surnamePrefix')} error={errors.surnamePrefix?.message} />
            <TextInput label={t('clients.surname')} withAsterisk autoComplete="off" {...register('surname')} error={errors.surname?.message} />
            <DateField control={control} name="birthDate" label={t('clients.birthDate')} required />
            <Controller
              control={control}
              name="groupName"
              render={({ field }) => <GroupField value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={errors.groupName?.message} />}
            />
            <TextInput label={t('bsn.label')} description={t('children.form.bsnHelp')} inputMode="numeric" autoComplete="off" {...register('bsn')} error={errors.bsn?.message} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('children.form.addSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** "Gegevens wijzigen": name, birth date and group (children.update). The BSN has its own actions. */
export function EditChildDialog({ child, onClose, onSaved }: { child: Child; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, control, handleSubmit, setError, formState } = useForm({
    resolver: formResolver(ChildUpdateInput),
    defaultValues: {
      id: child.id,
      firstName: child.firstName,
      initials: child.initials ?? '',
      surnamePrefix: child.surnamePrefix ?? '',
      surname: child.surname,
      birthDate: child.birthDate,
      groupName: child.groupName,
    },
  });
  const { errors } = formState;
  const update = useApiMutation('children.update', {
    onSuccess: onSaved,
    onError: (error) => { setFormError(applyServerErrors(error, setError, NAME_FIELDS)); },
  });
  return (
    <AppModal onClose={onClose} title={t('children.form.editTitle')}>
      <form noValidate onSubmit={(event) => void handleSubmit((input) => { setFormError(null); update.mutate(input); })(event)}>
        <Stack gap="md">
          <FormError message={formError} />
          <SimpleGrid cols={2} style={{ alignItems: 'start' }}>
            <TextInput label={t('clients.firstName')} withAsterisk data-autofocus autoComplete="off" {...register('firstName')} error={errors.firstName?.message} />
            <TextInput label={t('clients.initials')} autoComplete="off" {...register('initials')} error={errors.initials?.message} />
            <TextInput label={t('clients.surnamePrefix')} autoComplete="off" {...register('surnamePrefix')} error={errors.surnamePrefix?.message} />
            <TextInput label={t('clients.surname')} withAsterisk autoComplete="off" {...register('surname')} error={errors.surname?.message} />
            <DateField control={control} name="birthDate" label={t('clients.birthDate')} required />
            <Controller
              control={control}
              name="groupName"
              render={({ field }) => <GroupField value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={errors.groupName?.message} />}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
