import { Badge, Button, SimpleGrid, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApplicantInput, ApplicantOutcome, HireInput, type Applicant } from '../../../../shared/api/retention.schemas';
import { useApiMutation } from '../../api/mutations';
import { apiQuery } from '../../api/queries';
import { NameFields } from '../../components/ClientFields';
import { DataTable, RowActions } from '../../components/DataTable';
import { CheckboxField, DateField, SelectField, TextField } from '../../components/fields';
import { FormDialog } from '../../components/FormDialog';
import { PageHeader } from '../../components/PageHeader';
import { useApiForm } from '../../components/useApiForm';
import { useFormat } from '../../lib/format';
import { ContactFields } from './PersonFields';
import { usePolicyPeriod } from '../../lib/retentionPeriods';

const NEW_APPLICANT = {
  firstName: '',
  surnamePrefix: '',
  surname: '',
  email: '',
  phone: '',
  position: '',
  appliedOn: '',
  procedureEndDate: '',
  outcome: 'open',
  consentLongerRetention: false,
  consentOn: '',
} as const;

/** Sollicitanten: register, update the procedure, hire into a personnel file. `whyButton` is "Waarom bewaren?" for a row. */
export function ApplicantsPage({ whyButton }: { whyButton: (id: string) => ReactNode }) {
  const { t } = useTranslation();
  const period = usePolicyPeriod();
  const fmt = useFormat();
  const list = useQuery(apiQuery('applicants.list', {}));
  const [editing, setEditing] = useState<Applicant | 'new' | null>(null);
  const [hiring, setHiring] = useState<Applicant | null>(null);
  return (
    <>
      <PageHeader title={t('staff.applicantsTitle')} intro={t('staff.applicantsIntro', { applicant: period('applicant'), withConsent: period('applicant_consent') })} actions={<Button onClick={() => { setEditing('new'); }}>{t('staff.addApplicant')}</Button>} />
      <DataTable
        card
        query={list}
        caption={t('staff.applicantsTitle')}
        rowKey={(a) => a.id}
        minWidth={860}
        empty={{ title: t('staff.noApplicantsTitle'), text: t('staff.noApplicants') }}
        columns={[
          { key: 'name', header: t('staff.name'), cell: (a) => a.displayName, strong: true },
          { key: 'position', header: t('staff.position'), cell: (a) => a.position },
          {
            key: 'outcome',
            header: t('staff.outcome'),
            cell: (a) => (
              <>
                <Badge variant="light" color={a.outcome === 'open' ? 'blue' : 'gray'}>
                  {t(`staff.outcomes.${a.outcome}`)}
                </Badge>
                {a.consentLongerRetention && (
                  <Text size="xs" c="dimmed">
                    {t('staff.consent', { period: period('applicant_consent') })}
                  </Text>
                )}
              </>
            ),
          },
          { key: 'procedureEnd', header: t('staff.procedureEnd'), cell: (a) => fmt.date(a.procedureEndDate) },
          { key: 'destruction', header: t('staff.destroyedOn'), cell: (a) => fmt.date(a.destructionDate) },
          {
            key: 'actions',
            header: t('staff.editApplicant'),
            hiddenHeader: true,
            cell: (a) => (
              <RowActions>
                {whyButton(a.id)}
                <Button size="xs" variant="default" onClick={() => { setEditing(a); }}>
                  {t('staff.editApplicant')}
                </Button>
                <Button size="xs" onClick={() => { setHiring(a); }}>
                  {t('staff.hire')}
                </Button>
              </RowActions>
            ),
          },
        ]}
      />
      {editing && <ApplicantDialog applicant={editing === 'new' ? null : editing} onClose={() => { setEditing(null); }} />}
      {hiring && <HireDialog applicant={hiring} onClose={() => { setHiring(null); }} />}
    </>
  );
}

function ApplicantDialog({ applicant, onClose }: { applicant: Applicant | null; onClose: () => void }) {
  const { t } = useTranslation();
  const period = usePolicyPeriod();
  const form = useApiForm({
    schema: ApplicantInput,
    defaultValues: applicant ? { ...applicant } : NEW_APPLICANT,
    mutation: useApiMutation('applicants.save'),
    success: (saved) => t('staff.applicantSaved', { name: saved.displayName }),
    onSuccess: onClose,
  });
  const { control } = form;
  return (
    <FormDialog form={form} title={applicant ? t('staff.editApplicant') : t('staff.addApplicant')} onClose={onClose} size="lg">
      <SimpleGrid cols={3}>
        <NameFields control={control} initials={false} autoFocus />
      </SimpleGrid>
      <ContactFields control={control} />
      <SimpleGrid cols={3}>
        <DateField control={control} name="appliedOn" label={t('staff.appliedOn')} required />
        <SelectField control={control} name="outcome" label={t('staff.outcome')} required data={ApplicantOutcome.options.map((o) => ({ value: o, label: t(`staff.outcomes.${o}`) }))} />
        <DateField control={control} name="procedureEndDate" label={t('staff.procedureEnd')} />
      </SimpleGrid>
      <CheckboxField control={control} name="consentLongerRetention" label={t('staff.consent', { period: period('applicant_consent') })} />
      <DateField control={control} name="consentOn" label={t('staff.consentOn')} maw={180} />
    </FormDialog>
  );
}

function HireDialog({ applicant, onClose }: { applicant: Applicant; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm({
    schema: HireInput,
    defaultValues: { id: applicant.id, address: '', employmentStart: '' },
    mutation: useApiMutation('applicants.hire'),
    success: () => t('staff.hired', { name: applicant.displayName }),
    onSuccess: onClose,
  });
  return (
    <FormDialog
      form={form}
      title={t('staff.hireTitle', { name: applicant.displayName })}
      intro={<Text size="sm">{t('staff.hireIntro')}</Text>}
      onClose={onClose}
      submitLabel={t('staff.hire')}
      size="md"
    >
      <TextField control={form.control} name="address" label={t('staff.address')} required autoFocus />
      <DateField control={form.control} name="employmentStart" label={t('staff.employmentStart')} required maw={180} />
    </FormDialog>
  );
}
