import { Alert, Checkbox, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract } from '../../../../shared/api/contract';
import type { User } from '../../../../shared/api/schemas';
import { ALL_ROLES } from '../../../../shared/auth/permissions';
import { MIN_PASSWORD_LENGTH, passwordProblem } from '../../../../shared/validation/password';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TextField } from '../../components/fields';
import { FormDialog } from '../../components/FormDialog';
import { useNotify } from '../../components/Notifications';
import { PasswordField } from '../../components/PasswordField';
import { useApiForm, type FormMutation } from '../../components/useApiForm';
import { useUserMutation } from './userMutations';

interface DialogProps {
  onClose: () => void;
}

/** Roles as checkboxes: one user may hold several. */
function RolesField<T extends FieldValues & { roles: unknown }, V>({ control }: { control: Control<T, unknown, V> }) {
  const { t } = useTranslation();
  return (
    <Controller
      control={control}
      // Both user forms hold the roles under this name (the constraint on T).
      name={'roles' as Path<T>}
      render={({ field, fieldState }) => (
        <Checkbox.Group
          label={t('users.form.roles')}
          description={t('users.form.rolesDescription')}
          withAsterisk
          value={Array.isArray(field.value) ? (field.value as string[]) : []}
          onChange={(value) => { field.onChange(value.filter((role) => ALL_ROLES.some((r) => r === role))); }}
          error={fieldState.error?.message}
        >
          <Stack gap="sm" mt="xs">
            {ALL_ROLES.map((role) => (
              <Checkbox key={role} value={role} label={t(`roles.${role}`)} description={t(`roleDescriptions.${role}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
      )}
    />
  );
}

/** "Gebruiker toevoegen" (`users.create`), with a temporary password to replace at first login. */
export function CreateUserDialog({ onClose }: DialogProps) {
  const { t } = useTranslation();
  const [schema] = useState(() =>
    contract['users.create'].input
      .safeExtend({ passwordRepeat: z.string() })
      .refine((v) => v.passwordRepeat === v.password, { path: ['passwordRepeat'], message: t('errors.passwordRepeat') }),
  );
  const form = useApiForm({
    schema,
    defaultValues: { name: '', username: '', roles: ['staff'], password: '', passwordRepeat: '' },
    mutation: useUserMutation('users.create'),
    toInput: ({ name, username, roles, password }) => ({ name, username, roles, password }),
    success: (user) => t('users.created', { name: user.name }),
    onSuccess: onClose,
  });
  const { control, register, errors } = form;

  return (
    <FormDialog form={form} title={t('users.form.addTitle')} onClose={onClose} submitLabel={t('users.form.submitAdd')} size="xl">
      <SimpleGrid cols={2} style={{ alignItems: 'end' }}>
        <TextField control={control} name="name" label={t('users.form.name')} required autoFocus />
        <TextField control={control} name="username" label={t('users.form.username')} description={t('users.form.usernameDescription')} required autoCapitalize="none" spellCheck={false} />
      </SimpleGrid>
      <RolesField control={control} />
      <Alert color="blue" variant="light" p="sm">
        {t('users.form.temporaryExplanation')}
      </Alert>
      <SimpleGrid cols={2} style={{ alignItems: 'end' }}>
        <PasswordField
          label={t('users.form.temporaryPassword')}
          description={t('password.rule', { min: MIN_PASSWORD_LENGTH })}
          withAsterisk
          autoComplete="new-password"
          {...register('password')}
          error={errors.password?.message}
        />
        <PasswordField label={t('users.form.temporaryPasswordRepeat')} withAsterisk autoComplete="new-password" {...register('passwordRepeat')} error={errors.passwordRepeat?.message} />
      </SimpleGrid>
    </FormDialog>
  );
}

/** "Bewerken": name and roles (`users.update`). */
export function EditUserDialog({ user, onClose }: DialogProps & { user: User }) {
  const { t } = useTranslation();
  const form = useApiForm({
    schema: contract['users.update'].input,
    defaultValues: { id: user.id, name: user.name, roles: user.roles },
    mutation: useUserMutation('users.update'),
    success: (saved) => t('users.updated', { name: saved.name }),
    onSuccess: onClose,
  });
  return (
    <FormDialog form={form} title={t('users.form.editTitle')} onClose={onClose} submitLabel={t('users.form.submitEdit')}>
      <TextField control={form.control} name="name" label={t('users.form.name')} required autoFocus />
      <TextInput label={t('users.form.username')} value={user.username} readOnly disabled />
      <RolesField control={form.control} />
    </FormDialog>
  );
}

/** users.resetPassword, or users.setActive with active:true: both set a temporary password. */
function useTemporaryPassword(mode: 'reset' | 'activate'): FormMutation<{ id: string; temporaryPassword: string }, User> {
  const reset = useUserMutation('users.resetPassword');
  const activate = useUserMutation('users.setActive');
  return {
    mutate: ({ id, temporaryPassword }, callbacks) => {
      if (mode === 'reset') reset.mutate({ id, temporaryPassword }, callbacks);
      else activate.mutate({ id, active: true, temporaryPassword }, callbacks);
    },
    isPending: reset.isPending || activate.isPending,
  };
}

/**
 * A temporary password for someone else: "Wachtwoord resetten" (`users.resetPassword`) or
 * "Activeren" (`users.setActive` with active:true). The contract only bounds the length here, so
 * the shared strength rule is applied with the user's own name and username.
 */
export function TemporaryPasswordDialog({ user, mode, onClose }: DialogProps & { user: User; mode: 'reset' | 'activate' }) {
  const { t } = useTranslation();
  const [schema] = useState(() =>
    contract['users.resetPassword'].input.safeExtend({ temporaryPasswordRepeat: z.string() }).superRefine((v, ctx) => {
      const problem = passwordProblem(v.temporaryPassword, { username: user.username, name: user.name });
      if (problem) ctx.addIssue({ code: 'custom', path: ['temporaryPassword'], message: problem });
      if (v.temporaryPasswordRepeat !== v.temporaryPassword) {
        ctx.addIssue({ code: 'custom', path: ['temporaryPasswordRepeat'], message: t('errors.passwordRepeat') });
      }
    }),
  );
  const form = useApiForm({
    schema,
    defaultValues: { id: user.id, temporaryPassword: '', temporaryPasswordRepeat: '' },
    mutation: useTemporaryPassword(mode),
    success: (saved) => (mode === 'reset' ? t('users.passwordReset', { name: saved.name }) : t('users.activated', { name: saved.name })),
    onSuccess: onClose,
  });
  const { register, errors } = form;

  return (
    <FormDialog
      form={form}
      title={mode === 'reset' ? t('users.reset.title') : t('users.activateDialog.title')}
      intro={<Text>{mode === 'reset' ? t('users.reset.text', { name: user.name }) : t('users.activateDialog.text', { name: user.name })}</Text>}
      onClose={onClose}
      submitLabel={mode === 'reset' ? t('users.reset.submit') : t('users.activateDialog.confirm')}
    >
      <input type="text" name="username" autoComplete="off" value={user.username} readOnly hidden />
      <PasswordField
        label={t('users.form.temporaryPassword')}
        description={t('password.rule', { min: MIN_PASSWORD_LENGTH })}
        withAsterisk
        data-autofocus
        autoComplete="new-password"
        {...register('temporaryPassword')}
        error={errors.temporaryPassword?.message}
      />
      <PasswordField label={t('users.form.temporaryPasswordRepeat')} withAsterisk autoComplete="new-password" {...register('temporaryPasswordRepeat')} error={errors.temporaryPasswordRepeat?.message} />
    </FormDialog>
  );
}

/** "Deactiveren", confirmed: the user's key slot is removed (`users.setActive` active:false). */
export function DeactivateUserDialog({ user, onClose }: DialogProps & { user: User }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const deactivate = useUserMutation('users.setActive');
  return (
    <ConfirmDialog
      title={t('users.deactivateDialog.title')}
      confirmLabel={t('users.deactivateDialog.confirm')}
      color="red"
      mutation={deactivate}
      onConfirm={() => {
        deactivate.mutate(
          { id: user.id, active: false },
          {
            onSuccess: (saved) => {
              notify({ title: t('common.saved'), message: t('users.deactivated', { name: saved.name }) });
              onClose();
            },
          },
        );
      }}
      onClose={onClose}
    >
      <Text fw={600}>{t('users.deactivateDialog.text', { name: user.name })}</Text>
      <Text>{t('users.deactivateDialog.consequence', { name: user.name })}</Text>
    </ConfirmDialog>
  );
}
