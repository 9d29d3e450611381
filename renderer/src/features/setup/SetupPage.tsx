import { Button, Fieldset, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract, type MethodOutput } from '../../../../shared/api/contract';
import { MIN_PASSWORD_LENGTH } from '../../../../shared/validation/password';
import { call } from '../../api/client';
import { applyServerErrors, formResolver } from '../../api/forms';
import { AuthLayout } from '../../components/AuthLayout';
import { FormError } from '../../components/FormError';
import { PasswordField } from '../../components/PasswordField';

const FIELDS = [
  'location.name',
  'location.address',
  'location.lrkNumber',
  'manager.name',
  'manager.username',
  'manager.password',
  'passwordRepeat',
] as const;

/** First start: the location and its first locatiemanager (`setup.create`). */
export function SetupPage({ onDone, onRestoreInstead }: { onDone: (result: MethodOutput<'setup.create'>) => void; onRestoreInstead: () => void }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);

  // The contract's own schema (the backend validates with the same one) plus the repeat field.
  const schema = useMemo(
    () =>
      contract['setup.create'].input
        .safeExtend({ passwordRepeat: z.string() })
        .refine((v) => v.passwordRepeat === v.manager.password, { path: ['passwordRepeat'], message: t('errors.passwordRepeat') }),
    [t],
  );
  const form = useForm({
    resolver: formResolver(schema),
    defaultValues: {
      location: { name: '', address: '', lrkNumber: '' },
      manager: { name: '', username: '', password: '' },
      passwordRepeat: '',
    },
  });
  const { register, handleSubmit, setError, setFocus, formState } = form;
  const { errors } = formState;

  useEffect(() => { setFocus('location.name'); }, [setFocus]);

  const create = useMutation({
    mutationFn: (input: z.output<typeof schema>) =>
      call('setup.create', { location: input.location, manager: input.manager }),
    onSuccess: onDone,
    onError: (error) => { setFormError(applyServerErrors(error, setError, FIELDS)); },
  });

  return (
    <AuthLayout width={640}>
      <form
        noValidate
        onSubmit={(event) => void handleSubmit((values) => {
          setFormError(null);
          create.mutate(values);
        })(event)}
      >
        <Stack gap="lg">
          <div>
            <Title order={1} size="h2" mb="xs">
              {t('setup.title')}
            </Title>
            <Text>{t('setup.intro')}</Text>
          </div>
          <FormError message={formError} />
          <Fieldset legend={t('setup.locationLegend')}>
            <Stack gap="sm">
              <TextInput
                label={t('setup.locationName')}
                withAsterisk
                autoComplete="organization"
                {...register('location.name')}
                error={errors.location?.name?.message}
              />
              <TextInput
                label={t('setup.address')}
                description={t('setup.addressDescription')}
                withAsterisk
                autoComplete="street-address"
                {...register('location.address')}
                error={errors.location?.address?.message}
              />
              <TextInput
                label={t('setup.lrkNumber')}
                description={t('setup.lrkDescription')}
                withAsterisk
                inputMode="numeric"
                maxLength={9}
                maw={320}
                {...register('location.lrkNumber')}
                error={errors.location?.lrkNumber?.message}
              />
            </Stack>
          </Fieldset>
          <Fieldset legend={t('setup.managerLegend')}>
            <Stack gap="sm">
              <Text size="sm">{t('setup.managerIntro')}</Text>
              <TextInput
                label={t('setup.name')}
                withAsterisk
                autoComplete="name"
                {...register('manager.name')}
                error={errors.manager?.name?.message}
              />
              <TextInput
                label={t('setup.username')}
                description={t('setup.usernameDescription')}
                withAsterisk
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                {...register('manager.username')}
                error={errors.manager?.username?.message}
              />
              <PasswordField
                label={t('setup.password')}
                description={t('password.rule', { min: MIN_PASSWORD_LENGTH })}
                withAsterisk
                autoComplete="new-password"
                {...register('manager.password')}
                error={errors.manager?.password?.message}
              />
              <PasswordField
                label={t('setup.passwordRepeat')}
                withAsterisk
                autoComplete="new-password"
                {...register('passwordRepeat')}
                error={errors.passwordRepeat?.message}
              />
            </Stack>
          </Fieldset>
          <Button type="submit" size="md" loading={create.isPending}>
            {t('setup.submit')}
          </Button>
          <Text size="sm" c="dimmed" role="status" ta="center">
            {create.isPending ? t('setup.busy') : ''}
          </Text>
          <Button variant="subtle" onClick={onRestoreInstead} disabled={create.isPending}>
            {t('setup.restoreInstead')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
