import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../../shared/api/schemas';
import { setUnlocked } from '../../api/queries';
import { AuthLayout } from '../../components/AuthLayout';
import { useNotify } from '../../components/Notifications';
import { ChangePasswordForm } from './ChangePasswordForm';
import { useLock } from './useLock';

/** After a temporary password: nothing else is reachable until the user chose their own. */
export function ForcedPasswordChangePage({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const lock = useLock();
  return (
    <AuthLayout width={520}>
      <Stack gap="md">
        <div>
          <Title order={1} size="h2" mb="xs">
            {t('changePassword.forcedTitle')}
          </Title>
          <Text>{t('changePassword.forcedIntro')}</Text>
        </div>
        <ChangePasswordForm
          session={session}
          temporary
          autoFocus
          onDone={(next) => {
            notify({ message: t('changePassword.done') });
            setUnlocked(next);
          }}
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
