import { SimpleGrid } from '@mantine/core';
import type { Control, FieldPath, FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/fields';

type ContactField = 'email' | 'phone' | 'position';

/** E-mail and phone, then the position: the same fields on an applicant and an employee. */
export function ContactFields<T extends FieldValues, V = T>({ control }: { control: Control<T, unknown, V> }) {
  const { t } = useTranslation();
  // Both forms (ApplicantInput, EmployeeInput) have these fields; TypeScript cannot see that for a generic T.
  const path = (field: ContactField) => field as FieldPath<T>;
  return (
    <>
      <SimpleGrid cols={2}>
        <TextField control={control} name={path('email')} label={t('staff.email')} type="email" />
        <TextField control={control} name={path('phone')} label={t('staff.phone')} />
      </SimpleGrid>
      <TextField control={control} name={path('position')} label={t('staff.position')} required />
    </>
  );
}
