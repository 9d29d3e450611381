import { Button, Group, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { z } from 'zod';
import { HouseholdInput, HouseholdUpdateInput, type Household } from '../../../../shared/api/clients.schemas';
import { applyServerErrors, errorMessage, formResolver } from '../../api/forms';
import { apiQuery } from '../../api/queries';
import { FormError } from '../../components/FormError';
import { LoadingState } from '../../components/LoadingState';
import { useNotify } from '../../components/Notifications';
import { PageHeader } from '../../components/PageHeader';
import { withFieldPrefix } from '../children/forms';
import { useApiMutation } from '../../api/mutations';
import { AddressFields, emptyParent, householdFieldPaths, InvoicingFields, ParentsFields } from './HouseholdFields';

const CreateForm = z.object({ household: HouseholdInput });
const EditForm = z.object({ household: HouseholdUpdateInput });

/** "Nieuw gezin" (households.create). Route `/gezinnen/nieuw`. */
export function HouseholdCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notify = useNotify();
  const [formError, setFormError] = useState<string | null>(null);
  const methods = useForm({
    resolver: formResolver(CreateForm),
    defaultValues: {
      household: { street: '', houseNumber: '', postcode: '', city: '', iban: '', ibanHolder: '', parents: [emptyParent(true)] },
    },
  });
  const create = useApiMutation('households.create', {
    onSuccess: (household) => {
      notify({ title: t('common.saved'), message: t('households.created') });
      void navigate(`/gezinnen/${household.id}`);
    },
    onError: (error) => {
      setFormError(applyServerErrors(withFieldPrefix(error, 'household.'), methods.setError, householdFieldPaths(methods.getValues('household.parents').length)));
    },
  });

  return (
    <>
      <PageHeader title={t('households.newTitle')} intro={t('households.newIntro')} />
      <FormProvider {...methods}>
        <form noValidate onSubmit={(event) => void methods.handleSubmit(({ household }) => { setFormError(null); create.mutate(household); })(event)}>
          <Stack gap="lg" maw={1100}>
            <FormError message={formError} />
            <AddressFields />
            <InvoicingFields />
            <ParentsFields />
            <Group justify="flex-end">
              <Button variant="default" component={Link} to="/kinderen">
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('households.createSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </FormProvider>
    </>
  );
}

/** "Gezin bewerken" (households.update). Route `/gezinnen/:id/bewerken`. */
export function HouseholdEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const household = useQuery({ ...apiQuery('households.get', { id }), staleTime: Infinity, refetchOnWindowFocus: false });
  if (household.isPending) return <LoadingState />;
  if (household.isError) {
    return (
      <>
        <PageHeader title={t('households.editTitle')} />
        <FormError message={errorMessage(household.error)} />
      </>
    );
  }
  return <HouseholdEditForm household={household.data} />;
}

function HouseholdEditForm({ household }: { household: Household }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notify = useNotify();
  const [formError, setFormError] = useState<string | null>(null);
  const methods = useForm({
    resolver: formResolver(EditForm),
    defaultValues: {
      household: {
        id: household.id,
        street: household.street ?? '',
        houseNumber: household.houseNumber ?? '',
        postcode: household.postcode ?? '',
        city: household.city ?? '',
        iban: household.iban ? household.iban.replace(/(.{4})/g, '$1 ').trim() : '',
        ibanHolder: household.ibanHolder ?? '',
        parents: household.parents.map((p) => ({
          id: p.id,
          firstName: p.firstName,
          initials: p.initials ?? '',
          surnamePrefix: p.surnamePrefix ?? '',
          surname: p.surname,
          email: p.email ?? '',
          phone: p.phone ?? '',
          hasParentalAuthority: p.hasParentalAuthority,
          isContractParent: p.isContractParent,
        })),
      },
    },
  });
  const update = useApiMutation('households.update', {
    onSuccess: () => {
      notify({ title: t('common.saved'), message: t('households.updated') });
      void navigate(`/gezinnen/${household.id}`);
    },
    onError: (error) => {
      setFormError(applyServerErrors(withFieldPrefix(error, 'household.'), methods.setError, householdFieldPaths(methods.getValues('household.parents').length)));
    },
  });

  return (
    <>
      <PageHeader title={t('households.editTitle')} />
      <FormProvider {...methods}>
        <form noValidate onSubmit={(event) => void methods.handleSubmit(({ household: input }) => { setFormError(null); update.mutate(input); })(event)}>
          <Stack gap="lg" maw={1100}>
            <FormError message={formError} />
            <AddressFields />
            <InvoicingFields />
            <ParentsFields />
            <Group justify="flex-end">
              <Button variant="default" component={Link} to={`/gezinnen/${household.id}`}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={update.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </FormProvider>
    </>
  );
}
