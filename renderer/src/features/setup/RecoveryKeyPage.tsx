import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../components/AuthLayout';
import { RecoveryKeyPanel } from '../../components/RecoveryKeyPanel';

/** Shown once, right after setup, before the app opens. */
export function RecoveryKeyPage({ recoveryKey, onDone }: { recoveryKey: string; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <AuthLayout width={720}>
      <Stack gap="lg">
        <Title order={1} size="h2">{t('recoveryKey.title')}</Title>
        <RecoveryKeyPanel recoveryKey={recoveryKey} onDone={onDone} />
      </Stack>
    </AuthLayout>
  );
}
