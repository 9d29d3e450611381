import { Anchor, Badge, Button, Card, DataList, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Household } from '../../../shared/api/clients.schemas';
import { apiQuery } from '../api/queries';
import { ContractStatusBadge } from '../components/ClientFields';
import { PageHeader } from '../components/PageHeader';
import { PhoneLink } from '../components/PhoneLink';
import { QueryState } from '../components/QueryState';
import { Detail, Section } from '../components/Section';
import { BsnBlock } from '../features/children/BsnBlock';
import { AddChildDialog } from '../features/children/ChildFormDialog';
import { PersonDisclosures } from '../features/disclosures/RegisterTable';
import { WhyButton } from '../features/retention/WhyDialog';
import { formatIban, useFormat } from '../lib/format';
import { useCan } from '../lib/session';

/** Gezin: address, invoicing, parents and children, with the disclosures about each parent. Route `/gezinnen/:id`. */
export function HouseholdPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const household = useQuery(apiQuery('households.get', { id }));
  return (
    <QueryState
      query={household}
      renderError={(alert) => (
        <>
          <PageHeader title={t('households.notFoundTitle')} />
          {alert}
        </>
      )}
    >
      {(data) => <HouseholdView household={data} />}
    </QueryState>
  );
}

function HouseholdView({ household }: { household: Household }) {
  const { t } = useTranslation();
  const may = useCan();
  const fmt = useFormat();
  const navigate = useNavigate();
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
            <WhyButton subjectType="household" id={household.id} />
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
          <Section
            title={t('households.childrenTitle')}
            id="household-children"
            actions={
              may('clients.write') && (
                <Button variant="light" onClick={() => { setAdding(true); }}>
                  {t('households.addChild')}
                </Button>
              )
            }
          >
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
                        {t('households.childLine', { birthDate: fmt.date(child.birthDate), group: child.groupName })}
                      </Text>
                    </Stack>
                    <ContractStatusBadge status={child.contractStatus} />
                  </Group>
                ))}
              </Stack>
            )}
          </Section>

          {seesAddress && (
            <Section title={t('households.addressAndInvoicing')} id="household-address">
              <DataList labelWidth={170}>
                <Detail label={t('households.address')}>
                  {household.street} {household.houseNumber}
                  <br />
                  {household.postcode} {household.city}
                </Detail>
                <Detail label={t('households.iban')}>
                  {household.iban ? (
                    <Text span ff="monospace" inherit>
                      {formatIban(household.iban)}
                    </Text>
                  ) : (
                    <Text span c="dimmed" inherit>
                      {t('households.noIban')}
                    </Text>
                  )}
                </Detail>
                <Detail label={t('households.ibanHolder')}>{household.ibanHolder ?? '—'}</Detail>
              </DataList>
            </Section>
          )}
        </SimpleGrid>

        <Section title={t('households.parentsTitle')} id="household-parents">
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
                  {parent.initials && <Detail label={t('clients.initials')}>{parent.initials}</Detail>}
                  <Detail label={t('households.phone')}>
                    <PhoneLink phone={parent.phone} />
                  </Detail>
                  {seesAddress && <Detail label={t('households.email')}>{parent.email ? <Anchor href={`mailto:${parent.email}`}>{parent.email}</Anchor> : '—'}</Detail>}
                  {parent.bsn !== undefined && (
                    <Detail label={t('bsn.label')}>
                      <BsnBlock subject="parent" id={parent.id} name={parent.displayName} bsn={parent.bsn} />
                    </Detail>
                  )}
                </DataList>
              </Card>
            ))}
          </SimpleGrid>
        </Section>

        {may('disclosures.manage') && (
          <Section title={t('disclosures.register.householdTitle')} intro={t('disclosures.register.householdIntro')} id="household-disclosures">
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
          </Section>
        )}
      </Stack>

      {adding && contractParent && (
        <AddChildDialog
          householdId={household.id}
          defaultSurname={{ surnamePrefix: contractParent.surnamePrefix, surname: contractParent.surname }}
          onClose={() => { setAdding(false); }}
          onSaved={(child) => {
            setAdding(false);
            void navigate(`/kinderen/${child.id}`);
          }}
        />
      )}
    </>
  );
}
