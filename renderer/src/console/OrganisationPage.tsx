import { Card, SimpleGrid, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../shared/console/api';
import { mayDo } from '../../../shared/console/roles';
import { OrganisationInput, type OrganisationProfile } from '../../../shared/organisation/profile';
import { TextField } from '../components/fields';
import { ApiForm, SubmitButton } from '../components/FormDialog';
import { PageHeader } from '../components/PageHeader';
import { QueryState } from '../components/QueryState';
import { consoleApi } from './api';
import { useConsoleForm } from './useConsoleForm';

const ORGANISATION_KEY = ['console', 'organisation'] as const;
const FIELDS = ['controllerName', 'address', 'postcodeCity', 'kvkNumber', 'privacyOfficerName', 'privacyOfficerEmail', 'privacyOfficerPhone', 'fgName', 'fgEmail', 'fgOrganisation'] as const;
const EMPTY: OrganisationInput = Object.fromEntries(FIELDS.map((field) => [field, ''])) as OrganisationInput;

/** Organisatie: the controller and the privacy contacts every location prints on its letters. The FG reads. */
export function OrganisationPage({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const organisation = useQuery({ queryKey: ORGANISATION_KEY, queryFn: consoleApi.organisation });
  return (
    <>
      <PageHeader title={t('console.organisation.title')} intro={t('console.organisation.intro')} />
      <QueryState query={organisation}>{(data) => <OrganisationForm profile={data.profile} manages={mayDo(session.user.role, 'registers.manage')} />}</QueryState>
    </>
  );
}

function OrganisationForm({ profile, manages }: { profile: OrganisationProfile | null; manages: boolean }) {
  const { t } = useTranslation();
  const { form, handle } = useConsoleForm<OrganisationInput>({
    schema: OrganisationInput,
    defaultValues: profile ?? EMPTY,
    fields: FIELDS,
    save: consoleApi.saveOrganisation,
    refresh: ORGANISATION_KEY,
    success: () => t('console.organisation.saved'),
    onDone: () => undefined,
  });
  const field = (name: (typeof FIELDS)[number], required: boolean, extra: { description?: string; type?: string } = {}) => (
    <TextField control={form.control} name={name} label={t(`console.organisation.fields.${name}`)} required={required} readOnly={!manages} {...extra} />
  );
  return (
    <ApiForm form={handle} maw={880}>
      {!profile && (
        <Text c="dimmed" role="status">
          {t('console.organisation.empty')}
        </Text>
      )}
      <Card withBorder>
        <Title order={3} size="h5" mb="sm">
          {t('console.organisation.controller')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {field('controllerName', true)}
          {field('kvkNumber', false, { description: t('console.organisation.kvkHint') })}
          {field('address', true)}
          {field('postcodeCity', true)}
        </SimpleGrid>
      </Card>
      <Card withBorder>
        <Title order={3} size="h5" mb="sm">
          {t('console.organisation.privacyOfficer')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {field('privacyOfficerName', true)}
          {field('privacyOfficerEmail', true, { type: 'email' })}
          {field('privacyOfficerPhone', true, { type: 'tel' })}
        </SimpleGrid>
      </Card>
      <Card withBorder>
        <Title order={3} size="h5" mb="sm">
          {t('console.organisation.fg')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {field('fgName', true)}
          {field('fgEmail', true, { type: 'email' })}
          {field('fgOrganisation', false)}
        </SimpleGrid>
      </Card>
      <Text size="sm" c="dimmed">
        {t('console.organisation.publishNote')}
      </Text>
      {manages && (
        <div>
          <SubmitButton form={handle}>{t('console.organisation.save')}</SubmitButton>
        </div>
      )}
    </ApiForm>
  );
}
