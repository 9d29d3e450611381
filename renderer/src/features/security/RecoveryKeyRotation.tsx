import { Alert, Box, Button, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract, type MethodInput } from '../../../../shared/api/contract';
import { call } from '../../api/client';
import { queryClient } from '../../api/queries';
import { AppModal } from '../../components/AppModal';
import { FormDialog } from '../../components/FormDialog';
import { useNotify } from '../../components/Notifications';
import { PasswordField } from '../../components/PasswordField';
import { RecoveryKeyPanel } from '../../components/RecoveryKeyPanel';
import { useApiForm } from '../../components/useApiForm';
import { useCan, useSession } from '../../lib/session';

/** Step 1: what happens to the old key, and the password again (`security.rotateRecoveryKey`). */
function ConfirmRotationDialog({ onClose, onRotated }: { onClose: () => void; onRotated: (recoveryKey: string) => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const form = useApiForm({
    schema: contract['security.rotateRecoveryKey'].input,
    defaultValues: { currentPassword: '' },
    mutation: useMutation({ mutationFn: (input: MethodInput<'security.rotateRecoveryKey'>) => call('security.rotateRecoveryKey', input) }),
    onSuccess: ({ recoveryKey }) => { onRotated(recoveryKey); },
  });
  return (
    <FormDialog
      form={form}
      title={t('recoveryRotation.dialogTitle')}
      intro={
        <Alert color="red" variant="light" title={t('recoveryRotation.warningTitle')}>
          {t('recoveryRotation.warningText')}
        </Alert>
      }
      onClose={onClose}
      submitLabel={t('recoveryRotation.submit')}
      submitColor="red"
      size="md"
    >
      <input type="text" name="username" autoComplete="username" value={session.username} readOnly hidden />
      <PasswordField
        label={t('recoveryRotation.password')}
        description={t('recoveryRotation.passwordDescription')}
        withAsterisk
        data-autofocus
        autoComplete="current-password"
        {...form.register('currentPassword')}
        error={form.errors.currentPassword?.message}
      />
    </FormDialog>
  );
}

/**
 * "Nieuwe herstelsleutel maken" (users.manage): the old key stops working at once; the new one is
 * shown once with the same PDF and confirmation as after setup. The key dialog cannot be closed
 * by Escape or a click beside it, only by confirming that the key is stored safely.
 */
export function RecoveryKeyRotation() {
  const { t } = useTranslation();
  const may = useCan();
  const notify = useNotify();
  const [step, setStep] = useState<{ kind: 'closed' } | { kind: 'confirm' } | { kind: 'key'; recoveryKey: string }>({ kind: 'closed' });
  if (!may('users.manage')) return null;

  return (
    <Box mt="md">
      <Text size="sm" mb="xs">
        {t('recoveryRotation.intro')}
      </Text>
      <Button variant="outline" color="red" onClick={() => { setStep({ kind: 'confirm' }); }}>
        {t('recoveryRotation.action')}
      </Button>

      {step.kind === 'confirm' && (
        <ConfirmRotationDialog
          onClose={() => { setStep({ kind: 'closed' }); }}
          onRotated={(recoveryKey) => {
            setStep({ kind: 'key', recoveryKey });
            // The audit log has a new line; the key slot itself is still "present".
            void queryClient.invalidateQueries({ queryKey: ['security.status'] });
            void queryClient.invalidateQueries({ queryKey: ['audit.recent'] });
          }}
        />
      )}
      {step.kind === 'key' && (
        <AppModal
          onClose={() => undefined}
          title={t('recoveryRotation.keyTitle')}
          size="xl"
          withCloseButton={false}
          closeOnEscape={false}
          closeOnClickOutside={false}
        >
          <RecoveryKeyPanel
            recoveryKey={step.recoveryKey}
            notice={t('recoveryRotation.oldKeyNotice')}
            doneLabel={t('recoveryRotation.done')}
            headingOrder={3}
            onDone={() => {
              setStep({ kind: 'closed' });
              notify({ message: t('recoveryRotation.doneToast') });
              void queryClient.invalidateQueries({ queryKey: ['audit.recent'] });
            }}
          />
        </AppModal>
      )}
    </Box>
  );
}
