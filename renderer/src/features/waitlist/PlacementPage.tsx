import { Alert, Button, Card, DataList, Group, NumberInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Controller, FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { z } from 'zod';
import { WaitlistPlaceInput, type WaitlistEntry } from '../../../../shared/api/clients.schemas';
import { applyServerErrors, errorMessage, formResolver } from '../../api/forms';
import { apiQuery } from '../../api/queries';
import { FormError } from '../../components/FormError';
import { LoadingState } from '../../components/LoadingState';
import { useNotify } from '../../components/Notifications';
import { PageHeader } from '../../components/PageHeader';
import { GroupField } from '../children/ChildFormDialog';
import { CareTypeField, DateField, DaysField, Section, useDaysText } from '../children/common';
import { formatDate } from '../children/format';
import { useApiMutation } from '../../api/mutations';
import { AddressFields, emptyParent, householdFieldPaths, InvoicingFields, ParentsFields } from '../households/HouseholdFields';
import { splitFullName, splitSurname } from './splitName';
import { appToday } from '../../../../shared/domain/clock';

const CHILD_AND_CONTRACT_FIELDS = [
  'child.firstName',
  'child.initials',
  'child.surnamePrefix',
  'child.surname',
  'child.birthDate',
  'child.groupName',
  'child.bsn',
  'contract.careType',
  'contract.days',
  'contract.hoursPerWeek',
  'contract.startDate',
] as const;

/** "Plaatsen": route `/wachtlijst/:id/plaatsen`. */
export function PlacementPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const open = useQuery({ ...apiQuery('waitlist.list', { status: 'open' }), staleTime: Infinity, refetchOnWindowFocus: false });
  if (open.isPending) return <LoadingState />;
  const entry = open.data?.find((candidate) => candidate.id === id);
  if (!entry) {
    return (
      <>
        <PageHeader title={t('placement.title')} />
        <FormError message={open.isError ? errorMessage(open.error) : t('placement.notOpen')} />
        <Button component={Link} to="/wachtlijst" variant="light" mt="md">
          {t('placement.backToList')}
        </Button>
      </>
    );
  }
  return <PlacementForm entry={entry} />;
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
    child: { firstName: entry.childFirstName ?? '', initials: '', ...childSurname, birthDate, groupName: '', bsn: '' },
    contract: { careType: entry.careType, days: entry.desiredDays, hoursPerWeek: undefined, startDate: entry.desiredStartDate, endDate: '' },
  };
}

