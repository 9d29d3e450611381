import { Button, Group, Stack, type ButtonProps, type MantineSpacing, type ModalProps } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from './AppModal';
import { FormError } from './FormError';

/** The part of `useApiForm` a form element needs. */
export interface FormHandle {
  submit: (event?: FormEvent) => void;
  formError: string | null;
  pending: boolean;
}

/** A form in a page or a card: its title or intro, the alert with the backend's message, then the fields. */
export function ApiForm({ form, header, children, gap = 'md', maw }: { form: FormHandle; header?: ReactNode; children: ReactNode; gap?: MantineSpacing; maw?: number }) {
  return (
    <form noValidate onSubmit={form.submit}>
      <Stack gap={gap} maw={maw}>
        {header}
        <FormError message={form.formError} />
        {children}
      </Stack>
    </form>
  );
}

/** Submits the surrounding form; disabled with a loader while the call runs. */
export function SubmitButton({ form, children, ...props }: { form: Pick<FormHandle, 'pending'>; children: ReactNode } & ButtonProps) {
  return (
    <Button type="submit" loading={form.pending} {...props}>
      {children}
    </Button>
  );
}

/** Annuleren and the dialog's action. Without `onConfirm` the action submits the form around it. */
export function DialogButtons({
  onCancel,
  label,
  pending,
  color,
  onConfirm,
  focusCancel = false,
  cancelLabel,
  disabled = false,
  cancelDisabled = false,
}: {
  onCancel: () => void;
  label: string;
  pending: boolean;
  color?: string | undefined;
  onConfirm?: () => void;
  /** A destructive confirmation starts on Annuleren. */
  focusCancel?: boolean;
  /** "Annuleren" unless going back is the better word. */
  cancelLabel?: string;
  /** The action waits for something (a confirmation box), or cannot be cancelled while it runs. */
  disabled?: boolean;
  cancelDisabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel} disabled={cancelDisabled} data-autofocus={focusCancel || undefined}>
        {cancelLabel ?? t('common.cancel')}
      </Button>
      <Button type={onConfirm ? 'button' : 'submit'} loading={pending} disabled={disabled} color={color} onClick={onConfirm}>
        {label}
      </Button>
    </Group>
  );
}

/**
 * A form in a dialog on one API method (see `useApiForm`): the fields, the backend's message
 * above them, Annuleren and the submit button with its loader. `useApiForm`'s `onSuccess` closes it.
 */
export function FormDialog({
  form,
  title,
  intro,
  onClose,
  children,
  after,
  submitLabel,
  submitColor,
  size = 'lg',
}: {
  form: FormHandle;
  title: string;
  /** What the dialog does, above the backend's message and the fields. */
  intro?: ReactNode;
  onClose: () => void;
  children: ReactNode;
  /** Below the form in the same dialog (a form of its own, for instance). */
  after?: ReactNode;
  /** "Opslaan" unless the action has its own verb. */
  submitLabel?: string;
  submitColor?: string | undefined;
  size?: ModalProps['size'];
}) {
  const { t } = useTranslation();
  return (
    <AppModal onClose={onClose} title={title} size={size}>
      <ApiForm form={form} header={intro}>
        {children}
        <DialogButtons onCancel={onClose} label={submitLabel ?? t('common.save')} pending={form.pending} color={submitColor} />
      </ApiForm>
      {after}
    </AppModal>
  );
}
