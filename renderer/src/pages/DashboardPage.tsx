import { Button, DataList, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiQuery } from '../api/queries';
import { PageHeader } from '../components/PageHeader';
import { PreviousLogin } from '../components/PreviousLogin';
import { QueryState } from '../components/QueryState';
import { RoleBadges } from '../components/RoleBadges';
import { Detail, Section } from '../components/Section';
import { ClientsDashboard } from '../features/children/ClientsDashboard';
import { ComplaintsDueCard } from '../features/complaints/ComplaintsDueCard';
import { StatementNoticeCard } from '../features/privacyStatement/StatementNoticeCard';
import { MeldcodeDecisionsCard } from '../features/requests/MeldcodeDecisionsCard';
import { RequestsDueCard } from '../features/requests/RequestsDueCard';
import { useFormat } from '../lib/format';
import { useCan, useSession } from '../lib/session';

/** A card that says where things stand and links to the page about it. */
function LinkCard({ title, to, linkLabel, children }: { title: string; to: string; linkLabel: string; children: ReactNode }) {
  return (
    <Section title={title}>
      <Stack gap="sm" align="flex-start">
        {children}
        <Button component={Link} to={to} variant="light">
          {linkLabel}
        </Button>
      </Stack>
    </Section>
  );
}

/** Overzicht: who you are, your session, what needs doing, and shortcuts to what your roles allow. */
export function DashboardPage() {
  const { t } = useTranslation();
  const session = useSession();
  const may = useCan();
  const fmt = useFormat();
  const mayManageUsers = may('users.manage');
  const maySeeSecurity = may('security.view');
  const users = useQuery({ ...apiQuery('users.list', {}), enabled: mayManageUsers });
  const security = useQuery({ ...apiQuery('security.status', {}), enabled: maySeeSecurity });

  return (
    <>
      <PageHeader title={t('dashboard.title', { name: session.name })} intro={t('dashboard.subtitle', { location: session.locationName })} />
      {may('requests.manage') && <RequestsDueCard />}
      {session.roles.includes('meldcodeOfficer') && <MeldcodeDecisionsCard />}
      {may('complaints.manage') && <ComplaintsDueCard />}
      {may('consents.write') && <StatementNoticeCard />}
      <ClientsDashboard />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Section title={t('dashboard.rolesTitle')}>
          <Stack gap="sm">
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
        </Section>

        <Section title={t('dashboard.sessionTitle')}>
          <DataList labelWidth={190}>
            <Detail label={t('dashboard.username')}>{session.username}</Detail>
            <PreviousLogin at={session.previousLoginAt} />
            <Detail label={t('dashboard.autoLock')}>{t('dashboard.autoLockValue', { count: session.idleTimeoutMinutes })}</Detail>
          </DataList>
        </Section>

        {mayManageUsers && (
          <LinkCard title={t('dashboard.usersTitle')} to="/gebruikers" linkLabel={t('dashboard.usersLink')}>
            <QueryState query={users} loaderHeight={60}>
              {(list) => {
                const active = list.filter((user) => user.active);
                const mustChange = active.filter((user) => user.mustChangePassword).length;
                return (
                  <>
                    <Text>{t('dashboard.usersText', { count: active.length })}</Text>
                    {mustChange > 0 && <Text size="sm">{t('dashboard.usersMustChange', { count: mustChange })}</Text>}
                  </>
                );
              }}
            </QueryState>
          </LinkCard>
        )}

        {maySeeSecurity && (
          <LinkCard title={t('dashboard.securityTitle')} to="/beveiliging" linkLabel={t('dashboard.securityLink')}>
            <QueryState query={security} loaderHeight={60}>
              {({ encryption, audit }) => (
                <>
                  <Text>{encryption.fileHeaderEncrypted ? t('dashboard.securityEncrypted', { cipher: `SQLCipher ${String(encryption.legacy)}` }) : t('dashboard.securityNotEncrypted')}</Text>
                  <Text size="sm">
                    {audit.lastVerification
                      ? t(audit.lastVerification.ok ? 'dashboard.auditLastOk' : 'dashboard.auditLastBroken', { date: fmt.dateTime(audit.lastVerification.verifiedAt) })
                      : t('dashboard.auditNever')}
                  </Text>
                </>
              )}
            </QueryState>
          </LinkCard>
        )}

        <LinkCard title={t('dashboard.accountTitle')} to="/account" linkLabel={t('dashboard.accountLink')}>
          <Text>{t('dashboard.accountText')}</Text>
        </LinkCard>
      </SimpleGrid>
    </>
  );
}
