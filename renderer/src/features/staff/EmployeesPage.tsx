import { Badge, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmployeeInput, StatutoryHoldInput, type Employee } from '../../../../shared/api/retention.schemas';
import { useApiMutation } from '../../api/mutations';
import { apiQuery } from '../../api/queries';
import { NameFields } from '../../components/ClientFields';
import { DataTable, RowActions } from '../../components/DataTable';
import { CheckboxField, DateField, TextField } from '../../components/fields';
import { ApiForm, FormDialog, SubmitButton } from '../../components/FormDialog';
import { PageHeader } from '../../components/PageHeader';
import { Section } from '../../components/Section';
import { useApiForm } from '../../components/useApiForm';
import { useFormat } from '../../lib/format';
import { ContactFields } from './PersonFields';
import { usePolicyPeriod } from '../../lib/retentionPeriods';

const NEW_EMPLOYEE = { firstName: '', surnamePrefix: '', surname: '', address: '', email: '', phone: '', position: '', employmentStart: '', employmentEnd: '', labourDispute: false };

/** Medewerkers: a minimal personnel file, the labour-dispute flag and statutory retention duties. `whyButton` is "Waarom bewaren?" for a row. */
export function EmployeesPage({ whyButton }: { whyButton: (id: string) => ReactNode }) {
  const { t } = useTranslation();
  const period = usePolicyPeriod();
  const fmt = useFormat();
  const list = useQuery(apiQuery('employees.list', {}));
  const [editing, setEditing] = useState<Employee | 'new' | null>(null);
  return (
    <>
      <PageHeader title={t('staff.employeesTitle')} intro={t('staff.employeesIntro', { employee: period('employee'), dispute: period('employee_dispute') })} actions={<Button onClick={() => { setEditing('new'); }}>{t('staff.addEmployee')}</Button>} />
      <DataTable
        card
        query={list}
        caption={t('staff.employeesTitle')}
        rowKey={(e) => e.id}
        minWidth={860}
        empty={{ title: t('staff.noEmployeesTitle'), text: t('staff.noEmployees') }}
        columns={[
          { key: 'name', header: t('staff.name'), cell: (e) => e.displayName, strong: true },
          { key: 'position', header: t('staff.position'), cell: (e) => e.position },
          { key: 'start', header: t('staff.employmentStart'), cell: (e) => fmt.date(e.employmentStart) },
          {
            key: 'end',
            header: t('staff.employmentEnd'),
            cell: (e) => (
              <>
                {e.employmentEnd ? fmt.date(e.employmentEnd) : <Badge variant="light">{t('staff.inService')}</Badge>}
                {e.labourDispute && (
                  <Text size="xs" c="red.8">
                    {t('staff.labourDispute', { period: period('employee_dispute') })}
                  </Text>
                )}
              </>
            ),
          },
          { key: 'destruction', header: t('staff.destroyedOn'), cell: (e) => fmt.date(e.destructionDate) },
          {
            key: 'actions',
            header: t('staff.editEmployee'),
            hiddenHeader: true,
            cell: (e) => (
              <RowActions>
                {whyButton(e.id)}
                <Button size="xs" variant="default" onClick={() => { setEditing(e); }}>
                  {t('staff.editEmployee')}
                </Button>
              </RowActions>
            ),
          },
        ]}
      />
      {/* The dialog follows the list, so a statutory hold added in it shows at once. */}
      {editing && <EmployeeDialog employee={editing === 'new' ? null : (list.data?.find((e) => e.id === editing.id) ?? editing)} onClose={() => { setEditing(null); }} />}
    </>
  );
}

function EmployeeDialog({ employee, onClose }: { employee: Employee | null; onClose: () => void }) {
  const { t } = useTranslation();
  const period = usePolicyPeriod();
  const form = useApiForm({
    schema: EmployeeInput,
    defaultValues: employee ? { ...employee } : NEW_EMPLOYEE,
    mutation: useApiMutation('employees.save'),
    success: (saved) => t('staff.employeeSaved', { name: saved.displayName }),
    onSuccess: onClose,
  });
  const { control } = form;
  return (
    <FormDialog form={form} title={employee ? t('staff.editEmployee') : t('staff.addEmployee')} onClose={onClose} size="lg" after={employee && <StatutoryHolds employee={employee} />}>
      <SimpleGrid cols={3}>
        <NameFields control={control} initials={false} autoFocus />
      </SimpleGrid>
      <TextField control={control} name="address" label={t('staff.address')} required />
      <ContactFields control={control} />
      <SimpleGrid cols={2}>
        <DateField control={control} name="employmentStart" label={t('staff.employmentStart')} required />
        <DateField control={control} name="employmentEnd" label={t('staff.employmentEnd')} />
      </SimpleGrid>
      <CheckboxField control={control} name="labourDispute" label={t('staff.labourDispute', { period: period('employee_dispute') })} />
    </FormDialog>
  );
}

/** Wettelijke bewaarplicht per part of the file, with its legal basis and end date. */
function StatutoryHolds({ employee }: { employee: Employee }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const form = useApiForm({
    schema: StatutoryHoldInput,
    defaultValues: { employeeId: employee.id, description: '', legalBasis: '', until: '' },
    mutation: useApiMutation('employees.addStatutoryHold'),
    resetOnSuccess: true,
  });
  const remove = useApiMutation('employees.removeStatutoryHold');
  return (
    <Stack mt="lg">
      <Section level={3} title={t('staff.statutoryTitle')} intro={t('staff.statutoryIntro')}>
        {employee.statutoryHolds.map((h) => (
          <Group key={h.id} justify="space-between">
            <Text size="sm">
              {h.description} — {h.legalBasis} — {t('staff.until')} {fmt.date(h.until)}
            </Text>
            <Button size="xs" variant="default" loading={remove.isPending && remove.variables.id === h.id} onClick={() => { remove.mutate({ id: h.id }); }}>
              {t('staff.remove')}
            </Button>
          </Group>
        ))}
        <ApiForm form={form} gap="xs">
          <SimpleGrid cols={3}>
            <TextField control={form.control} name="description" label={t('staff.description')} required />
            <TextField control={form.control} name="legalBasis" label={t('retention.legalBasis')} required />
            <DateField control={form.control} name="until" label={t('staff.until')} required />
          </SimpleGrid>
          <Group justify="flex-end">
            <SubmitButton form={form} size="xs" variant="light">
              {t('staff.addStatutory')}
            </SubmitButton>
          </Group>
        </ApiForm>
      </Section>
    </Stack>
  );
}
