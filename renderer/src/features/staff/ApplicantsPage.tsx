import { Badge, Button, Card, Checkbox, EmptyState, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ApplicantInput, ApplicantOutcome, HireInput, type Applicant } from '../../../../shared/api/retention.schemas';
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

/** Sollicitanten: register, update the procedure, hire into a personnel file. */
export function ApplicantsPage() {
  const { t } = useTranslation();
  const may = useCan();
  const list = useQuery(apiQuery('applicants.list', {}));
  const [editing, setEditing] = useState<Applicant | 'new' | null>(null);
  const [hiring, setHiring] = useState<Applicant | null>(null);
  return (
    <>
      <PageHeader title={t('staff.applicantsTitle')} intro={t('staff.applicantsIntro')} actions={<Button onClick={() => { setEditing('new'); }}>{t('staff.addApplicant')}</Button>} />
      <Card withBorder padding="lg">
        {list.isPending ? (
          <LoadingState minHeight={120} />
        ) : list.isError ? (
          <FormError message={errorMessage(list.error)} />
        ) : list.data.length === 0 ? (
          <EmptyState py="lg" title={t('staff.noApplicantsTitle')} description={t('staff.noApplicants')} />
        ) : (
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing="sm">
              <VisuallyHidden component="caption">{t('staff.applicantsTitle')}</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('staff.name')}</Table.Th>
                  <Table.Th scope="col">{t('staff.position')}</Table.Th>
                  <Table.Th scope="col">{t('staff.outcome')}</Table.Th>
                  <Table.Th scope="col">{t('staff.procedureEnd')}</Table.Th>
                  <Table.Th scope="col">{t('staff.destroyedOn')}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('staff.editApplicant')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td fw={600}>{a.displayName}</Table.Td>
                    <Table.Td>{a.position}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={a.outcome === 'open' ? 'blue' : 'gray'}>
                        {t(`staff.outcomes.${a.outcome}`)}
                      </Badge>
                      {a.consentLongerRetention && (
                        <Text size="xs" c="dimmed">
                          {t('staff.consent')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{formatDate(a.procedureEndDate)}</Table.Td>
                    <Table.Td>{formatDate(a.destructionDate)}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" justify="flex-end">
                        {may('retention.manage') && <WhyButton subjectType="applicant" id={a.id} />}
                        <Button size="xs" variant="default" onClick={() => { setEditing(a); }}>
                          {t('staff.editApplicant')}
                        </Button>
                        <Button size="xs" onClick={() => { setHiring(a); }}>
                          {t('staff.hire')}
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
      {editing && <ApplicantDialog applicant={editing === 'new' ? null : editing} onClose={() => { setEditing(null); }} />}
      {hiring && <HireDialog applicant={hiring} onClose={() => { setHiring(null); }} />}
    </>
  );
}

type ApplicantForm = z.input<typeof ApplicantInput>;

function ApplicantDialog({ applicant, onClose }: { applicant: Applicant | null; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [formError, setFormError] = useState<string | null>(null);
  const defaults: ApplicantForm = applicant
    ? { ...applicant }
    : { firstName: '', surnamePrefix: '', surname: '', email: '', phone: '', position: '', appliedOn: '', procedureEndDate: '', outcome: 'open', consentLongerRetention: false, consentOn: '' };
  const { register, control, handleSubmit, setError, formState } = useForm({ resolver: formResolver(ApplicantInput), defaultValues: defaults });
  const { errors } = formState;
  const save = useApiMutation('applicants.save', {
    onSuccess: (saved) => {
      notify({ title: t('common.saved'), message: t('staff.applicantSaved', { name: saved.displayName }) });
      onClose();
    },
    onError: (error) => { setFormError(applyServerErrors(error, setError, ['firstName', 'surname', 'email', 'phone', 'position', 'appliedOn', 'procedureEndDate', 'outcome', 'consentOn'])); },
  });
  return (
    <AppModal onClose={onClose} title={applicant ? t('staff.editApplicant') : t('staff.addApplicant')} size="lg">
      <form noValidate onSubmit={(event) => void handleSubmit((input) => { setFormError(null); save.mutate(input); })(event)}>
        <Stack gap="md">
          <FormError message={formError} />
          <SimpleGrid cols={3}>
            <TextInput label={t('staff.firstName')} withAsterisk data-autofocus autoComplete="off" {...register('firstName')} error={errors.firstName?.message} />
            <TextInput label={t('staff.surnamePrefix')} autoComplete="off" {...register('surnamePrefix')} error={errors.surnamePrefix?.message} />
            <TextInput label={t('staff.surname')} withAsterisk autoComplete="off" {...register('surname')} error={errors.surname?.message} />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <TextInput label={t('staff.email')} type="email" autoComplete="off" {...register('email')} error={errors.email?.message} />
            <TextInput label={t('staff.phone')} autoComplete="off" {...register('phone')} error={errors.phone?.message} />
          </SimpleGrid>
          <TextInput label={t('staff.position')} withAsterisk autoComplete="off" {...register('position')} error={errors.position?.message} />
          <SimpleGrid cols={3}>
            <DateField control={control} name="appliedOn" label={t('staff.appliedOn')} required />
            <Controller
              control={control}
              name="outcome"
              render={({ field }) => (
                <Select label={t('staff.outcome')} withAsterisk data={ApplicantOutcome.options.map((o) => ({ value: o, label: t(`staff.outcomes.${o}`) }))} value={field.value} onChange={field.onChange} error={errors.outcome?.message} allowDeselect={false} />
              )}
            />
            <DateField control={control} name="procedureEndDate" label={t('staff.procedureEnd')} />
          </SimpleGrid>
          <Controller
            control={control}
            name="consentLongerRetention"
            render={({ field }) => <Checkbox label={t('staff.consent')} checked={field.value ?? false} onChange={(event) => { field.onChange(event.currentTarget.checked); }} />}
          />
          <DateField control={control} name="consentOn" label={t('staff.consentOn')} maw={180} />
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
    </AppModal>
  );
}

function HireDialog({ applicant, onClose }: { applicant: Applicant; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, control, handleSubmit, setError, formState } = useForm({ resolver: formResolver(HireInput), defaultValues: { id: applicant.id, address: '', employmentStart: '' } });
  const hire = useApiMutation('applicants.hire', {
    onSuccess: () => {
      notify({ title: t('common.saved'), message: t('staff.hired', { name: applicant.displayName }) });
      onClose();
    },
    onError: (error) => { setFormError(applyServerErrors(error, setError, ['address', 'employmentStart'])); },
  });
  return (
    <AppModal onClose={onClose} title={t('staff.hireTitle', { name: applicant.displayName })} size="md">
      <form noValidate onSubmit={(event) => void handleSubmit((input) => { setFormError(null); hire.mutate(input); })(event)}>
        <Stack gap="md">
          <Text size="sm">{t('staff.hireIntro')}</Text>
          <FormError message={formError} />
          <TextInput label={t('staff.address')} withAsterisk data-autofocus autoComplete="off" {...register('address')} error={formState.errors.address?.message} />
          <DateField control={control} name="employmentStart" label={t('staff.employmentStart')} required maw={180} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={hire.isPending}>
              {t('staff.hire')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
