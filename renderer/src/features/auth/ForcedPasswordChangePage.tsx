import { Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../../shared/api/schemas';
import { AuthHeading, AuthLayout } from '../../components/AuthLayout';
import { ChangePasswordForm } from '../../components/ChangePasswordForm';
import { useLock } from './useLock';

/** After a temporary password: nothing else is reachable until the user chose their own. */
export function ForcedPasswordChangePage({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const lock = useLock();
  return (
    <AuthLayout width={520}>
      <Stack gap="md">
        <AuthHeading title={t('changePassword.forcedTitle')} intro={t('changePassword.forcedIntro')} />
        <ChangePasswordForm
          session={session}
          temporary
          autoFocus
          extraActions={
            <Button variant="default" onClick={() => void lock('user', session.username)}>
              {t('changePassword.lockInstead')}
            </Button>
          }
        />
      </Stack>
    </AuthLayout>
  );
}