function PlacementForm({ entry }: { entry: WaitlistEntry }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notify = useNotify();
  const daysText = useDaysText();
  const [formError, setFormError] = useState<string | null>(null);
  const methods = useForm<z.input<typeof WaitlistPlaceInput>, unknown, z.output<typeof WaitlistPlaceInput>>({ resolver: formResolver(WaitlistPlaceInput), defaultValues: prefill(entry) });
  const { register, control, formState } = methods;
  const errors = formState.errors;
  const place = useApiMutation('waitlist.place', {
    onSuccess: ({ childId }, input) => {
      notify({ title: t('common.saved'), message: t('placement.placed', { name: `${input.child.firstName}` }) });
      void navigate(`/kinderen/${childId}`);
    },
    onError: (error) => {
      const paths = [...householdFieldPaths(methods.getValues('household.parents').length), ...CHILD_AND_CONTRACT_FIELDS];
      setFormError(applyServerErrors(error, methods.setError, paths));
    },
  });
  const childName = [entry.childFirstName, entry.childSurname].filter(Boolean).join(' ');

  return (
    <>
      <PageHeader title={t('placement.title')} intro={t('placement.intro')} />
      <Stack gap="lg" maw={1100}>
        <Card withBorder padding="lg" component="section" aria-labelledby="placement-request">
          <Title order={2} size="h3" mb="md" id="placement-request">
            {t('placement.requestTitle')}
          </Title>
          <DataList labelWidth={200}>
            <Row label={t('waitlist.columns.parent')}>
              {entry.parentName}
              {(entry.parentEmail ?? entry.parentPhone) && (
                <Text span c="dimmed" inherit>
                  {' · '}
                  {[entry.parentEmail, entry.parentPhone].filter(Boolean).join(' · ')}
                </Text>
              )}
            </Row>
            <Row label={t('waitlist.columns.child')}>
              {childName || t('waitlist.noChildName')}
              {' · '}
              {entry.childBirthDate ? t('waitlist.bornOn', { date: formatDate(entry.childBirthDate) }) : t('waitlist.expectedOn', { date: formatDate(entry.expectedDate) })}
            </Row>
            <Row label={t('waitlist.columns.wish')}>
              {t(`clients.careTypes.${entry.careType}`)}, {daysText(entry.desiredDays)}, {t('placement.from', { date: formatDate(entry.desiredStartDate) })}
            </Row>
            {entry.notes && <Row label={t('waitlist.notes')}>{entry.notes}</Row>}
          </DataList>
        </Card>
        <Alert color="blue" variant="light">
          {t('placement.prefilled')}
        </Alert>

        <FormProvider {...methods}>
          <form noValidate onSubmit={(event) => void methods.handleSubmit((input) => { setFormError(null); place.mutate(input); })(event)}>
            <Stack gap="lg">
              <FormError message={formError} />
              <AddressFields />
              <InvoicingFields />
              <ParentsFields />
              <Section title={t('placement.childTitle')} id="placement-child">
                <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} style={{ alignItems: 'start' }}>
                  <TextInput label={t('clients.firstName')} withAsterisk autoComplete="off" {...register('child.firstName')} error={errors.child?.firstName?.message} />
                  <TextInput label={t('clients.initials')} autoComplete="off" {...register('child.initials')} error={errors.child?.initials?.message} />
                  <TextInput label={t('clients.surnamePrefix')} autoComplete="off" {...register('child.surnamePrefix')} error={errors.child?.surnamePrefix?.message} />
                  <TextInput label={t('clients.surname')} withAsterisk autoComplete="off" {...register('child.surname')} error={errors.child?.surname?.message} />
                  <DateField control={control} name="child.birthDate" label={t('clients.birthDate')} required />
                  <Controller
                    control={control}
                    name="child.groupName"
                    render={({ field }) => <GroupField value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={errors.child?.groupName?.message} />}
                  />
                  <TextInput label={t('bsn.label')} inputMode="numeric" autoComplete="off" {...register('child.bsn')} error={errors.child?.bsn?.message} />
                </SimpleGrid>
                <Text size="xs" c="dimmed" mt="sm">
                  {t('children.form.bsnHelp')}
                </Text>
              </Section>
              <Section title={t('placement.contractTitle')} id="placement-contract">
                <Stack gap="md">
                  <CareTypeField control={control} name="contract.careType" error={errors.contract?.careType?.message} />
                  <DaysField control={control} name="contract.days" label={t('contracts.days')} error={errors.contract?.days?.message} />
                  <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} style={{ alignItems: 'start' }}>
                    <Controller
                      control={control}
                      name="contract.hoursPerWeek"
                      render={({ field }) => (
                        <NumberInput
                          label={t('contracts.hours')}
                          withAsterisk
                          min={0.5}
                          max={60}
                          step={0.5}
                          decimalScale={1}
                          decimalSeparator=","
                          allowNegative={false}
                          value={field.value ?? ''}
                          onChange={(value) => { field.onChange(typeof value === 'number' ? value : undefined); }}
                          onBlur={field.onBlur}
                          name={field.name}
                          ref={field.ref}
                          error={errors.contract?.hoursPerWeek?.message}
                        />
                      )}
                    />
                    <DateField control={control} name="contract.startDate" label={t('contracts.startDate')} required />
                  </SimpleGrid>
                </Stack>
              </Section>
              <Group justify="flex-end">
                <Button variant="default" component={Link} to="/wachtlijst">
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={place.isPending}>
                  {t('placement.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        </FormProvider>
      </Stack>
    </>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}
