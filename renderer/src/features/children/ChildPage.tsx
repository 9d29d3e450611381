import { Anchor, Badge, Button, Card, DataList, Group, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Child } from '../../../../shared/api/clients.schemas';
import { errorMessage } from '../../api/forms';
import { apiQuery } from '../../api/queries';
import { FormError } from '../../components/FormError';
import { LoadingState } from '../../components/LoadingState';
import { useNotify } from '../../components/Notifications';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../auth/session';
import { ConsentsSection } from '../consents/ConsentsSection';
import { ChildDisclosures } from '../disclosures/ChildDisclosures';
import { ChildMeldcodeSection } from '../meldcode/ChildMeldcodeSection';
import { BsnBlock } from './BsnBlock';
import { EditChildDialog } from './ChildFormDialog';
import { ContractStatusBadge } from './common';
import { ContractsSection } from './ContractsSection';
import { WhyButton } from '../retention/WhyDialog';
import { formatDate } from './format';
import { MedicalSection } from './MedicalSection';
import { PickupBanAlert, PickupSection } from './PickupSection';

type Tab = 'ophalen' | 'medisch' | 'contracten' | 'toestemmingen' | 'verstrekkingen' | 'meldcode';
const TABS: readonly Tab[] = ['ophalen', 'medisch', 'contracten', 'toestemmingen', 'verstrekkingen', 'meldcode'];

/** Kind: the child's page. Route `/kinderen/:id`. */
export function ChildPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const child = useQuery(apiQuery('children.get', { id }));

  if (child.isPending) return <LoadingState />;
  if (child.isError) {
    return (
      <>
        <PageHeader title={t('child.notFoundTitle')} />
        <FormError message={errorMessage(child.error)} />
        <Button component={Link} to="/kinderen" variant="light" mt="md">
          {t('child.backToList')}
        </Button>
      </>
    );
  }
  return <ChildView child={child.data} />;
}

function ChildView({ child }: { child: Child }) {
  const { t } = useTranslation();
  const may = useCan();
  const notify = useNotify();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const tabParam = params.get('tab');
  const tab: Tab = TABS.find((candidate) => candidate === tabParam) ?? 'ophalen';
  const mayContracts = may('contracts.manage');
  // Without meldcode.access nothing of the meldcode is rendered, not even the tab.
  const mayMeldcode = may('meldcode.access');

  return (
    <>
      {child.activePickupBans > 0 && <PickupBanAlert childId={child.id} childName={child.firstName} />}
      <PageHeader
        title={child.displayName}
        intro={t('child.intro', { group: child.groupName, birthDate: formatDate(child.birthDate) })}
        actions={
          <Group gap="sm">
            <Button component={Link} to={`/gezinnen/${child.householdId}`} variant="default">
              {t('child.toHousehold')}
            </Button>
            {may('retention.manage') && <WhyButton subjectType="child" id={child.id} />}
            {may('clients.write') && <Button onClick={() => { setEditing(true); }}>{t('child.edit')}</Button>}
          </Group>
        }
      />

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" mb="lg">
        <Card withBorder padding="lg" component="section" aria-labelledby="child-details">
          <Title order={2} size="h3" mb="md" id="child-details">
            {t('child.detailsTitle')}
          </Title>
          <DataList labelWidth={140}>
            <Item label={t('clients.name')}>
              {child.displayName}
              {child.initials && (
                <Text span c="dimmed">
                  {' '}
                  ({child.initials})
                </Text>
              )}
            </Item>
            <Item label={t('clients.birthDate')}>{formatDate(child.birthDate)}</Item>
            <Item label={t('clients.group')}>{child.groupName}</Item>
            <Item label={t('clients.contractStatusLabel')}>
              <ContractStatusBadge status={child.contractStatus} />
            </Item>
            {child.bsn !== undefined && (
              <Item label={t('bsn.label')}>
                <BsnBlock subject="child" id={child.id} name={child.firstName} bsn={child.bsn} />
              </Item>
            )}
          </DataList>
        </Card>

        <Card withBorder padding="lg" component="section" aria-labelledby="child-parents">
          <Title order={2} size="h3" mb="md" id="child-parents">
            {t('child.parentsTitle')}
          </Title>
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
                  <Anchor href={`tel:${parent.phone.replace(/[^0-9+]/g, '')}`} fw={600} aria-label={t('child.callParent', { name: parent.displayName, phone: parent.phone })}>
                    {parent.phone}
                  </Anchor>
                ) : (
                  <Text c="dimmed" size="sm">
                    {t('child.noPhone')}
                  </Text>
                )}
              </Group>
            ))}
          </Stack>
        </Card>
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
            <Tabs.Tab value="ophalen">{t('child.tabs.pickup')}</Tabs.Tab>
            {may('medical.read') && <Tabs.Tab value="medisch">{t('child.tabs.medical')}</Tabs.Tab>}
            {mayContracts && <Tabs.Tab value="contracten">{t('child.tabs.contracts')}</Tabs.Tab>}
            {may('consents.read') && <Tabs.Tab value="toestemmingen">{t('child.tabs.consents')}</Tabs.Tab>}
            {may('disclosures.manage') && <Tabs.Tab value="verstrekkingen">{t('child.tabs.disclosures')}</Tabs.Tab>}
            {mayMeldcode && <Tabs.Tab value="meldcode">{t('meldcode.childTab')}</Tabs.Tab>}
          </Tabs.List>
          <Tabs.Panel value="ophalen">{may('pickup.read') && <PickupSection childId={child.id} childName={child.firstName} />}</Tabs.Panel>
          {may('medical.read') && (
            <Tabs.Panel value="medisch">
              <MedicalSection childId={child.id} />
            </Tabs.Panel>
          )}
          {mayContracts && (
            <Tabs.Panel value="contracten">
              <ContractsSection childId={child.id} childName={child.firstName} />
            </Tabs.Panel>
          )}
          {may('consents.read') && (
            <Tabs.Panel value="toestemmingen">
              <ConsentsSection childId={child.id} childName={child.firstName} />
            </Tabs.Panel>
          )}
          {may('disclosures.manage') && (
            <Tabs.Panel value="verstrekkingen">
              <ChildDisclosures childId={child.id} childName={child.firstName} />
            </Tabs.Panel>
          )}
          {mayMeldcode && (
            <Tabs.Panel value="meldcode">
              <ChildMeldcodeSection childId={child.id} childName={child.displayName} />
            </Tabs.Panel>
          )}
        </Tabs>
      </Card>

      {editing && (
        <EditChildDialog
          child={child}
          onClose={() => { setEditing(false); }}
          onSaved={() => {
            setEditing(false);
            notify({ title: t('common.saved'), message: t('child.updated') });
          }}
        />
      )}
    </>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}
