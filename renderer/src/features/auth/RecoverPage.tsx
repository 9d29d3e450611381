import { Alert, Anchor, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { contract, type MethodInput } from '../../../../shared/api/contract';
import { MIN_PASSWORD_LENGTH } from '../../../../shared/validation/password';
import { call } from '../../api/client';
import { queryClient, setUnlocked, STATUS_KEY } from '../../api/queries';
import { AuthHeading, AuthLayout } from '../../components/AuthLayout';
import { ApiForm, SubmitButton } from '../../components/FormDialog';
import { PasswordField } from '../../components/PasswordField';
import { useApiForm } from '../../components/useApiForm';
import { setLockNotice } from '../../lib/lockNotice';
import { rememberUsername } from '../../lib/lastUsername';

/** All manager passwords lost: the herstelsleutel opens the database (`auth.recover`). */
export function RecoverPage() {
  const { t } = useTranslation();
  const schema = useMemo(
    () =>
      contract['auth.recover'].input
        .safeExtend({ newPasswordRepeat: z.string() })
        .refine((v) => v.newPasswordRepeat === v.newPassword, { path: ['newPasswordRepeat'], message: t('errors.passwordRepeat') }),
    [t],
  );
  const form = useApiForm({
    schema,
    defaultValues: { recoveryKey: '', username: '', newPassword: '', newPasswordRepeat: '' },
    mutation: useMutation({
      mutationFn: (input: MethodInput<'auth.recover'>) => call('auth.recover', input),
      onError: () => void queryClient.invalidateQueries({ queryKey: STATUS_KEY }),
    }),
    toInput: ({ recoveryKey, username, newPassword }) => ({ recoveryKey, username, newPassword }),
    onSuccess: (session) => {
      rememberUsername(session.username);
      setLockNotice(null);
      setUnlocked(session);
    },
  });
  const { register, errors, setFocus } = form;
  useEffect(() => { setFocus('recoveryKey'); }, [setFocus]);

  return (
    <AuthLayout width={560}>
      <ApiForm form={form} header={<AuthHeading title={t('recover.title')} intro={t('recover.intro')} />}>
        <TextInput
          label={t('recover.recoveryKey')}
          description={t('recover.recoveryKeyDescription')}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.05em' } }}
          {...register('recoveryKey')}
          error={errors.recoveryKey?.message}
        />
        <TextInput label={t('recover.username')} autoComplete="username" autoCapitalize="none" spellCheck={false} {...register('username')} error={errors.username?.message} />
        <PasswordField
          label={t('recover.newPassword')}
          description={t('password.rule', { min: MIN_PASSWORD_LENGTH })}
          autoComplete="new-password"
          {...register('newPassword')}
          error={errors.newPassword?.message}
        />
        <PasswordField label={t('recover.newPasswordRepeat')} autoComplete="new-password" {...register('newPasswordRepeat')} error={errors.newPasswordRepeat?.message} />
        <Alert color="blue" variant="light">
          {t('recover.notice')}
        </Alert>
        <SubmitButton form={form} size="md">
          {t('recover.submit')}
        </SubmitButton>
        <Anchor component={Link} to="/" size="sm" ta="center">
          {t('recover.back')}
        </Anchor>
      </ApiForm>
    </AuthLayout>
  );
}
