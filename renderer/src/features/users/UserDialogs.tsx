import { Alert, Button, Checkbox, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract } from '../../../../shared/api/contract';
import type { User } from '../../../../shared/api/schemas';
import { ALL_ROLES } from '../../../../shared/auth/permissions';
import { MIN_PASSWORD_LENGTH, passwordProblem } from '../../../../shared/validation/password';
import { applyServerErrors, errorMessage, formResolver } from '../../api/forms';
import { AppModal } from '../../components/AppModal';
import { FormError } from '../../components/FormError';
import { PasswordField } from '../../components/PasswordField';
import { useUserMutation } from './userMutations';

interface DialogProps {
  onClose: () => void;
  onSaved: (message: string) => void;
}

function FormButtons({ onCancel, submitLabel, loading }: { onCancel: () => void; submitLabel: string; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" mt="md">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={loading}>
        {submitLabel}
      </Button>
    </Group>
  );
}

/** Roles as checkboxes: one user may hold several. */
function RolesField({ value, onChange, error }: { value: string[]; onChange: (value: string[]) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group label={t('users.form.roles')} description={t('users.form.rolesDescription')} withAsterisk value={value} onChange={onChange} error={error}>
      <Stack gap="sm" mt="xs">
        {ALL_ROLES.map((role) => (
          <Checkbox key={role} value={role} label={t(`roles.${role}`)} description={t(`roleDescriptions.${role}`)} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

const CREATE_FIELDS = ['name', 'username', 'roles', 'password', 'passwordRepeat'] as const;

/** "Gebruiker toevoegen" (`users.create`), with a temporary password to replace at first login. */
export function CreateUserDialog({ onClose, onSaved }: DialogProps) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const [schema] = useState(() =>
    contract['users.create'].input
      .safeExtend({ passwordRepeat: z.string() })
      .refine((v) => v.passwordRepeat === v.password, { path: ['passwordRepeat'], message: t('errors.passwordRepeat') }),
  );
  const { register, control, handleSubmit, setError, formState } = useForm({
    resolver: formResolver(schema),
    defaultValues: { name: '', username: '', roles: ['staff' as const], password: '', passwordRepeat: '' },
  });
  const { errors } = formState;
  const create = useUserMutation(
    'users.create',
    (user) => { onSaved(t('users.created', { name: user.name })); },
    (error) => { setFormError(applyServerErrors(error, setError, CREATE_FIELDS)); },
  );

  return (
    <AppModal onClose={onClose} title={t('users.form.addTitle')} size="xl">
      <form
        noValidate
        onSubmit={(event) => void handleSubmit(({ name, username, roles, password }) => {
          setFormError(null);
          create.mutate({ name, username, roles, password });
        })(event)}
      >
        <Stack gap="md">
          <FormError message={formError} />
          <SimpleGrid cols={2} style={{ alignItems: 'end' }}>
            <TextInput label={t('users.form.name')} withAsterisk data-autofocus autoComplete="off" {...register('name')} error={errors.name?.message} />
            <TextInput
              label={t('users.form.username')}
              description={t('users.form.usernameDescription')}
              withAsterisk
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              {...register('username')}
              error={errors.username?.message}
            />
          </SimpleGrid>
          <Controller
            control={control}
            name="roles"
            render={({ field }) => (
              <RolesField
                value={field.value}
                onChange={(value) => { field.onChange(value.filter((role) => ALL_ROLES.some((r) => r === role))); }}
                error={errors.roles?.message}
              />
            )}
          />
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
            <PasswordField
              label={t('users.form.temporaryPasswordRepeat')}
              withAsterisk
              autoComplete="new-password"
              {...register('passwordRepeat')}
              error={errors.passwordRepeat?.message}
            />
          </SimpleGrid>
          <FormButtons onCancel={onClose} submitLabel={t('users.form.submitAdd')} loading={create.isPending} />
        </Stack>
      </form>
    </AppModal>
  );
}

/** "Bewerken": name and roles (`users.update`). */
export function EditUserDialog({ user, onClose, onSaved }: DialogProps & { user: User }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, control, handleSubmit, setError, formState } = useForm({
    resolver: formResolver(contract['users.update'].input),
    defaultValues: { id: user.id, name: user.name, roles: user.roles },
  });
  const { errors } = formState;
  const update = useUserMutation(
    'users.update',
    (saved) => { onSaved(t('users.updated', { name: saved.name })); },
    (error) => { setFormError(applyServerErrors(error, setError, ['name', 'roles'])); },
  );

  return (
    <AppModal onClose={onClose} title={t('users.form.editTitle')}>
      <form
        noValidate
        onSubmit={(event) => void handleSubmit((input) => {
          setFormError(null);
          update.mutate(input);
        })(event)}
      >
        <Stack gap="md">
          <FormError message={formError} />
          <TextInput label={t('users.form.name')} withAsterisk data-autofocus {...register('name')} error={errors.name?.message} />
          <TextInput label={t('users.form.username')} value={user.username} readOnly disabled />
          <Controller
            control={control}
            name="roles"
            render={({ field }) => (
              <RolesField
                value={field.value}
                onChange={(value) => { field.onChange(value.filter((role) => ALL_ROLES.some((r) => r === role))); }}
                error={errors.roles?.message}
              />
            )}
          />
          <FormButtons onCancel={onClose} submitLabel={t('users.form.submitEdit')} loading={update.isPending} />
        </Stack>
      </form>
    </AppModal>
  );
}

/**
 * A temporary password for someone else: "Wachtwoord resetten" (`users.resetPassword`) or
 * "Activeren" (`users.setActive` with active:true). The contract only bounds the length here, so
 * the shared strength rule is applied with the user's own name and username.
 */
export function TemporaryPasswordDialog({ user, mode, onClose, onSaved }: DialogProps & { user: User; mode: 'reset' | 'activate' }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const [schema] = useState(() =>
    contract['users.resetPassword'].input.safeExtend({ temporaryPasswordRepeat: z.string() }).superRefine((v, ctx) => {
      const problem = passwordProblem(v.temporaryPassword, { username: user.username, name: user.name });
      if (problem) ctx.addIssue({ code: 'custom', path: ['temporaryPassword'], message: problem });
      if (v.temporaryPasswordRepeat !== v.temporaryPassword) {
        ctx.addIssue({ code: 'custom', path: ['temporaryPasswordRepeat'], message: t('errors.passwordRepeat') });
      }
    }),
  );
  const { register, handleSubmit, setError, formState } = useForm({
    resolver: formResolver(schema),
    defaultValues: { id: user.id, temporaryPassword: '', temporaryPasswordRepeat: '' },
  });
  const { errors } = formState;
  const onError = (error: unknown) => { setFormError(applyServerErrors(error, setError, ['temporaryPassword'])); };
  const reset = useUserMutation('users.resetPassword', (saved) => { onSaved(t('users.passwordReset', { name: saved.name })); }, onError);
  const activate = useUserMutation('users.setActive', (saved) => { onSaved(t('users.activated', { name: saved.name })); }, onError);
  const pending = reset.isPending || activate.isPending;

  return (
    <AppModal onClose={onClose} title={mode === 'reset' ? t('users.reset.title') : t('users.activateDialog.title')}>
      <form
        noValidate
        onSubmit={(event) => void handleSubmit(({ id, temporaryPassword }) => {
          setFormError(null);
          if (mode === 'reset') reset.mutate({ id, temporaryPassword });
          else activate.mutate({ id, active: true, temporaryPassword });
        })(event)}
      >
        <Stack gap="md">
          <Text>{mode === 'reset' ? t('users.reset.text', { name: user.name }) : t('users.activateDialog.text', { name: user.name })}</Text>
          <FormError message={formError} />
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
          <PasswordField
            label={t('users.form.temporaryPasswordRepeat')}
            withAsterisk
            autoComplete="new-password"
            {...register('temporaryPasswordRepeat')}
            error={errors.temporaryPasswordRepeat?.message}
          />
          <FormButtons
            onCancel={onClose}
            submitLabel={mode === 'reset' ? t('users.reset.submit') : t('users.activateDialog.confirm')}
            loading={pending}
          />
        </Stack>
      </form>
    </AppModal>
  );
}

/** "Deactiveren", confirmed: the user's key slot is removed (`users.setActive` active:false). */
export function DeactivateUserDialog({ user, onClose, onSaved }: DialogProps & { user: User }) {
  const { t } = useTranslation();
  const deactivate = useUserMutation('users.setActive', (saved) => { onSaved(t('users.deactivated', { name: saved.name })); });
  return (
    <AppModal onClose={onClose} title={t('users.deactivateDialog.title')} size="md">
      <Stack gap="md">
        <Text fw={600}>{t('users.deactivateDialog.text', { name: user.name })}</Text>
        <Text>{t('users.deactivateDialog.consequence', { name: user.name })}</Text>
        <FormError message={deactivate.isError ? errorMessage(deactivate.error) : null} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={deactivate.isPending} onClick={() => { deactivate.mutate({ id: user.id, active: false }); }}>
            {t('users.deactivateDialog.confirm')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
