import { Button, Group, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { apiQuery } from '../../api/queries';
import { PageHeader } from '../../components/PageHeader';
import { MunicipalitiesSection } from './MunicipalitiesSection';
import { NewDisclosure } from './NewDisclosure';
import { RecordDisclosureDialog } from './RecordDisclosureDialog';
import { RegisterTable } from './RegisterTable';

type Tab = 'nieuw' | 'register' | 'gemeenten';
const TABS: readonly Tab[] = ['nieuw', 'register', 'gemeenten'];

/** Verstrekkingen: legal disclosures (Belastingdienst, GGD, gemeente), their register, VVE settings. */
export function DisclosuresPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const tab: Tab = TABS.find((candidate) => candidate === tabParam) ?? 'nieuw';
  const open = (value: string | null) => {
    setParams(value && value !== 'nieuw' ? { tab: value } : {}, { replace: true });
  };

  return (
    <>
      <PageHeader title={t('disclosures.title')} intro={t('disclosures.intro')} />
      <Tabs value={tab} onChange={open} keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="nieuw">{t('disclosures.tabs.new')}</Tabs.Tab>
          <Tabs.Tab value="register">{t('disclosures.tabs.register')}</Tabs.Tab>
          <Tabs.Tab value="gemeenten">{t('disclosures.tabs.municipalities')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="nieuw">
          <NewDisclosure onOpenMunicipalities={() => { open('gemeenten'); }} />
        </Tabs.Panel>
        <Tabs.Panel value="register">
          <Register />
        </Tabs.Panel>
        <Tabs.Panel value="gemeenten">
          <MunicipalitiesSection />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function Register() {
  const { t } = useTranslation();
  const register = useQuery(apiQuery('disclosures.register', {}));
  const [recording, setRecording] = useState(false);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="center" wrap="nowrap">
        <Text size="sm" maw={720}>
          {t('recordDisclosure.openHelp')}
        </Text>
        <Button onClick={() => { setRecording(true); }}>{t('recordDisclosure.open')}</Button>
      </Group>
      <RegisterTable card query={register} caption={t('disclosures.register.caption')} empty={{ title: t('disclosures.register.emptyTitle'), text: t('disclosures.register.empty') }} />
      {recording && <RecordDisclosureDialog onClose={() => { setRecording(false); }} />}
    </Stack>
  );
}
