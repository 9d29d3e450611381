import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { contract, type MethodInput } from '../../../../shared/api/contract';
import { ApiCallError, call } from '../../api/client';
import { applyServerErrors, formResolver } from '../../api/forms';
import { queryClient, setUnlocked, STATUS_KEY } from '../../api/queries';
import { AuthLayout } from '../../components/AuthLayout';
import { FormError } from '../../components/FormError';
import { PasswordField } from '../../components/PasswordField';
import { lastUsername, rememberUsername, setLockNotice, useLockNotice } from '../../lib/lockNotice';
import { useCountdown } from '../../lib/useCountdown';

const schema = contract['auth.login'].input;

/** The locked state: unlock the database with username and password (`auth.login`). */
export function LoginPage({ locationName, loginDelaySeconds }: { locationName: string | null; loginDelaySeconds: number }) {
  const { t } = useTranslation();
  const notice = useLockNotice();
  const [formError, setFormError] = useState<string | null>(null);
  const { remaining, start } = useCountdown();
  const { register, handleSubmit, setError, setFocus, resetField, formState } = useForm({
    resolver: formResolver(schema),
    defaultValues: { username: lastUsername(), password: '' },
  });
  const { errors } = formState;

  useEffect(() => { setFocus(lastUsername() ? 'password' : 'username'); }, [setFocus]);
  useEffect(() => { start(loginDelaySeconds); }, [loginDelaySeconds, start]);

  const login = useMutation({
    mutationFn: (input: MethodInput<'auth.login'>) => call('auth.login', input),
    onSuccess: (session) => {
      rememberUsername(session.username);
      setLockNotice(null);
      setUnlocked(session);
    },
    onError: (error) => {
      resetField('password');
      if (error instanceof ApiCallError && error.code === 'RATE_LIMITED') {
        start(Number(error.details.waitSeconds ?? 1));
        setFormError(null);
      } else {
        setFormError(applyServerErrors(error, setError, ['username', 'password']));
      }
      setFocus('password');
      // After repeated failures the backend imposes a delay; the status tells how long.
      void queryClient.invalidateQueries({ queryKey: STATUS_KEY });
    },
  });

  const waiting = remaining > 0;

  return (
    <AuthLayout>
      <form
        noValidate
        onSubmit={(event) => void handleSubmit((values) => {
          setFormError(null);
          login.mutate(values);
        })(event)}
      >
        <Stack gap="md">
          <div>
            <Title order={1} size="h2">{locationName ?? t('login.noLocation')}</Title>
            <Text c="dimmed">{t('login.intro')}</Text>
          </div>
          {notice?.kind === 'idle' && (
            <Alert color="blue" variant="light" title={t('login.lockedIdle')}>
              {t('login.lockedIdleText')}
            </Alert>
          )}
          {notice?.kind === 'message' && (
            <Alert color="blue" variant="light" title={t('login.lockedNotice')}>
              {notice.text}
            </Alert>
          )}
          <FormError message={formError} />
          {waiting && (
            <Alert color="red" variant="light" role="alert">
              {t('login.wait', { seconds: remaining })}
            </Alert>
          )}
          <TextInput
            label={t('login.username')}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            {...register('username')}
            error={errors.username?.message}
          />
          <PasswordField
            label={t('login.password')}
            autoComplete="current-password"
            {...register('password')}
            error={errors.password?.message}
          />
          <Button type="submit" size="md" disabled={waiting} loading={login.isPending}>
            {waiting ? t('login.waitButton', { seconds: remaining }) : t('login.submit')}
          </Button>
          <Anchor component={Link} to="/herstellen" size="sm" ta="center">
            {t('login.forgot')}
          </Anchor>
        </Stack>
      </form>
    </AuthLayout>
  );
}
