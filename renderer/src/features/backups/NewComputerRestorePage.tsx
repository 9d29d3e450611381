import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../components/AuthLayout';
import { BackupPicker } from './BackupPicker';

/**
 * On a PC that is not set up yet: bring a location's data over from a backup (a replaced or
 * repaired office PC) instead of starting empty. The herstelsleutel (or a manager's password)
 * unlocks the backup; the checks run before anything is put in place.
 */
export function NewComputerRestorePage({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  return (
    <AuthLayout width={720}>
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('newComputer.title')}
        </Title>
        <Text>{t('newComputer.intro')}</Text>
        <Alert color="blue" variant="light">
          <Text size="sm">{t('newComputer.where')}</Text>
        </Alert>
        <BackupPicker />
        <Button variant="subtle" onClick={onBack} style={{ alignSelf: 'flex-start' }}>
          {t('newComputer.back')}
        </Button>
      </Stack>
    </AuthLayout>
  );
}
