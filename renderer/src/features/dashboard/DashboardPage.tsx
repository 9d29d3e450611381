import { Button, Card, DataList, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiQuery } from '../../api/queries';
import { LoadingState } from '../../components/LoadingState';
import { PageHeader } from '../../components/PageHeader';
import { RoleBadges } from '../../components/RoleBadges';
import { useFormat } from '../../lib/format';
import { useCan, useSession } from '../auth/session';
import { ClientsDashboard } from '../children/ClientsDashboard';
import { RequestsDueCard } from '../requests/RequestsDueCard';

/** Overzicht: who you are, your session, and shortcuts to what your roles allow. */
export function DashboardPage() {
  const { t } = useTranslation();
  const session = useSession();
  const may = useCan();
  const fmt = useFormat();
  const mayManageUsers = may('users.manage');
  const maySeeSecurity = may('security.view');
  const users = useQuery({ ...apiQuery('users.list', {}), enabled: mayManageUsers });
  const security = useQuery({ ...apiQuery('security.status', {}), enabled: maySeeSecurity });

  const activeUsers = users.data?.filter((user) => user.active) ?? [];
  const mustChange = activeUsers.filter((user) => user.mustChangePassword).length;
  const lastVerification = security.data?.audit.lastVerification ?? null;

  return (
    <>
      <PageHeader title={t('dashboard.title', { name: session.name })} intro={t('dashboard.subtitle', { location: session.locationName })} />
      {may('requests.manage') && <RequestsDueCard />}
      <ClientsDashboard />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Card withBorder padding="lg">
          <Stack gap="sm">
            <Title order={2} size="h3">
              {t('dashboard.rolesTitle')}
            </Title>
            <RoleBadges roles={session.roles} />
            {session.roles.map((role) => (
              <Text key={role} size="sm">
                <strong>{t(`roles.${role}`)}</strong>: {t(`roleDescriptions.${role}`)}
              </Text>
            ))}
            <Text size="sm" c="dimmed">
              {t('dashboard.rolesText')}
            </Text>
          </Stack>
        </Card>

        <Card withBorder padding="lg">
          <Stack gap="sm">
            <Title order={2} size="h3">
              {t('dashboard.sessionTitle')}
            </Title>
            <DataList labelWidth={190}>
              <DataList.Item>
                <DataList.ItemLabel>{t('dashboard.username')}</DataList.ItemLabel>
                <DataList.ItemValue>{session.username}</DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>{t('previousLogin.label')}</DataList.ItemLabel>
                <DataList.ItemValue data-testid="previous-login">
                  {session.previousLoginAt ? fmt.dateTime(session.previousLoginAt) : t('previousLogin.first')}
                  {session.previousLoginAt && (
                    <Text size="xs" c="dimmed">
                      {t('previousLogin.help')}
                    </Text>
                  )}
                </DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>{t('dashboard.autoLock')}</DataList.ItemLabel>
                <DataList.ItemValue>{t('dashboard.autoLockValue', { count: session.idleTimeoutMinutes })}</DataList.ItemValue>
              </DataList.Item>
            </DataList>
          </Stack>
        </Card>

        {mayManageUsers && (
          <Card withBorder padding="lg">
            <Stack gap="sm" align="flex-start">
              <Title order={2} size="h3">
                {t('dashboard.usersTitle')}
              </Title>
              {users.isPending ? (
                <LoadingState minHeight={60} />
              ) : (
                <>
                  <Text>{t('dashboard.usersText', { count: activeUsers.length })}</Text>
                  {mustChange > 0 && <Text size="sm">{t('dashboard.usersMustChange', { count: mustChange })}</Text>}
                </>
              )}
              <Button component={Link} to="/gebruikers" variant="light">
                {t('dashboard.usersLink')}
              </Button>
            </Stack>
          </Card>
        )}

        {maySeeSecurity && (
          <Card withBorder padding="lg">
            <Stack gap="sm" align="flex-start">
              <Title order={2} size="h3">
                {t('dashboard.securityTitle')}
              </Title>
              {security.isPending ? (
                <LoadingState minHeight={60} />
              ) : security.data ? (
                <>
                  <Text>
                    {security.data.encryption.fileHeaderEncrypted
                      ? t('dashboard.securityEncrypted', { cipher: `SQLCipher ${String(security.data.encryption.legacy)}` })
                      : t('dashboard.securityNotEncrypted')}
                  </Text>
                  <Text size="sm">
                    {lastVerification
                      ? t(lastVerification.ok ? 'dashboard.auditLastOk' : 'dashboard.auditLastBroken', {
                          date: fmt.dateTime(lastVerification.verifiedAt),
                        })
                      : t('dashboard.auditNever')}
                  </Text>
                </>
              ) : null}
              <Button component={Link} to="/beveiliging" variant="light">
                {t('dashboard.securityLink')}
              </Button>
            </Stack>
          </Card>
        )}

        <Card withBorder padding="lg">
          <Stack gap="sm" align="flex-start">
            <Title order={2} size="h3">
              {t('dashboard.accountTitle')}
            </Title>
            <Text>{t('dashboard.accountText')}</Text>
            <Button component={Link} to="/account" variant="light">
              {t('dashboard.accountLink')}
            </Button>
          </Stack>
        </Card>
      </SimpleGrid>
    </>
  );
}
