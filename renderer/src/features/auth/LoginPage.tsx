import { Alert, Anchor, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { contract, type MethodInput } from '../../../../shared/api/contract';
import { ApiCallError, call } from '../../api/client';
import { queryClient, setUnlocked, STATUS_KEY } from '../../api/queries';
import { AuthHeading, AuthLayout } from '../../components/AuthLayout';
import { ApiForm, SubmitButton } from '../../components/FormDialog';
import { PasswordField } from '../../components/PasswordField';
import { useApiForm } from '../../components/useApiForm';
import { setLockNotice, useLockNotice } from '../../lib/lockNotice';
import { lastUsername, rememberUsername } from '../../lib/lastUsername';
import { useCountdown } from '../../lib/useCountdown';

/** The locked state: unlock the database with username and password (`auth.login`). */
export function LoginPage({ locationName, loginDelaySeconds }: { locationName: string | null; loginDelaySeconds: number }) {
  const { t } = useTranslation();
  const notice = useLockNotice();
  const { remaining, start } = useCountdown();
  const login = useMutation({
    mutationFn: (input: MethodInput<'auth.login'>) => call('auth.login', input),
    onSuccess: (session) => {
      rememberUsername(session.username);
      setLockNotice(null);
      setUnlocked(session);
    },
    onError: () => {
      form.resetField('password');
      // After repeated failures the backend imposes a delay; the status tells how long.
      void queryClient.invalidateQueries({ queryKey: STATUS_KEY });
    },
  });
  const form = useApiForm({
    schema: contract['auth.login'].input,
    defaultValues: { username: lastUsername(), password: '' },
    mutation: login,
    onError: (error, message) => {
      form.setFocus('password');
      if (!(error instanceof ApiCallError && error.code === 'RATE_LIMITED')) return message;
      start(Number(error.details.waitSeconds ?? 1));
      return null;
    },
  });
  const { setFocus } = form;

  useEffect(() => { setFocus(lastUsername() ? 'password' : 'username'); }, [setFocus]);
  useEffect(() => { start(loginDelaySeconds); }, [loginDelaySeconds, start]);

  const waiting = remaining > 0;

  return (
    <AuthLayout>
      <ApiForm
        form={form}
        header={
          <>
            <AuthHeading title={locationName ?? t('login.noLocation')} intro={t('login.intro')} dimmed />
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
          </>
        }
      >
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
          {...form.register('username')}
          error={form.errors.username?.message}
        />
        <PasswordField label={t('login.password')} autoComplete="current-password" {...form.register('password')} error={form.errors.password?.message} />
        <SubmitButton form={form} size="md" disabled={waiting}>
          {waiting ? t('login.waitButton', { seconds: remaining }) : t('login.submit')}
        </SubmitButton>
        <Anchor component={Link} to="/herstellen" size="sm" ta="center">
          {t('login.forgot')}
        </Anchor>
      </ApiForm>
    </AuthLayout>
  );
}
