import { Button, Fieldset, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract, type MethodInput, type MethodOutput } from '../../../../shared/api/contract';
import { MIN_PASSWORD_LENGTH } from '../../../../shared/validation/password';
import { call } from '../../api/client';
import { AuthHeading, AuthLayout } from '../../components/AuthLayout';
import { ApiForm, SubmitButton } from '../../components/FormDialog';
import { PasswordField } from '../../components/PasswordField';
import { useApiForm } from '../../components/useApiForm';

/** First start: the location and its first locatiemanager (`setup.create`). */
export function SetupPage({ onDone, onRestoreInstead }: { onDone: (result: MethodOutput<'setup.create'>) => void; onRestoreInstead: () => void }) {
  const { t } = useTranslation();
  // The contract's own schema (the backend validates with the same one) plus the repeat field.
  const schema = useMemo(
    () =>
      contract['setup.create'].input
        .safeExtend({ passwordRepeat: z.string() })
        .refine((v) => v.passwordRepeat === v.manager.password, { path: ['passwordRepeat'], message: t('errors.passwordRepeat') }),
    [t],
  );
  const form = useApiForm({
    schema,
    defaultValues: {
      location: { name: '', address: '', lrkNumber: '' },
      manager: { name: '', username: '', password: '' },
      passwordRepeat: '',
    },
    mutation: useMutation({ mutationFn: (input: MethodInput<'setup.create'>) => call('setup.create', input) }),
    toInput: ({ location, manager }) => ({ location, manager }),
    onSuccess: onDone,
  });
  const { register, errors, setFocus } = form;

  useEffect(() => { setFocus('location.name'); }, [setFocus]);

  return (
    <AuthLayout width={640}>
      <ApiForm form={form} gap="lg" header={<AuthHeading title={t('setup.title')} intro={t('setup.intro')} />}>
        <Fieldset legend={t('setup.locationLegend')}>
          <Stack gap="sm">
            <TextInput label={t('setup.locationName')} withAsterisk autoComplete="organization" {...register('location.name')} error={errors.location?.name?.message} />
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
            <TextInput label={t('setup.name')} withAsterisk autoComplete="name" {...register('manager.name')} error={errors.manager?.name?.message} />
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
            <PasswordField label={t('setup.passwordRepeat')} withAsterisk autoComplete="new-password" {...register('passwordRepeat')} error={errors.passwordRepeat?.message} />
          </Stack>
        </Fieldset>
        <SubmitButton form={form} size="md">
          {t('setup.submit')}
        </SubmitButton>
        <Text size="sm" c="dimmed" role="status" ta="center">
          {form.pending ? t('setup.busy') : ''}
        </Text>
        {/* A button's label does not wrap by default: this one is a sentence, so it may take two lines. */}
        <Button variant="subtle" onClick={onRestoreInstead} disabled={form.pending} h="auto" py={6} styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}>
          {t('setup.restoreInstead')}
        </Button>
      </ApiForm>
    </AuthLayout>
  );
}
