import { Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { errorMessage } from '../api/forms';
import { AppModal } from './AppModal';
import { DialogButtons } from './FormDialog';
import { FormError } from './FormError';

/**
 * "Are you sure?" before one call: what will happen, the backend's message if it refuses, and
 * Annuleren (focused first) next to the action.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  color,
  mutation,
  onConfirm,
  onClose,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  color?: string;
  mutation: { isPending: boolean; isError: boolean; error: unknown };
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <AppModal onClose={onClose} title={title} size="md">
      <Stack gap="md">
        {children}
        <FormError message={mutation.isError ? errorMessage(mutation.error) : null} />
        <DialogButtons onCancel={onClose} label={confirmLabel} pending={mutation.isPending} color={color} onConfirm={onConfirm} focusCancel />
      </Stack>
    </AppModal>
  );
}
