import { Badge, Button, Card, Checkbox, EmptyState, Group, SimpleGrid, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { EmployeeInput, StatutoryHoldInput, type Employee } from '../../../../shared/api/retention.schemas';
import { applyServerErrors, errorMessage, formResolver } from '../../api/forms';
import { apiQuery } from '../../api/queries';
import { AppModal } from '../../components/AppModal';
import { FormError } from '../../components/FormError';
import { LoadingState } from '../../components/LoadingState';
import { useNotify } from '../../components/Notifications';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../auth/session';
import { DateField } from '../children/common';
import { formatDate } from '../children/format';
import { useApiMutation } from '../../api/mutations';
import { WhyButton } from '../retention/WhyDialog';

/** Medewerkers: a minimal personnel file, the labour-dispute flag and statutory retention duties. */
export function EmployeesPage() {
  const { t } = useTranslation();
  const may = useCan();
  const list = useQuery(apiQuery('employees.list', {}));
  const [editing, setEditing] = useState<Employee | 'new' | null>(null);
  return (
    <>
      <PageHeader title={t('staff.employeesTitle')} intro={t('staff.employeesIntro')} actions={<Button onClick={() => { setEditing('new'); }}>{t('staff.addEmployee')}</Button>} />
      <Card withBorder padding="lg">
        {list.isPending ? (
          <LoadingState minHeight={120} />
        ) : list.isError ? (
          <FormError message={errorMessage(list.error)} />
        ) : list.data.length === 0 ? (
          <EmptyState py="lg" title={t('staff.noEmployeesTitle')} description={t('staff.noEmployees')} />
        ) : (
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing="sm">
              <VisuallyHidden component="caption">{t('staff.employeesTitle')}</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('staff.name')}</Table.Th>
                  <Table.Th scope="col">{t('staff.position')}</Table.Th>
                  <Table.Th scope="col">{t('staff.employmentStart')}</Table.Th>
                  <Table.Th scope="col">{t('staff.employmentEnd')}</Table.Th>
                  <Table.Th scope="col">{t('staff.destroyedOn')}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('staff.editEmployee')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td fw={600}>{e.displayName}</Table.Td>
                    <Table.Td>{e.position}</Table.Td>
                    <Table.Td>{formatDate(e.employmentStart)}</Table.Td>
                    <Table.Td>
                      {e.employmentEnd ? formatDate(e.employmentEnd) : <Badge variant="light">{t('staff.inService')}</Badge>}
                      {e.labourDispute && (
                        <Text size="xs" c="red.8">
                          {t('staff.labourDispute')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{formatDate(e.destructionDate)}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        {may('retention.manage') && <WhyButton subjectType="employee" id={e.id} />}
                        <Button size="xs" variant="default" onClick={() => { setEditing(e); }}>
                          {t('staff.editEmployee')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      {editing && <EmployeeDialog employee={editing === 'new' ? null : (list.data?.find((e) => e.id === editing.id) ?? editing)} onClose={() => { setEditing(null); }} />}
    </>
  );
}

type EmployeeForm = z.input<typeof EmployeeInput>;

function EmployeeDialog({ employee, onClose }: { employee: Employee | null; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [formError, setFormError] = useState<string | null>(null);
  const defaults: EmployeeForm = employee
    ? { ...employee }
    : { firstName: '', surnamePrefix: '', surname: '', address: '', email: '', phone: '', position: '', employmentStart: '', employmentEnd: '', labourDispute: false };
  const { register, control, handleSubmit, setError, formState } = useForm({ resolver: formResolver(EmployeeInput), defaultValues: defaults });
  const { errors } = formState;
  const save = useApiMutation('employees.save', {
    onSuccess: (saved) => {
      notify({ title: t('common.saved'), message: t('staff.employeeSaved', { name: saved.displayName }) });
      onClose();
    },
    onError: (error) => { setFormError(applyServerErrors(error, setError, ['firstName', 'surname', 'address', 'email', 'phone', 'position', 'employmentStart', 'employmentEnd', 'labourDispute'])); },
  });
  return (
    <AppModal onClose={onClose} title={employee ? t('staff.editEmployee') : t('staff.addEmployee')} size="lg">
      <Stack gap="lg">
        <form noValidate onSubmit={(event) => void handleSubmit((input) => { setFormError(null); save.mutate(input); })(event)}>
          <Stack gap="md">
            <FormError message={formError} />
            <SimpleGrid cols={3}>
              <TextInput label={t('staff.firstName')} withAsterisk data-autofocus autoComplete="off" {...register('firstName')} error={errors.firstName?.message} />
              <TextInput label={t('staff.surnamePrefix')} autoComplete="off" {...register('surnamePrefix')} error={errors.surnamePrefix?.message} />
              <TextInput label={t('staff.surname')} withAsterisk autoComplete="off" {...register('surname')} error={errors.surname?.message} />
            </SimpleGrid>
            <TextInput label={t('staff.address')} withAsterisk autoComplete="off" {...register('address')} error={errors.address?.message} />
            <SimpleGrid cols={2}>
              <TextInput label={t('staff.email')} type="email" autoComplete="off" {...register('email')} error={errors.email?.message} />
              <TextInput label={t('staff.phone')} autoComplete="off" {...register('phone')} error={errors.phone?.message} />
            </SimpleGrid>
            <TextInput label={t('staff.position')} withAsterisk autoComplete="off" {...register('position')} error={errors.position?.message} />
            <SimpleGrid cols={2}>
              <DateField control={control} name="employmentStart" label={t('staff.employmentStart')} required />
              <DateField control={control} name="employmentEnd" label={t('staff.employmentEnd')} />
            </SimpleGrid>
            <Controller
              control={control}
              name="labourDispute"
              render={({ field }) => <Checkbox label={t('staff.labourDispute')} checked={field.value ?? false} onChange={(event) => { field.onChange(event.currentTarget.checked); }} error={errors.labourDispute?.message} />}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
        {employee && <StatutoryHolds employee={employee} />}
      </Stack>
    </AppModal>
  );
}

/** Wettelijke bewaarplicht per part of the file, with its legal basis and end date. */
function StatutoryHolds({ employee }: { employee: Employee }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, control, handleSubmit, setError, reset, formState } = useForm({
    resolver: formResolver(StatutoryHoldInput),
    defaultValues: { employeeId: employee.id, description: '', legalBasis: '', until: '' },
  });
  const add = useApiMutation('employees.addStatutoryHold', {
    onSuccess: () => { reset(); },
    onError: (error) => { setFormError(applyServerErrors(error, setError, ['description', 'legalBasis', 'until'])); },
  });
  const remove = useApiMutation('employees.removeStatutoryHold');
  return (
    <Stack gap="xs" component="section" aria-labelledby="statutory-title">
      <Text fw={700} id="statutory-title">
        {t('staff.statutoryTitle')}
      </Text>
      <Text size="sm" c="dimmed">
        {t('staff.statutoryIntro')}
      </Text>
      {employee.statutoryHolds.map((h) => (
        <Group key={h.id} justify="space-between">
          <Text size="sm">
            {h.description} — {h.legalBasis} — {t('staff.until')} {formatDate(h.until)}
          </Text>
          <Button size="xs" variant="default" loading={remove.isPending} onClick={() => { remove.mutate({ id: h.id }); }}>
            {t('staff.remove')}
          </Button>
        </Group>
      ))}
      <form noValidate onSubmit={(event) => void handleSubmit((input) => { setFormError(null); add.mutate(input); })(event)}>
        <Stack gap="xs">
          <FormError message={formError} />
          <SimpleGrid cols={3}>
            <TextInput label={t('staff.description')} withAsterisk autoComplete="off" {...register('description')} error={formState.errors.description?.message} />
            <TextInput label={t('retention.legalBasis')} withAsterisk autoComplete="off" {...register('legalBasis')} error={formState.errors.legalBasis?.message} />
            <DateField control={control} name="until" label={t('staff.until')} required />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" size="xs" variant="light" loading={add.isPending}>
              {t('staff.addStatutory')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
