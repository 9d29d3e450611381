import { DataList, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChangePasswordForm } from '../../components/ChangePasswordForm';
import { PageHeader } from '../../components/PageHeader';
import { PreviousLogin } from '../../components/PreviousLogin';
import { RoleBadges } from '../../components/RoleBadges';
import { Detail, Section } from '../../components/Section';
import { useSession } from '../../lib/session';

/** Mijn account: own details and own password. */
export function AccountPage() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <>
      <PageHeader title={t('account.title')} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Section title={t('account.detailsTitle')}>
          <DataList labelWidth={160}>
            <Detail label={t('account.name')}>{session.name}</Detail>
            <Detail label={t('account.username')}>{session.username}</Detail>
            <Detail label={t('account.roles')}>
              <RoleBadges roles={session.roles} />
            </Detail>
            <PreviousLogin at={session.previousLoginAt} />
          </DataList>
        </Section>
        <Section title={t('account.passwordTitle')} intro={t('account.passwordIntro')}>
          <ChangePasswordForm session={session} />
        </Section>
      </SimpleGrid>
    </>
  );
}
