import { Button, Group } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { FormProvider, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { z } from 'zod';
import { HouseholdInput, HouseholdUpdateInput, type Household } from '../../../../shared/api/clients.schemas';
import { useApiMutation } from '../../api/mutations';
import { apiQuery } from '../../api/queries';
import { ApiForm, SubmitButton, type FormHandle } from '../../components/FormDialog';
import { AddressFields, emptyParent, InvoicingFields, ParentsFields } from '../../components/HouseholdFields';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useApiForm } from '../../components/useApiForm';
import { formatIban } from '../../lib/format';

const CreateForm = z.object({ household: HouseholdInput });
const EditForm = z.object({ household: HouseholdUpdateInput });
/** The form nests the method's input under `household.` (the shared HouseholdFields expect it there). */
const inHousehold = (serverPath: string) => `household.${serverPath}`;

/** The page around the household fields: title, the form, Annuleren (back to `cancelTo`) and the submit button. */
function HouseholdFormLayout<T extends FieldValues>({ title, intro, form, cancelTo, submitLabel }: { title: string; intro?: ReactNode; form: FormHandle & UseFormReturn<T>; cancelTo: string; submitLabel: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={title} intro={intro} />
      <FormProvider {...form}>
        <ApiForm form={form} gap="lg" maw={1100}>
          <AddressFields />
          <InvoicingFields />
          <ParentsFields />
          <Group justify="flex-end">
            <Button variant="default" component={Link} to={cancelTo}>
              {t('common.cancel')}
            </Button>
            <SubmitButton form={form}>{submitLabel}</SubmitButton>
          </Group>
        </ApiForm>
      </FormProvider>
    </>
  );
}

/** "Nieuw gezin" (households.create). Route `/gezinnen/nieuw`. */
export function HouseholdCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useApiForm({
    schema: CreateForm,
    defaultValues: { household: { street: '', houseNumber: '', postcode: '', city: '', iban: '', ibanHolder: '', parents: [emptyParent(true)] } },
    mutation: useApiMutation('households.create'),
    toInput: ({ household }) => household,
    fieldOf: inHousehold,
    success: () => t('households.created'),
    onSuccess: (household) => void navigate(`/gezinnen/${household.id}`),
  });
  return <HouseholdFormLayout title={t('households.newTitle')} intro={t('households.newIntro')} form={form} cancelTo="/kinderen" submitLabel={t('households.createSubmit')} />;
}

/** "Gezin bewerken" (households.update). Route `/gezinnen/:id/bewerken`. */
export function HouseholdEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const household = useQuery({ ...apiQuery('households.get', { id }), staleTime: Infinity, refetchOnWindowFocus: false });
  return (
    <QueryState
      query={household}
      renderError={(alert) => (
        <>
          <PageHeader title={t('households.editTitle')} />
          {alert}
        </>
      )}
    >
      {(data) => <HouseholdEditForm household={data} />}
    </QueryState>
  );
}

function HouseholdEditForm({ household }: { household: Household }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useApiForm({
    schema: EditForm,
    defaultValues: {
      household: {
        id: household.id,
        street: household.street ?? '',
        houseNumber: household.houseNumber ?? '',
        postcode: household.postcode ?? '',
        city: household.city ?? '',
        iban: household.iban ? formatIban(household.iban) : '',
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
    mutation: useApiMutation('households.update'),
    toInput: ({ household: input }) => input,
    fieldOf: inHousehold,
    success: () => t('households.updated'),
    onSuccess: () => void navigate(`/gezinnen/${household.id}`),
  });
  return <HouseholdFormLayout title={t('households.editTitle')} form={form} cancelTo={`/gezinnen/${household.id}`} submitLabel={t('common.save')} />;
}
