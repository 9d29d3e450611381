import { Button, Group, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract } from '../../../../shared/api/contract';
import type { SessionInfo } from '../../../../shared/api/schemas';
import { MIN_PASSWORD_LENGTH, passwordProblem } from '../../../../shared/validation/password';
import { call } from '../../api/client';
import { applyServerErrors, formResolver } from '../../api/forms';
import { FormError } from '../../components/FormError';
import { PasswordField } from '../../components/PasswordField';

const FIELDS = ['currentPassword', 'newPassword', 'newPasswordRepeat'] as const;

/**
 * Own password (`auth.changePassword`). The contract checks presence; the strength rule needs the
 * user's name and username, so it is applied here with the same shared `passwordProblem` the
 * backend uses.
 */
export function ChangePasswordForm({
  session,
  temporary = false,
  autoFocus = false,
  onDone,
  extraActions,
}: {
  session: SessionInfo;
  temporary?: boolean;
  autoFocus?: boolean;
  onDone: (session: SessionInfo) => void;
  extraActions?: ReactNode;
}) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
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
  const { register, handleSubmit, setError, setFocus, reset, formState } = useForm({
    resolver: formResolver(schema),
    defaultValues: { currentPassword: '', newPassword: '', newPasswordRepeat: '' },
  });
  const { errors } = formState;
  useEffect(() => {
    if (autoFocus) setFocus('currentPassword');
  }, [autoFocus, setFocus]);

  const change = useMutation({
    mutationFn: (values: z.output<typeof schema>) =>
      call('auth.changePassword', { currentPassword: values.currentPassword, newPassword: values.newPassword }),
    onSuccess: (next) => {
      reset();
      onDone(next);
    },
    onError: (error) => { setFormError(applyServerErrors(error, setError, FIELDS)); },
  });

  return (
    <form
      noValidate
      onSubmit={(event) => void handleSubmit((values) => {
        setFormError(null);
        change.mutate(values);
      })(event)}
    >
      <Stack gap="md">
        <FormError message={formError} />
        <input type="text" name="username" autoComplete="username" value={session.username} readOnly hidden />
        <PasswordField
          label={temporary ? t('changePassword.currentTemporary') : t('changePassword.current')}
          autoComplete="current-password"
          {...register('currentPassword')}
          error={errors.currentPassword?.message}
        />
        <PasswordField
          label={t('changePassword.new')}
          description={t('password.rule', { min: MIN_PASSWORD_LENGTH })}
          autoComplete="new-password"
          {...register('newPassword')}
          error={errors.newPassword?.message}
        />
        <PasswordField
          label={t('changePassword.repeat')}
          autoComplete="new-password"
          {...register('newPasswordRepeat')}
          error={errors.newPasswordRepeat?.message}
        />
        <Group justify="space-between">
          {extraActions ?? <span />}
          <Button type="submit" loading={change.isPending}>
            {t('changePassword.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
