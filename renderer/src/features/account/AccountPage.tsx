import { Card, DataList, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { setUnlocked } from '../../api/queries';
import { useNotify } from '../../components/Notifications';
import { PageHeader } from '../../components/PageHeader';
import { RoleBadges } from '../../components/RoleBadges';
import { useFormat } from '../../lib/format';
import { ChangePasswordForm } from '../auth/ChangePasswordForm';
import { useSession } from '../auth/session';

/** Mijn account: own details and own password. */
export function AccountPage() {
  const { t } = useTranslation();
  const session = useSession();
  const notify = useNotify();
  const fmt = useFormat();
  return (
    <>
      <PageHeader title={t('account.title')} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Card withBorder padding="lg">
          <Title order={2} size="h3" mb="md">
            {t('account.detailsTitle')}
          </Title>
          <DataList labelWidth={160}>
            <DataList.Item>
              <DataList.ItemLabel>{t('account.name')}</DataList.ItemLabel>
              <DataList.ItemValue>{session.name}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('account.username')}</DataList.ItemLabel>
              <DataList.ItemValue>{session.username}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('account.roles')}</DataList.ItemLabel>
              <DataList.ItemValue>
                <RoleBadges roles={session.roles} />
              </DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('previousLogin.label')}</DataList.ItemLabel>
              <DataList.ItemValue>
                {session.previousLoginAt ? fmt.dateTime(session.previousLoginAt) : t('previousLogin.first')}
                {session.previousLoginAt && (
                  <Text size="xs" c="dimmed">
                    {t('previousLogin.help')}
                  </Text>
                )}
              </DataList.ItemValue>
            </DataList.Item>
          </DataList>
        </Card>
        <Card withBorder padding="lg">
          <Stack gap="xs" mb="md">
            <Title order={2} size="h3">
              {t('account.passwordTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('account.passwordIntro')}
            </Text>
          </Stack>
          <ChangePasswordForm
            session={session}
            onDone={(next) => {
              setUnlocked(next);
              notify({ message: t('changePassword.done') });
            }}
          />
        </Card>
      </SimpleGrid>
    </>
  );
}
