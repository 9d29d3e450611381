import { Alert, Button, Stack } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useNavigate } from 'react-router';
import type { SessionInfo } from '../../shared/api/schemas';
import { errorMessage } from './api/forms';
import { forgetDataAfterLock, setUnlocked, useAppStatus } from './api/queries';
import { AuthLayout } from './components/AuthLayout';
import { LoadingState } from './components/LoadingState';
import { useClearNotifications } from './components/Notifications';
import { CorruptionPage } from './features/backups/CorruptionPage';
import { NewComputerRestorePage } from './features/backups/NewComputerRestorePage';
import { ForcedPasswordChangePage } from './features/auth/ForcedPasswordChangePage';
import { LoginPage } from './features/auth/LoginPage';
import { RecoverPage } from './features/auth/RecoverPage';
import { SessionContext } from './lib/session';
import { useLock } from './features/auth/useLock';
import { RecoveryKeyPage } from './features/setup/RecoveryKeyPage';
import { SetupPage } from './features/setup/SetupPage';
import { AppFrame } from './app/AppFrame';
import { useIdleLock } from './app/useIdleLock';
import { setLockNotice } from './lib/lockNotice';
import { rememberUsername } from './lib/lastUsername';
import { setPendingRecoveryKey, usePendingRecoveryKey } from './lib/pendingRecoveryKey';

/**
 * The flow follows `app.status` (polled every 5 s):
 * setup → Inrichten, then the herstelsleutel once (or, on a PC replacing another, restore a backup);
 * locked → Inloggen (or herstellen); corrupt → the damaged-database screen with restore from a backup;
 * unlocked → a forced password change when the password is temporary, otherwise the app.
 */
export function App() {
  const { t } = useTranslation();
  const status = useAppStatus();
  const recoveryKey = usePendingRecoveryKey();
  const clearNotifications = useClearNotifications();
  const state = status.data?.state;
  // On a PC not set up yet: restore a location's backup instead of setting up a new one.
  const [restoringOnNewPc, setRestoringOnNewPc] = useState(false);

  useEffect(() => {
    if (state !== 'locked') return;
    // Locked (by the user, the idle timer or the backend): keep nothing from the session.
    setPendingRecoveryKey(null);
    forgetDataAfterLock();
    clearNotifications();
    document.title = t('app.name');
  }, [state, t, clearNotifications]);

  if (status.isPending) return <LoadingState minHeight="100vh" />;
  if (status.isError) {
    return (
      <AuthLayout>
        <Stack>
          <Alert color="red" variant="light" title={t('errors.statusTitle')} role="alert">
            {errorMessage(status.error)}
          </Alert>
          <Button onClick={() => void status.refetch()} loading={status.isFetching}>
            {t('common.retry')}
          </Button>
        </Stack>
      </AuthLayout>
    );
  }

  const { session, locationName, loginDelaySeconds } = status.data;

  if (state === 'setup') {
    if (restoringOnNewPc) return <NewComputerRestorePage onBack={() => setRestoringOnNewPc(false)} />;
    return (
      <SetupPage
        onRestoreInstead={() => setRestoringOnNewPc(true)}
        onDone={(result) => {
          rememberUsername(result.session.username);
          setLockNotice(null);
          setPendingRecoveryKey(result.recoveryKey);
          setUnlocked(result.session);
        }}
      />
    );
  }

  if (state === 'corrupt' && status.data.corruption) return <CorruptionPage corruption={status.data.corruption} />;

  if (state === 'locked' || !session) {
    return (
      <Routes>
        <Route path="/herstellen" element={<RecoverPage />} />
        <Route path="*" element={<LoginPage locationName={locationName} loginDelaySeconds={loginDelaySeconds} />} />
      </Routes>
    );
  }

  return (
    <SessionContext value={session}>
      <Unlocked session={session} recoveryKey={recoveryKey} />
    </SessionContext>
  );
}

function Unlocked({ session, recoveryKey }: { session: SessionInfo; recoveryKey: string | null }) {
  const lock = useLock();
  const navigate = useNavigate();
  useIdleLock(session.idleTimeoutMinutes, () => void lock('idle', session.username));

  if (recoveryKey) {
    return (
      <RecoveryKeyPage
        recoveryKey={recoveryKey}
        onDone={() => {
          setPendingRecoveryKey(null);
          void navigate('/', { replace: true });
        }}
      />
    );
  }
  if (session.mustChangePassword) {
    return (
      <Routes>
        <Route path="*" element={<ForcedPasswordChangePage session={session} />} />
        <Route path="/herstellen" element={<Navigate to="/" replace />} />
      </Routes>
    );
  }
  return <AppFrame />;
}
