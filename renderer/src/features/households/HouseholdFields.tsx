import { Alert, Button, Card, Checkbox, Group, Radio, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { Controller, useFieldArray, useFormContext, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { HouseholdInput, HouseholdUpdateInput, ParentInput } from '../../../../shared/api/clients.schemas';
import { Section } from '../children/common';

/**
 * Address, invoicing and parents of a household, shared by "Nieuw gezin", "Gezin bewerken" and
 * the waiting-list placement. The fields live under `household.` in each of those forms (the
 * backend's field names are re-keyed to match), so one component serves all three.
 */
export interface HouseholdSection {
  household: z.input<typeof HouseholdInput> | z.input<typeof HouseholdUpdateInput>;
}

export const MAX_PARENTS = 4;

export const emptyParent = (isContractParent: boolean): ParentInput => ({
  firstName: '',
  initials: '',
  surnamePrefix: '',
  surname: '',
  email: '',
  phone: '',
  bsn: '',
  hasParentalAuthority: true,
  isContractParent,
});

/** Every field path of the household part, for placing the backend's field errors. */
export function householdFieldPaths(parentCount: number) {
  const parentFields = ['firstName', 'initials', 'surnamePrefix', 'surname', 'email', 'phone', 'bsn', 'hasParentalAuthority', 'isContractParent'] as const;
  return [
    'household.street',
    'household.houseNumber',
    'household.postcode',
    'household.city',
    'household.iban',
    'household.ibanHolder',
    'household.parents',
    ...Array.from({ length: parentCount }, (_, i) => parentFields.map((field) => `household.parents.${i}.${field}` as const)).flat(),
  ] as const;
}

export function AddressFields() {
  const { t } = useTranslation();
  const { register, formState } = useFormContext<HouseholdSection>();
  const errors = formState.errors.household;
  return (
    <Section title={t('households.addressTitle')} id="household-address">
      <SimpleGrid cols={{ base: 1, sm: 2 }} style={{ alignItems: 'start' }}>
        <TextInput label={t('households.street')} withAsterisk autoComplete="off" {...register('household.street')} error={errors?.street?.message} />
        <TextInput label={t('households.houseNumber')} withAsterisk autoComplete="off" {...register('household.houseNumber')} error={errors?.houseNumber?.message} />
        <TextInput label={t('households.postcode')} placeholder={t('households.postcodePlaceholder')} withAsterisk autoComplete="off" {...register('household.postcode')} error={errors?.postcode?.message} />
        <TextInput label={t('households.city')} withAsterisk autoComplete="off" {...register('household.city')} error={errors?.city?.message} />
      </SimpleGrid>
    </Section>
  );
}

export function InvoicingFields() {
  const { t } = useTranslation();
  const { register, formState } = useFormContext<HouseholdSection>();
  const errors = formState.errors.household;
  return (
    <Section title={t('households.invoicingTitle')} intro={t('households.invoicingIntro')} id="household-invoicing">
      <SimpleGrid cols={{ base: 1, sm: 2 }} style={{ alignItems: 'start' }}>
        <TextInput label={t('households.iban')} autoComplete="off" spellCheck={false} {...register('household.iban')} error={errors?.iban?.message} />
        <TextInput label={t('households.ibanHolder')} autoComplete="off" {...register('household.ibanHolder')} error={errors?.ibanHolder?.message} />
      </SimpleGrid>
    </Section>
  );
}

function parentsError(errors: FieldErrors<HouseholdSection>['household']): string | undefined {
  const parents = errors?.parents;
  if (!parents) return undefined;
  // zod puts "exactly one contract parent" on the array itself (`.root` via the resolver, the bare
  // path when it came from the backend).
  return parents.root?.message ?? parents.message;
}

/** Ouders en verzorgers: 1–4, exactly one contractouder, who must have ouderlijk gezag. */
export function ParentsFields({ withBsn = true }: { withBsn?: boolean }) {
  const { t } = useTranslation();
  const { control, register, formState, setValue, getValues, trigger } = useFormContext<HouseholdSection>();
  const { fields, append, remove } = useFieldArray({ control, name: 'household.parents' });
  const errors = formState.errors.household;
  const arrayError = parentsError(errors);

  const chooseContractParent = (index: number) => {
    getValues('household.parents').forEach((_, i) => {
      setValue(`household.parents.${i}.isContractParent`, i === index, { shouldDirty: true });
    });
    if (formState.isSubmitted) void trigger('household.parents');
  };

  return (
    <Section
      title={t('households.parentsTitle')}
      intro={t('households.parentsIntro')}
      id="household-parents"
      actions={
        fields.length < MAX_PARENTS && (
          <Button variant="light" onClick={() => { append(emptyParent(false)); }}>
            {t('households.addParent')}
          </Button>
        )
      }
    >
      <Stack gap="md">
        {arrayError && (
          <Alert color="red" variant="light" role="alert">
            {arrayError}
          </Alert>
        )}
        {fields.map((field, index) => {
          const parentErrors = errors?.parents?.[index];
          const existing = Boolean(getValues(`household.parents.${index}.id`));
          return (
            <Card key={field.id} withBorder padding="md" bg="gray.0" role="group" aria-labelledby={`parent-${field.id}-title`}>
              <Group justify="space-between" mb="sm">
                <Title order={3} size="h5" id={`parent-${field.id}-title`}>
                  {t('households.parentN', { n: index + 1 })}
                </Title>
                {!existing && fields.length > 1 && (
                  <Button size="compact-sm" variant="subtle" color="red" onClick={() => { remove(index); }} aria-label={t('households.removeParentN', { n: index + 1 })}>
                    {t('households.removeParent')}
                  </Button>
                )}
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} style={{ alignItems: 'start' }}>
                <TextInput label={t('clients.firstName')} withAsterisk autoComplete="off" {...register(`household.parents.${index}.firstName`)} error={parentErrors?.firstName?.message} />
                <TextInput label={t('clients.initials')} autoComplete="off" {...register(`household.parents.${index}.initials`)} error={parentErrors?.initials?.message} />
                <TextInput label={t('clients.surnamePrefix')} autoComplete="off" {...register(`household.parents.${index}.surnamePrefix`)} error={parentErrors?.surnamePrefix?.message} />
                <TextInput label={t('clients.surname')} withAsterisk autoComplete="off" {...register(`household.parents.${index}.surname`)} error={parentErrors?.surname?.message} />
                <TextInput label={t('households.email')} type="email" autoComplete="off" {...register(`household.parents.${index}.email`)} error={parentErrors?.email?.message} />
                <TextInput label={t('households.phone')} type="tel" autoComplete="off" {...register(`household.parents.${index}.phone`)} error={parentErrors?.phone?.message} />
                {withBsn && !existing && (
                  <TextInput
                    label={t('bsn.label')}
                    inputMode="numeric"
                    autoComplete="off"
                    {...register(`household.parents.${index}.bsn`)}
                    error={parentErrors?.bsn?.message}
                  />
                )}
              </SimpleGrid>
              <Group gap="xl" mt="md" align="flex-start">
                <Controller
                  control={control}
                  name={`household.parents.${index}.hasParentalAuthority`}
                  render={({ field: authority }) => (
                    <Checkbox
                      label={t('households.parentalAuthority')}
                      description={t('households.parentalAuthorityHelp')}
                      checked={authority.value}
                      onChange={(event) => { authority.onChange(event.currentTarget.checked); }}
                      onBlur={authority.onBlur}
                      ref={authority.ref}
                      error={parentErrors?.hasParentalAuthority?.message}
                    />
                  )}
                />
                <Controller
                  control={control}
                  name={`household.parents.${index}.isContractParent`}
                  render={({ field: contractParent }) => (
                    <Radio
                      name="contract-parent"
                      label={t('households.contractParent')}
                      description={t('households.contractParentHelp')}
                      checked={contractParent.value}
                      onChange={() => { chooseContractParent(index); }}
                      ref={contractParent.ref}
                    />
                  )}
                />
              </Group>
              {withBsn && (
                <Text size="xs" c="dimmed" mt="sm">
                  {existing ? t('households.bsnElsewhere') : t('households.bsnHelp')}
                </Text>
              )}
            </Card>
          );
        })}
      </Stack>
    </Section>
  );
}
