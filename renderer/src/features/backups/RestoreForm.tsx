import { Alert, Button, Checkbox, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { RestoreCredential, RestoreResult } from '../../../../shared/api/backup.contract';
import { applyServerErrors, formResolver } from '../../api/forms';
import { FormError } from '../../components/FormError';
import { PasswordField } from '../../components/PasswordField';
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
  const [formError, setFormError] = useState<string | null>(null);
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
  const { register, control, handleSubmit, setError, formState } = useForm({
    resolver: formResolver(schema),
    defaultValues: { method: 'password' as const, username: fixedUsername ?? '', password: '', recoveryKey: '', confirm: false },
  });
  const method = useWatch({ control, name: 'method' });
  const mutation = useMutation({
    mutationFn: restore,
    onSuccess: onRestored,
    onError: (error) => {
      setFormError(applyServerErrors(error, setError, ['username', 'password', 'recoveryKey']));
    },
  });

  return (
    <form
      noValidate
      onSubmit={(event) =>
        void handleSubmit((values) => {
          setFormError(null);
          mutation.mutate(
            values.method === 'password'
              ? { kind: 'password', username: values.username, password: values.password }
              : { kind: 'recoveryKey', recoveryKey: values.recoveryKey },
          );
        })(event)
      }
    >
      <Stack gap="md">
        <Alert color="orange" variant="light" title={t('restore.title')}>
          <Text size="sm">{t('restore.warning', { date: fmt.dateTime(createdAt) })}</Text>
          <Text size="sm" mt={4}>
            {t('restore.check')}
          </Text>
        </Alert>
        <FormError message={formError} />
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
            <TextInput
              label={t('restore.username')}
              withAsterisk
              autoComplete="username"
              readOnly={fixedUsername !== undefined}
              {...register('username')}
              error={formState.errors.username?.message}
            />
            <PasswordField label={t('restore.password')} withAsterisk autoComplete="current-password" {...register('password')} error={formState.errors.password?.message} />
          </>
        ) : (
          <TextInput
            label={t('restore.recoveryKey')}
            withAsterisk
            autoComplete="off"
            spellCheck={false}
            ff="monospace"
            {...register('recoveryKey')}
            error={formState.errors.recoveryKey?.message}
          />
        )}
        <Checkbox label={t('restore.confirm')} {...register('confirm')} error={formState.errors.confirm?.message} />
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" color="red" loading={mutation.isPending}>
            {t('restore.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
