import { Badge, Button, SimpleGrid, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CloseComplaintInput, ComplaintInput, type Complaint } from '../../../../shared/api/retention.schemas';
import { useApiMutation } from '../../api/mutations';
import { apiQuery } from '../../api/queries';
import { DataTable, RowActions } from '../../components/DataTable';
import { DateField, TextAreaField, TextField } from '../../components/fields';
import { FormDialog } from '../../components/FormDialog';
import { PageHeader } from '../../components/PageHeader';
import { useApiForm } from '../../components/useApiForm';
import { useFormat } from '../../lib/format';
import { usePolicyPeriod } from '../../lib/retentionPeriods';

const STATUS_COLOR = { open: 'orange', in_behandeling: 'blue', gesloten: 'gray' } as const;
const NEW_COMPLAINT = { receivedOn: '', complainantName: '', complainantContact: '', subject: '', description: '', handlingNotes: '' };

/** Klachten: register, record the handling, close (which starts the 7-year retention period). */
export function ComplaintsPage() {
  const { t } = useTranslation();
  const period = usePolicyPeriod();
  const fmt = useFormat();
  const list = useQuery(apiQuery('complaints.list', {}));
  const [editing, setEditing] = useState<Complaint | 'new' | null>(null);
  const [closing, setClosing] = useState<Complaint | null>(null);
  return (
    <>
      <PageHeader title={t('complaints.title')} intro={t('complaints.intro', { period: period('complaint') })} actions={<Button onClick={() => { setEditing('new'); }}>{t('complaints.add')}</Button>} />
      <DataTable
        card
        query={list}
        caption={t('complaints.title')}
        rowKey={(c) => c.id}
        minWidth={860}
        empty={{ title: t('complaints.noneTitle'), text: t('complaints.none') }}
        columns={[
          { key: 'received', header: t('complaints.receivedOn'), cell: (c) => fmt.date(c.receivedOn) },
          {
            key: 'subject',
            header: t('complaints.subject'),
            cell: (c) => (
              <>
                <Text fw={600} size="sm">
                  {c.subject}
                </Text>
                {c.resolution && (
                  <Text size="xs" c="dimmed">
                    {c.resolution}
                  </Text>
                )}
              </>
            ),
          },
          { key: 'complainant', header: t('complaints.complainant'), cell: (c) => c.complainantName },
          {
            key: 'status',
            header: t('complaints.status'),
            cell: (c) => (
              <Badge variant="light" color={STATUS_COLOR[c.status]}>
                {t(`complaints.statuses.${c.status}`)}
              </Badge>
            ),
          },
          { key: 'destruction', header: t('staff.destroyedOn'), cell: (c) => fmt.date(c.destructionDate) },
          {
            key: 'actions',
            header: t('complaints.edit'),
            hiddenHeader: true,
            cell: (c) =>
              c.status !== 'gesloten' && (
                <RowActions>
                  <Button size="xs" variant="default" onClick={() => { setEditing(c); }}>
                    {t('complaints.edit')}
                  </Button>
                  <Button size="xs" onClick={() => { setClosing(c); }}>
                    {t('complaints.close')}
                  </Button>
                </RowActions>
              ),
          },
        ]}
      />
      {editing && <ComplaintDialog complaint={editing === 'new' ? null : editing} onClose={() => { setEditing(null); }} />}
      {closing && <CloseDialog complaint={closing} onClose={() => { setClosing(null); }} />}
    </>
  );
}

function ComplaintDialog({ complaint, onClose }: { complaint: Complaint | null; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm({
    schema: ComplaintInput,
    defaultValues: complaint ? { ...complaint } : NEW_COMPLAINT,
    mutation: useApiMutation('complaints.save'),
    success: (saved) => t('complaints.saved', { subject: saved.subject }),
    onSuccess: onClose,
  });
  const { control } = form;
  return (
    <FormDialog form={form} title={complaint ? t('complaints.edit') : t('complaints.add')} onClose={onClose} size="lg">
      <SimpleGrid cols={2}>
        <DateField control={control} name="receivedOn" label={t('complaints.receivedOn')} required autoFocus />
        <TextField control={control} name="subject" label={t('complaints.subject')} required />
        <TextField control={control} name="complainantName" label={t('complaints.complainant')} required />
        <TextField control={control} name="complainantContact" label={t('complaints.contact')} />
      </SimpleGrid>
      <TextAreaField control={control} name="description" label={t('complaints.description')} required minRows={3} />
      <TextAreaField control={control} name="handlingNotes" label={t('complaints.handling')} />
    </FormDialog>
  );
}

function CloseDialog({ complaint, onClose }: { complaint: Complaint; onClose: () => void }) {
  const { t } = useTranslation();
  const period = usePolicyPeriod();
  const form = useApiForm({
    schema: CloseComplaintInput,
    defaultValues: { id: complaint.id, closedOn: '', resolution: '' },
    mutation: useApiMutation('complaints.close'),
    success: () => t('complaints.closed'),
    onSuccess: onClose,
  });
  return (
    <FormDialog form={form} title={t('complaints.closeTitle')} intro={<Text size="sm">{t('complaints.closeIntro', { period: period('complaint') })}</Text>} onClose={onClose} submitLabel={t('complaints.close')} size="md">
      <DateField control={form.control} name="closedOn" label={t('complaints.closedOn')} required autoFocus maw={180} />
      <TextAreaField control={form.control} name="resolution" label={t('complaints.resolution')} required minRows={3} />
    </FormDialog>
  );
}
