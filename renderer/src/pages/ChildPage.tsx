import { Badge, Button, Card, DataList, Group, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Child } from '../../../shared/api/clients.schemas';
import { apiQuery } from '../api/queries';
import { ContractStatusBadge } from '../components/ClientFields';
import { AllergyMarker } from '../components/AllergyMarker';
import { PageHeader } from '../components/PageHeader';
import { PhoneLink } from '../components/PhoneLink';
import { QueryState } from '../components/QueryState';
import { Detail, Section } from '../components/Section';
import { BsnBlock } from '../features/children/BsnBlock';
import { EditChildDialog } from '../features/children/ChildFormDialog';
import { ContractsSection } from '../features/children/ContractsSection';
import { MedicalSection } from '../features/children/MedicalSection';
import { PickupBanAlert, PickupSection } from '../features/children/PickupSection';
import { ConsentsSection } from '../features/consents/ConsentsSection';
import { ChildDisclosures } from '../features/disclosures/ChildDisclosures';
import { ChildMeldcodeSection } from '../features/meldcode/ChildMeldcodeSection';
import { WhyButton } from '../features/retention/WhyDialog';
import { useFormat } from '../lib/format';
import { useCan } from '../lib/session';

type Tab = 'ophalen' | 'medisch' | 'contracten' | 'toestemmingen' | 'verstrekkingen' | 'meldcode';
const TABS: readonly Tab[] = ['ophalen', 'medisch', 'contracten', 'toestemmingen', 'verstrekkingen', 'meldcode'];

/** Kind: the child's page, with the tabs of the features that keep data about the child. Route `/kinderen/:id`. */
export function ChildPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const child = useQuery(apiQuery('children.get', { id }));
  return (
    <QueryState
      query={child}
      renderError={(alert) => (
        <>
          <PageHeader title={t('child.notFoundTitle')} />
          {alert}
          <Button component={Link} to="/kinderen" variant="light" mt="md">
            {t('child.backToList')}
          </Button>
        </>
      )}
    >
      {(data) => <ChildView child={data} />}
    </QueryState>
  );
}

function ChildView({ child }: { child: Child }) {
  const { t } = useTranslation();
  const may = useCan();
  const fmt = useFormat();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const tabParam = params.get('tab');
  const tab: Tab = TABS.find((candidate) => candidate === tabParam) ?? 'ophalen';
  // Each tab only for the permission of its data; without meldcode.access not even the tab exists.
  const tabs: { value: Tab; label: string; allowed: boolean; panel: ReactNode }[] = [
    { value: 'ophalen', label: t('child.tabs.pickup'), allowed: true, panel: may('pickup.read') && <PickupSection childId={child.id} childName={child.firstName} /> },
    { value: 'medisch', label: t('child.tabs.medical'), allowed: may('medical.read'), panel: <MedicalSection childId={child.id} /> },
    { value: 'contracten', label: t('child.tabs.contracts'), allowed: may('contracts.manage'), panel: <ContractsSection childId={child.id} childName={child.firstName} /> },
    { value: 'toestemmingen', label: t('child.tabs.consents'), allowed: may('consents.read'), panel: <ConsentsSection childId={child.id} childName={child.firstName} /> },
    { value: 'verstrekkingen', label: t('child.tabs.disclosures'), allowed: may('disclosures.manage'), panel: <ChildDisclosures childId={child.id} childName={child.firstName} /> },
    { value: 'meldcode', label: t('meldcode.childTab'), allowed: may('meldcode.access'), panel: <ChildMeldcodeSection childId={child.id} childName={child.displayName} /> },
  ];
  const shown = tabs.filter((candidate) => candidate.allowed);

  return (
    <>
      {child.activePickupBans > 0 && <PickupBanAlert childId={child.id} childName={child.firstName} />}
      <PageHeader
        title={child.displayName}
        intro={
          <>
            {t('child.intro', { group: child.groupName, birthDate: fmt.date(child.birthDate) })} {child.hasAllergies && <AllergyMarker size="md" />}
          </>
        }
        actions={
          <Group gap="sm">
            <Button component={Link} to={`/gezinnen/${child.householdId}`} variant="default">
              {t('child.toHousehold')}
            </Button>
            <WhyButton subjectType="child" id={child.id} />
            {may('clients.write') && <Button onClick={() => { setEditing(true); }}>{t('child.edit')}</Button>}
          </Group>
        }
      />

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" mb="lg">
        <Section title={t('child.detailsTitle')} id="child-details">
          <DataList labelWidth={140}>
            <Detail label={t('clients.name')}>
              {child.displayName}
              {child.initials && (
                <Text span c="dimmed">
                  {' '}
                  ({child.initials})
                </Text>
              )}
            </Detail>
            <Detail label={t('clients.birthDate')}>{fmt.date(child.birthDate)}</Detail>
            <Detail label={t('clients.group')}>{child.groupName}</Detail>
            <Detail label={t('clients.contractStatusLabel')}>
              <ContractStatusBadge status={child.contractStatus} />
            </Detail>
            {child.bsn !== undefined && (
              <Detail label={t('bsn.label')}>
                <BsnBlock subject="child" id={child.id} name={child.firstName} bsn={child.bsn} />
              </Detail>
            )}
          </DataList>
        </Section>

        <Section title={t('child.parentsTitle')} id="child-parents">
          <Stack gap="sm">
            {child.parents.map((parent) => (
              <Group key={parent.id} justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={2}>
                  <Text fw={600}>{parent.displayName}</Text>
                  {parent.isContractParent && (
                    <Badge variant="light" color="blue" size="sm">
                      {t('households.contractParent')}
                    </Badge>
                  )}
                </Stack>
                {parent.phone ? (
                  <PhoneLink phone={parent.phone} fw={600} label={t('child.callParent', { name: parent.displayName, phone: parent.phone })} />
                ) : (
                  <Text c="dimmed" size="sm">
                    {t('child.noPhone')}
                  </Text>
                )}
              </Group>
            ))}
          </Stack>
        </Section>
      </SimpleGrid>

      <Card withBorder padding="lg">
        <Tabs
          value={tab}
          onChange={(value) => {
            setParams(
              (current) => {
                const next = new URLSearchParams(current);
                if (value && value !== 'ophalen') next.set('tab', value);
                else next.delete('tab');
                return next;
              },
              { replace: true },
            );
          }}
          // Panels mount only while open: the medical data are read (and audit-logged) only then.
          keepMounted={false}
        >
          <Tabs.List mb="lg">
            {shown.map((candidate) => (
              <Tabs.Tab key={candidate.value} value={candidate.value}>
                {candidate.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {shown.map((candidate) => (
            <Tabs.Panel key={candidate.value} value={candidate.value}>
              {candidate.panel}
            </Tabs.Panel>
          ))}
        </Tabs>
      </Card>

      {editing && <EditChildDialog child={child} onClose={() => { setEditing(false); }} />}
    </>
  );
}
