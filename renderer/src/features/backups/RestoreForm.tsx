import { Alert, Checkbox, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Controller, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { KEPT_ASIDE_DAYS, type RestoreCredential, type RestoreResult } from '../../../../shared/api/backup.contract';
import { ApiForm, DialogButtons, SubmitButton } from '../../components/FormDialog';
import { PasswordField } from '../../components/PasswordField';
import { useApiForm } from '../../components/useApiForm';
import { useFormat } from '../../lib/format';

/**
 * The confirmation for restoring one backup: what will happen, a manager's password or the
 * herstelsleutel, and an explicit "I understand". Used on the Back-ups page (own password) and on
 * the corruption screen (any manager, or the herstelsleutel).
 */
export function RestoreForm({
  createdAt,
  fixedUsername,
  restore,
  onRestored,
  onCancel,
}: {
  createdAt: string;
  /** The logged-in manager: only their own password is accepted. */
  fixedUsername?: string;
  restore: (credential: RestoreCredential) => Promise<RestoreResult>;
  onRestored: (result: RestoreResult) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const schema = useMemo(
    () =>
      z
        .object({
          method: z.enum(['password', 'recoveryKey']),
          username: z.string().trim(),
          password: z.string(),
          recoveryKey: z.string().trim(),
          confirm: z.boolean().refine((v) => v, t('restore.confirmRequired')),
        })
        .superRefine((v, ctx) => {
          const need = (path: 'username' | 'password' | 'recoveryKey', key: 'restore.usernameRequired' | 'restore.passwordRequired' | 'restore.recoveryKeyRequired') => {
            if (!v[path]) ctx.addIssue({ code: 'custom', path: [path], message: t(key) });
          };
          if (v.method === 'password') {
            need('username', 'restore.usernameRequired');
            need('password', 'restore.passwordRequired');
          } else need('recoveryKey', 'restore.recoveryKeyRequired');
        }),
    [t],
  );
  const form = useApiForm({
    schema,
    defaultValues: { method: 'password', username: fixedUsername ?? '', password: '', recoveryKey: '', confirm: false },
    mutation: useMutation({ mutationFn: restore }),
    toInput: (values): RestoreCredential =>
      values.method === 'password' ? { kind: 'password', username: values.username, password: values.password } : { kind: 'recoveryKey', recoveryKey: values.recoveryKey },
    onSuccess: onRestored,
  });
  const { register, control, errors } = form;
  const method = useWatch({ control, name: 'method' });

  return (
    <ApiForm
      form={form}
      header={
        <Alert color="orange" variant="light" title={t('restore.title')}>
          <Text size="sm">{t('restore.warning', { date: fmt.dateTimeLong(createdAt), days: KEPT_ASIDE_DAYS })}</Text>
          <Text size="sm" mt={4}>
            {t('restore.check')}
          </Text>
        </Alert>
      }
    >
      <Controller
        control={control}
        name="method"
        render={({ field }) => (
          <Stack gap={4}>
            <Text size="sm" fw={500} id="restore-method">
              {t('restore.method')}
            </Text>
            <SegmentedControl
              aria-labelledby="restore-method"
              value={field.value}
              onChange={(value) => field.onChange(value)}
              data={[
                { value: 'password', label: t('restore.methodPassword') },
                { value: 'recoveryKey', label: t('restore.methodRecoveryKey') },
              ]}
            />
          </Stack>
        )}
      />
      {method === 'password' ? (
        <>
          <TextInput label={t('restore.username')} withAsterisk autoComplete="username" readOnly={fixedUsername !== undefined} {...register('username')} error={errors.username?.message} />
          <PasswordField label={t('restore.password')} withAsterisk autoComplete="current-password" {...register('password')} error={errors.password?.message} />
        </>
      ) : (
        <TextInput label={t('restore.recoveryKey')} withAsterisk autoComplete="off" spellCheck={false} ff="monospace" {...register('recoveryKey')} error={errors.recoveryKey?.message} />
      )}
      <Checkbox label={t('restore.confirm')} {...register('confirm')} error={errors.confirm?.message} />
      {onCancel ? (
        <DialogButtons onCancel={onCancel} label={t('restore.submit')} color="red" pending={form.pending} />
      ) : (
        <Group justify="flex-end">
          <SubmitButton form={form} color="red">
            {t('restore.submit')}
          </SubmitButton>
        </Group>
      )}
    </ApiForm>
  );
}
