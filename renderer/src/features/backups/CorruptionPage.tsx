import { Alert, Code, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../api/queries';
import { AuthLayout } from '../../components/AuthLayout';
import { BackupPicker } from './BackupPicker';

/**
 * Shown instead of the app when unlocking found the database damaged: what happened, that the
 * file is left alone, and a restore from a backup (a manager's password or the herstelsleutel).
 * No data are shown: the database was never opened.
 */
export function CorruptionPage({ corruption }: { corruption: NonNullable<AppStatus['corruption']> }) {
  const { t } = useTranslation();

  return (
    <AuthLayout width={720}>
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('corruption.title')}
        </Title>
        <Alert color="red" variant="light" role="alert" title={t(`corruption.kinds.${corruption.kind}`)}>
          <Text size="sm">{t('corruption.intro')}</Text>
          <Text size="sm" mt={4}>
            {t('corruption.untouched')}
          </Text>
        </Alert>
        <Title order={2} size="h4">
          {t('corruption.whatNow')}
        </Title>
        <List size="sm" type="ordered" spacing={4}>
          <List.Item>{t('corruption.restoreStep')}</List.Item>
          <List.Item>{t('corruption.helpStep')}</List.Item>
        </List>

        <BackupPicker />
        <details>
          <summary>
            <Text span size="sm">
              {t('corruption.detail')}
            </Text>
          </summary>
          <Code block mt="xs">
            {`${corruption.kind}: ${corruption.detail}\n${corruption.detectedAt}`}
          </Code>
        </details>
      </Stack>
    </AuthLayout>
  );
}
