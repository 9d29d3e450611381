import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { contract } from '../../../../shared/api/contract';
import { MIN_PASSWORD_LENGTH } from '../../../../shared/validation/password';
import { call } from '../../api/client';
import { applyServerErrors, formResolver } from '../../api/forms';
import { queryClient, setUnlocked, STATUS_KEY } from '../../api/queries';
import { AuthLayout } from '../../components/AuthLayout';
import { FormError } from '../../components/FormError';
import { PasswordField } from '../../components/PasswordField';
import { rememberUsername, setLockNotice } from '../../lib/lockNotice';

const FIELDS = ['recoveryKey', 'username', 'newPassword', 'newPasswordRepeat'] as const;

/** All manager passwords lost: the herstelsleutel opens the database (`auth.recover`). */
export function RecoverPage() {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const schema = useMemo(
    () =>
      contract['auth.recover'].input
        .safeExtend({ newPasswordRepeat: z.string() })
        .refine((v) => v.newPasswordRepeat === v.newPassword, { path: ['newPasswordRepeat'], message: t('errors.passwordRepeat') }),
    [t],
  );
  const { register, handleSubmit, setError, setFocus, formState } = useForm({
    resolver: formResolver(schema),
    defaultValues: { recoveryKey: '', username: '', newPassword: '', newPasswordRepeat: '' },
  });
  const { errors } = formState;
  useEffect(() => { setFocus('recoveryKey'); }, [setFocus]);

  const recover = useMutation({
    mutationFn: (values: z.output<typeof schema>) =>
      call('auth.recover', { recoveryKey: values.recoveryKey, username: values.username, newPassword: values.newPassword }),
    onSuccess: (session) => {
      rememberUsername(session.username);
      setLockNotice(null);
      setUnlocked(session);
    },
    onError: (error) => {
      setFormError(applyServerErrors(error, setError, FIELDS));
      void queryClient.invalidateQueries({ queryKey: STATUS_KEY });
    },
  });

  return (
    <AuthLayout width={560}>
      <form
        noValidate
        onSubmit={(event) => void handleSubmit((values) => {
          setFormError(null);
          recover.mutate(values);
        })(event)}
      >
        <Stack gap="md">
          <div>
            <Title order={1} size="h2" mb="xs">
              {t('recover.title')}
            </Title>
            <Text>{t('recover.intro')}</Text>
          </div>
          <FormError message={formError} />
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
          <TextInput
            label={t('recover.username')}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            {...register('username')}
            error={errors.username?.message}
          />
          <PasswordField
            label={t('recover.newPassword')}
            description={t('password.rule', { min: MIN_PASSWORD_LENGTH })}
            autoComplete="new-password"
            {...register('newPassword')}
            error={errors.newPassword?.message}
          />
          <PasswordField
            label={t('recover.newPasswordRepeat')}
            autoComplete="new-password"
            {...register('newPasswordRepeat')}
            error={errors.newPasswordRepeat?.message}
          />
          <Alert color="blue" variant="light">
            {t('recover.notice')}
          </Alert>
          <Button type="submit" size="md" loading={recover.isPending}>
            {t('recover.submit')}
          </Button>
          <Anchor component={Link} to="/" size="sm" ta="center">
            {t('recover.back')}
          </Anchor>
        </Stack>
      </form>
    </AuthLayout>
  );
}
