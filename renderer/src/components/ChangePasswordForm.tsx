import { Group } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract, type MethodInput } from '../../../shared/api/contract';
import type { SessionInfo } from '../../../shared/api/schemas';
import { MIN_PASSWORD_LENGTH, passwordProblem } from '../../../shared/validation/password';
import { call } from '../api/client';
import { setUnlocked } from '../api/queries';
import { ApiForm, SubmitButton } from './FormDialog';
import { PasswordField } from './PasswordField';
import { useApiForm } from './useApiForm';

/**
 * Own password (`auth.changePassword`), on Mijn account and after a temporary password. The
 * contract checks presence; the strength rule needs the user's name and username, so it is applied
 * here with the same shared `passwordProblem` the backend uses. The new session goes into the cache.
 */
export function ChangePasswordForm({
  session,
  temporary = false,
  autoFocus = false,
  extraActions,
}: {
  session: SessionInfo;
  temporary?: boolean;
  autoFocus?: boolean;
  extraActions?: ReactNode;
}) {
  const { t } = useTranslation();
  const schema = useMemo(
    () =>
      contract['auth.changePassword'].input.safeExtend({ newPasswordRepeat: z.string() }).superRefine((v, ctx) => {
        const problem = passwordProblem(v.newPassword, { username: session.username, name: session.name });
        if (problem) ctx.addIssue({ code: 'custom', path: ['newPassword'], message: problem });
        else if (v.newPassword === v.currentPassword) ctx.addIssue({ code: 'custom', path: ['newPassword'], message: t('errors.samePassword') });
        if (v.newPasswordRepeat !== v.newPassword) {
          ctx.addIssue({ code: 'custom', path: ['newPasswordRepeat'], message: t('errors.passwordRepeat') });
        }
      }),
    [t, session.username, session.name],
  );
  const form = useApiForm({
    schema,
    defaultValues: { currentPassword: '', newPassword: '', newPasswordRepeat: '' },
    mutation: useMutation({ mutationFn: (input: MethodInput<'auth.changePassword'>) => call('auth.changePassword', input) }),
    toInput: ({ currentPassword, newPassword }) => ({ currentPassword, newPassword }),
    success: () => t('changePassword.done'),
    resetOnSuccess: true,
    onSuccess: setUnlocked,
  });
  const { setFocus } = form;
  useEffect(() => {
    if (autoFocus) setFocus('currentPassword');
  }, [autoFocus, setFocus]);

  return (
    <ApiForm form={form}>
      <input type="text" name="username" autoComplete="username" value={session.username} readOnly hidden />
      <PasswordField
        label={temporary ? t('changePassword.currentTemporary') : t('changePassword.current')}
        autoComplete="current-password"
        {...form.register('currentPassword')}
        error={form.errors.currentPassword?.message}
      />
      <PasswordField
        label={t('changePassword.new')}
        description={t('password.rule', { min: MIN_PASSWORD_LENGTH })}
        autoComplete="new-password"
        {...form.register('newPassword')}
        error={form.errors.newPassword?.message}
      />
      <PasswordField label={t('changePassword.repeat')} autoComplete="new-password" {...form.register('newPasswordRepeat')} error={form.errors.newPasswordRepeat?.message} />
      <Group justify="space-between">
        {extraActions ?? <span />}
        <SubmitButton form={form}>{t('changePassword.submit')}</SubmitButton>
      </Group>
    </ApiForm>
  );
}
