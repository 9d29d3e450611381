import { Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LoginRequest } from '../../../shared/console/api';
import { errorMessage } from '../api/forms';
import { AuthHeading, AuthLayout } from '../components/AuthLayout';
import { FormError } from '../components/FormError';
import { PasswordField } from '../components/PasswordField';
import { consoleApi } from './api';
import { SESSION_KEY } from './session';

/** Username and password; the service answers with a growing delay after failed attempts. */
export function LoginPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ username?: string; password?: string }>({});
  const login = useMutation({
    mutationFn: (input: { username: string; password: string }) => consoleApi.login(input.username, input.password),
    onSuccess: (session) => queryClient.setQueryData(SESSION_KEY, session),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = LoginRequest.safeParse({ username, password });
    if (!parsed.success) {
      const errors: { username?: string; password?: string } = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if ((field === 'username' || field === 'password') && !errors[field]) errors[field] = issue.message;
      }
      setFieldErrors(errors);
      return;
    }
    setFieldErrors({});
    login.mutate(parsed.data);
  };

  return (
    <AuthLayout appName={t('console.name')}>
      <form noValidate onSubmit={submit}>
        <Stack gap="md">
          <AuthHeading title={t('console.login.title')} intro={t('console.login.intro')} />
          <FormError message={login.isError ? errorMessage(login.error) : null} />
          <TextInput label={t('console.login.username')} autoComplete="username" value={username} onChange={(e) => setUsername(e.currentTarget.value)} error={fieldErrors.username} required data-autofocus autoFocus />
          <PasswordField label={t('console.login.password')} autoComplete="current-password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={fieldErrors.password} required />
          <Button type="submit" loading={login.isPending}>
            {t('console.login.submit')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('console.login.firstUser')}
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
