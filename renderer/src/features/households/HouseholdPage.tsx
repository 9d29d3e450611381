import { Anchor, Badge, Button, Card, DataList, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Household } from '../../../../shared/api/clients.schemas';
import { errorMessage } from '../../api/forms';
import { apiQuery } from '../../api/queries';
import { FormError } from '../../components/FormError';
import { LoadingState } from '../../components/LoadingState';
import { useNotify } from '../../components/Notifications';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../auth/session';
import { BsnBlock } from '../children/BsnBlock';
import { AddChildDialog } from '../children/ChildFormDialog';
import { ContractStatusBadge } from '../children/common';
import { formatDate } from '../children/format';
import { PersonDisclosures } from '../disclosures/RegisterTable';
import { WhyButton } from '../retention/WhyDialog';

/** "NL91ABNA0417164300" → "NL91 ABNA 0417 1643 00", as on a bank card. */
const formatIban = (iban: string) => iban.replace(/(.{4})/g, '$1 ').trim();

/** Gezin: address, invoicing, parents and children. Route `/gezinnen/:id`. */
export function HouseholdPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const household = useQuery(apiQuery('households.get', { id }));
  if (household.isPending) return <LoadingState />;
  if (household.isError) {
    return (
      <>
        <PageHeader title={t('households.notFoundTitle')} />
        <FormError message={errorMessage(household.error)} />
      </>
    );
  }
  return <HouseholdView household={household.data} />;
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

function HouseholdView({ household }: { household: Household }) {
  const { t } = useTranslation();
  const may = useCan();
  const navigate = useNavigate();
  const notify = useNotify();
  const [adding, setAdding] = useState(false);
  const contractParent = household.parents.find((p) => p.isContractParent) ?? household.parents[0];
  const seesAddress = household.street !== undefined;

  return (
    <>
      <PageHeader
        title={t('households.title', { name: contractParent?.displayName ?? '' })}
        intro={seesAddress ? `${household.street ?? ''} ${household.houseNumber ?? ''}, ${household.postcode ?? ''} ${household.city ?? ''}` : undefined}
        actions={
          <Group gap="sm">
            {may('retention.manage') && <WhyButton subjectType="household" id={household.id} />}
            {may('clients.write') && (
              <Button component={Link} to={`/gezinnen/${household.id}/bewerken`}>
                {t('households.edit')}
              </Button>
            )}
          </Group>
        }
      />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Card withBorder padding="lg" component="section" aria-labelledby="household-children">
            <Group justify="space-between" mb="md">
              <Title order={2} size="h3" id="household-children">
                {t('households.childrenTitle')}
              </Title>
              {may('clients.write') && (
                <Button variant="light" onClick={() => { setAdding(true); }}>
                  {t('households.addChild')}
                </Button>
              )}
            </Group>
            {household.children.length === 0 ? (
              <Text c="dimmed">{t('households.noChildren')}</Text>
            ) : (
              <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
                {household.children.map((child) => (
                  <Group key={child.id} component="li" justify="space-between" wrap="nowrap" gap="sm">
                    <Stack gap={0}>
                      <Anchor component={Link} to={`/kinderen/${child.id}`} fw={600}>
                        {child.displayName}
                      </Anchor>
                      <Text size="sm" c="dimmed">
                        {t('households.childLine', { birthDate: formatDate(child.birthDate), group: child.groupName })}
                      </Text>
                    </Stack>
                    <ContractStatusBadge status={child.contractStatus} />
                  </Group>
                ))}
              </Stack>
            )}
          </Card>

          {seesAddress && (
            <Card withBorder padding="lg" component="section" aria-labelledby="household-address">
              <Title order={2} size="h3" mb="md" id="household-address">
                {t('households.addressAndInvoicing')}
              </Title>
              <DataList labelWidth={170}>
                <Item label={t('households.address')}>
                  {household.street} {household.houseNumber}
                  <br />
                  {household.postcode} {household.city}
                </Item>
                <Item label={t('households.iban')}>
                  {household.iban ? (
                    <Text span ff="monospace" inherit>
                      {formatIban(household.iban)}
                    </Text>
                  ) : (
                    <Text span c="dimmed" inherit>
                      {t('households.noIban')}
                    </Text>
                  )}
                </Item>
                <Item label={t('households.ibanHolder')}>{household.ibanHolder ?? '—'}</Item>
              </DataList>
            </Card>
          )}
        </SimpleGrid>

        <Card withBorder padding="lg" component="section" aria-labelledby="household-parents-title">
          <Title order={2} size="h3" mb="md" id="household-parents-title">
            {t('households.parentsTitle')}
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            {household.parents.map((parent) => (
              <Card key={parent.id} withBorder padding="md" bg="gray.0" component="article" aria-label={parent.displayName}>
                <Group gap="xs" mb="sm">
                  <Title order={3} size="h4">
                    {parent.displayName}
                  </Title>
                  {parent.isContractParent && (
                    <Badge variant="light" color="blue">
                      {t('households.contractParent')}
                    </Badge>
                  )}
                  <Badge variant="light" color={parent.hasParentalAuthority ? 'green' : 'gray'}>
                    {parent.hasParentalAuthority ? t('households.parentalAuthority') : t('households.noParentalAuthority')}
                  </Badge>
                </Group>
                <DataList labelWidth={120}>
                  {parent.initials && <Item label={t('clients.initials')}>{parent.initials}</Item>}
                  <Item label={t('households.phone')}>
                    {parent.phone ? <Anchor href={`tel:${parent.phone.replace(/[^0-9+]/g, '')}`}>{parent.phone}</Anchor> : '—'}
                  </Item>
                  {seesAddress && (
                    <Item label={t('households.email')}>{parent.email ? <Anchor href={`mailto:${parent.email}`}>{parent.email}</Anchor> : '—'}</Item>
                  )}
                  {parent.bsn !== undefined && (
                    <Item label={t('bsn.label')}>
                      <BsnBlock subject="parent" id={parent.id} name={parent.displayName} bsn={parent.bsn} />
                    </Item>
                  )}
                </DataList>
              </Card>
            ))}
          </SimpleGrid>
        </Card>

        {may('disclosures.manage') && (
          <Card withBorder padding="lg" component="section" aria-labelledby="household-disclosures-title">
            <Title order={2} size="h3" mb={4} id="household-disclosures-title">
              {t('disclosures.register.householdTitle')}
            </Title>
            <Text size="sm" c="dimmed" mb="md">
              {t('disclosures.register.householdIntro')}
            </Text>
            <Stack gap="md">
              {household.parents.map((parent) => (
                <Stack key={parent.id} gap={4}>
                  <Title order={3} size="h4">
                    {parent.displayName}
                  </Title>
                  <PersonDisclosures subjectType="parent" subjectId={parent.id} name={parent.displayName} />
                </Stack>
              ))}
            </Stack>
          </Card>
        )}
      </Stack>

      {adding && contractParent && (
        <AddChildDialog
          householdId={household.id}
          defaultSurname={{ surnamePrefix: contractParent.surnamePrefix, surname: contractParent.surname }}
          onClose={() => { setAdding(false); }}
          onSaved={(child) => {
            setAdding(false);
            notify({ title: t('common.saved'), message: t('households.childAdded', { name: child.displayName }) });
            void navigate(`/kinderen/${child.id}`);
          }}
        />
      )}
    </>
  );
}
