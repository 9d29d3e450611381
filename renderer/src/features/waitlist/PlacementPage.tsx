import { Alert, Button, DataList, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { FormProvider } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { WaitlistPlaceInput, type WaitlistEntry } from '../../../../shared/api/clients.schemas';
import { appToday } from '../../../../shared/domain/clock';
import { useApiMutation } from '../../api/mutations';
import { apiQuery } from '../../api/queries';
import { CareTypeField, ChildFields, DaysField, HoursField, useDaysText } from '../../components/ClientFields';
import { DateField } from '../../components/fields';
import { ApiForm, SubmitButton } from '../../components/FormDialog';
import { FormError } from '../../components/FormError';
import { AddressFields, emptyParent, InvoicingFields, ParentsFields } from '../../components/HouseholdFields';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { Detail, Section } from '../../components/Section';
import { useApiForm } from '../../components/useApiForm';
import { useFormat } from '../../lib/format';
import { splitFullName, splitSurname } from './splitName';

/** "Plaatsen": route `/wachtlijst/:id/plaatsen`. */
export function PlacementPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const open = useQuery({ ...apiQuery('waitlist.list', { status: 'open' }), staleTime: Infinity, refetchOnWindowFocus: false });
  const notOpen = (alert: ReactNode) => (
    <>
      <PageHeader title={t('placement.title')} />
      {alert}
      <Button component={Link} to="/wachtlijst" variant="light" mt="md">
        {t('placement.backToList')}
      </Button>
    </>
  );
  return (
    <QueryState query={open} renderError={notOpen}>
      {(entries) => {
        const entry = entries.find((candidate) => candidate.id === id);
        return entry ? <PlacementForm entry={entry} /> : notOpen(<FormError message={t('placement.notOpen')} />);
      }}
    </QueryState>
  );
}

/** What the form starts with: everything the request already said, split into the right fields. */
function prefill(entry: WaitlistEntry) {
  const parentName = splitFullName(entry.parentName);
  const childSurname = entry.childSurname ? splitSurname(entry.childSurname) : { surnamePrefix: parentName.surnamePrefix, surname: parentName.surname };
  const birthDate = entry.childBirthDate ?? (entry.expectedDate && entry.expectedDate <= appToday() ? entry.expectedDate : '');
  return {
    id: entry.id,
    household: {
      street: '',
      houseNumber: '',
      postcode: '',
      city: '',
      iban: '',
      ibanHolder: '',
      parents: [{ ...emptyParent(true), ...parentName, email: entry.parentEmail ?? '', phone: entry.parentPhone ?? '' }],
    },
    child: { firstName: entry.childFirstName ?? '', initials: '', ...childSurname, birthDate, groupId: '', bsn: '' },
    contract: { careType: entry.careType, days: entry.desiredDays, hoursPerWeek: undefined, startDate: entry.desiredStartDate, endDate: '' },
  };
}

function PlacementForm({ entry }: { entry: WaitlistEntry }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const daysText = useDaysText();
  const form = useApiForm({
    schema: WaitlistPlaceInput,
    defaultValues: prefill(entry),
    mutation: useApiMutation('waitlist.place'),
    success: (_placed, input) => t('placement.placed', { name: input.child.firstName }),
    onSuccess: ({ childId }) => void navigate(`/kinderen/${childId}`),
  });
  const { control } = form;
  const childName = [entry.childFirstName, entry.childSurname].filter(Boolean).join(' ');

  return (
    <>
      <PageHeader title={t('placement.title')} intro={t('placement.intro')} />
      <Stack gap="lg" maw={1100}>
        <Section title={t('placement.requestTitle')} id="placement-request">
          <DataList labelWidth={200}>
            <Detail label={t('waitlist.columns.parent')}>
              {entry.parentName}
              {(entry.parentEmail ?? entry.parentPhone) && (
                <Text span c="dimmed" inherit>
                  {' · '}
                  {[entry.parentEmail, entry.parentPhone].filter(Boolean).join(' · ')}
                </Text>
              )}
            </Detail>
            <Detail label={t('waitlist.columns.child')}>
              {childName || t('waitlist.noChildName')}
              {' · '}
              {entry.childBirthDate ? t('waitlist.bornOn', { date: fmt.date(entry.childBirthDate) }) : t('waitlist.expectedOn', { date: fmt.date(entry.expectedDate) })}
            </Detail>
            <Detail label={t('waitlist.columns.wish')}>
              {t(`clients.careTypes.${entry.careType}`)}, {daysText(entry.desiredDays)}, {t('placement.from', { date: fmt.date(entry.desiredStartDate) })}
            </Detail>
            {entry.notes && <Detail label={t('waitlist.notes')}>{entry.notes}</Detail>}
          </DataList>
        </Section>
        <Alert color="blue" variant="light">
          {t('placement.prefilled')}
        </Alert>

        <FormProvider {...form}>
          <ApiForm form={form} gap="lg">
            <AddressFields />
            <InvoicingFields />
            <ParentsFields />
            <Section title={t('placement.childTitle')} id="placement-child">
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} style={{ alignItems: 'start' }}>
                <ChildFields control={control} prefix="child." withBsn />
              </SimpleGrid>
              <Text size="xs" c="dimmed" mt="sm">
                {t('children.form.bsnHelp')}
              </Text>
            </Section>
            <Section title={t('placement.contractTitle')} id="placement-contract">
              <Stack gap="md">
                <CareTypeField control={control} name="contract.careType" />
                <DaysField control={control} name="contract.days" label={t('contracts.days')} />
                <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} style={{ alignItems: 'start' }}>
                  <HoursField control={control} name="contract.hoursPerWeek" />
                  <DateField control={control} name="contract.startDate" label={t('contracts.startDate')} required />
                </SimpleGrid>
              </Stack>
            </Section>
            <Group justify="flex-end">
              <Button variant="default" component={Link} to="/wachtlijst">
                {t('common.cancel')}
              </Button>
              <SubmitButton form={form}>{t('placement.submit')}</SubmitButton>
            </Group>
          </ApiForm>
        </FormProvider>
      </Stack>
    </>
  );
}
