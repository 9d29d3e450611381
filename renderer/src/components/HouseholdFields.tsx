import { Alert, Button, Card, Group, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Controller, useFieldArray, useFormContext, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { HouseholdInput, HouseholdUpdateInput, ParentInput } from '../../../shared/api/clients.schemas';
import { NameFields } from './ClientFields';
import { CheckboxField, TextField } from './fields';
import { Section } from './Section';

/**
 * Address, invoicing and parents of a household, shared by "Nieuw gezin", "Gezin bewerken" and
 * the waiting-list placement. The fields live under `household.` in each of those forms (the
 * backend's field names are re-keyed to match), so one component serves all three.
 */
interface HouseholdSection {
  household: z.input<typeof HouseholdInput> | z.input<typeof HouseholdUpdateInput>;
}

const MAX_PARENTS = 4;

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

export function AddressFields() {
  const { t } = useTranslation();
  const { control } = useFormContext<HouseholdSection>();
  return (
    <Section title={t('households.addressTitle')} id="household-address">
      <SimpleGrid cols={{ base: 1, sm: 2 }} style={{ alignItems: 'start' }}>
        <TextField control={control} name="household.street" label={t('households.street')} required />
        <TextField control={control} name="household.houseNumber" label={t('households.houseNumber')} required />
        <TextField control={control} name="household.postcode" label={t('households.postcode')} placeholder={t('households.postcodePlaceholder')} required />
        <TextField control={control} name="household.city" label={t('households.city')} required />
      </SimpleGrid>
    </Section>
  );
}

export function InvoicingFields() {
  const { t } = useTranslation();
  const { control } = useFormContext<HouseholdSection>();
  return (
    <Section title={t('households.invoicingTitle')} intro={t('households.invoicingIntro')} id="household-invoicing">
      <SimpleGrid cols={{ base: 1, sm: 2 }} style={{ alignItems: 'start' }}>
        <TextField control={control} name="household.iban" label={t('households.iban')} spellCheck={false} />
        <TextField control={control} name="household.ibanHolder" label={t('households.ibanHolder')} />
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
  const { control, formState, setValue, getValues, trigger } = useFormContext<HouseholdSection>();
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
                <NameFields control={control} prefix={`household.parents.${index}.`} />
                <TextField control={control} name={`household.parents.${index}.email`} label={t('households.email')} type="email" />
                <TextField control={control} name={`household.parents.${index}.phone`} label={t('households.phone')} type="tel" />
                {withBsn && !existing && <TextField control={control} name={`household.parents.${index}.bsn`} label={t('bsn.label')} inputMode="numeric" />}
              </SimpleGrid>
              <Group gap="xl" mt="md" align="flex-start">
                <CheckboxField control={control} name={`household.parents.${index}.hasParentalAuthority`} label={t('households.parentalAuthority')} description={t('households.parentalAuthorityHelp')} />
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
