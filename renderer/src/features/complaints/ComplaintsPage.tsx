import { Alert, Badge, Button, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CloseComplaintInput, ComplaintInput, type Complaint } from '../../../../shared/api/complaints.schemas';
import { appToday } from '../../../../shared/domain/clock';
import { COMPLAINT_OUTCOMES } from '../../../../shared/domain/complaints';
import { useApiMutation } from '../../api/mutations';
import { apiQuery } from '../../api/queries';
import { DataTable, RowActions } from '../../components/DataTable';
import { DateField, RadioField, TextAreaField, TextField } from '../../components/fields';
import { FormDialog } from '../../components/FormDialog';
import { PageHeader } from '../../components/PageHeader';
import { useApiForm } from '../../components/useApiForm';
import { useFileDownload } from '../../lib/files';
import { useFormat } from '../../lib/format';
import { usePolicyPeriod } from '../../lib/retentionPeriods';
import { DeadlineBadge } from './DeadlineBadge';

const STATUS_COLOR = { open: 'orange', in_behandeling: 'blue', gesloten: 'gray' } as const;
const OUTCOME_COLOR = { gegrond: 'red', deels_gegrond: 'orange', ongegrond: 'green' } as const;

/**
 * Klachten: register (received date, the household it concerns), record the handling, and handle
 * it with the houder's judgement within six weeks (Wet kinderopvang); the outcome letter names the
 * Klachtenloket and the Geschillencommissie Kinderopvang. Handling starts the retention period.
 */
export function ComplaintsPage() {
  const { t } = useTranslation();
  const period = usePolicyPeriod();
  const fmt = useFormat();
  const list = useQuery(apiQuery('complaints.list', {}));
  const letter = useFileDownload('complaints.letter');
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
        minWidth={980}
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
                {c.householdId && (
                  <Text size="xs" c="dimmed">
                    {c.householdName ?? t('complaints.householdGone')}
                  </Text>
                )}
                {c.resolution && (
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {c.resolution}
                  </Text>
                )}
              </>
            ),
          },
          { key: 'complainant', header: t('complaints.complainant'), cell: (c) => c.complainantName },
          {
            key: 'deadline',
            header: t('complaints.deadline'),
            cell: (c) => (
              <Stack gap={4} align="flex-start">
                <Text size="sm">{fmt.date(c.deadline)}</Text>
                <DeadlineBadge state={c.deadlineState} />
                {c.closedLate && (
                  <Badge variant="light" color="red">
                    {t('complaints.closedLate')}
                  </Badge>
                )}
              </Stack>
            ),
          },
          {
            key: 'status',
            header: t('complaints.status'),
            cell: (c) => (
              <Stack gap={4} align="flex-start">
                <Badge variant="light" color={STATUS_COLOR[c.status]}>
                  {t(`complaints.statuses.${c.status}`)}
                </Badge>
                {c.outcome && (
                  <Badge variant="outline" color={OUTCOME_COLOR[c.outcome]}>
                    {t(`complaints.outcomes.${c.outcome}`)}
                  </Badge>
                )}
                {c.closedOn && <Text size="xs">{fmt.date(c.closedOn)}</Text>}
              </Stack>
            ),
          },
          { key: 'destruction', header: t('staff.destroyedOn'), cell: (c) => fmt.date(c.destructionDate) },
          {
            key: 'actions',
            header: t('complaints.edit'),
            hiddenHeader: true,
            cell: (c) =>
              c.status !== 'gesloten' ? (
                <RowActions>
                  <Button size="xs" variant="default" onClick={() => { setEditing(c); }}>
                    {t('complaints.edit')}
                  </Button>
                  <Button size="xs" onClick={() => { setClosing(c); }}>
                    {t('complaints.close')}
                  </Button>
                </RowActions>
              ) : (
                <RowActions>
                  <Button size="xs" variant="default" loading={letter.isPending && letter.variables.id === c.id} onClick={() => { letter.mutate({ id: c.id }); }}>
                    {t('complaints.letter')}
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

/** The household picker: the location's households by a parent's or child's name, or by postcode. */
function HouseholdPicker({ value, current, onChange, error }: { value: string | null; current: { id: string; label: string } | null; onChange: (id: string | null) => void; error?: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 150);
  const [chosen, setChosen] = useState(current);
  const searching = debounced.length >= 2;
  const found = useQuery({ ...apiQuery('complaints.households', { q: debounced }), enabled: searching, placeholderData: keepPreviousData });
  const options = [...(chosen ? [chosen] : []), ...(found.data ?? []).filter((o) => o.id !== chosen?.id)];
  return (
    <Select
      label={t('complaints.household')}
      description={t('complaints.householdHelp')}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      data={options.map((o) => ({ value: o.id, label: o.label }))}
      value={value}
      onChange={(id) => {
        setChosen(options.find((o) => o.id === id) ?? null);
        onChange(id);
      }}
      nothingFoundMessage={searching ? t('complaints.householdNone') : t('complaints.householdSearch')}
      error={error}
    />
  );
}

function ComplaintDialog({ complaint, onClose }: { complaint: Complaint | null; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm({
    schema: ComplaintInput,
    defaultValues: complaint
      ? { ...complaint }
      : { receivedOn: appToday(), complainantName: '', complainantContact: '', householdId: null, subject: '', description: '', handlingNotes: '' },
    mutation: useApiMutation('complaints.save'),
    success: (saved) => t('complaints.saved', { subject: saved.subject }),
    onSuccess: onClose,
  });
  const { control, setValue, watch, formState } = form;
  const current = complaint?.householdId ? { id: complaint.householdId, label: complaint.householdName ?? t('complaints.householdGone') } : null;
  return (
    <FormDialog form={form} title={complaint ? t('complaints.edit') : t('complaints.add')} onClose={onClose} size="lg">
      <SimpleGrid cols={2}>
        <DateField control={control} name="receivedOn" label={t('complaints.receivedOn')} description={t('complaints.receivedOnHelp')} required autoFocus />
        <TextField control={control} name="subject" label={t('complaints.subject')} required />
        <TextField control={control} name="complainantName" label={t('complaints.complainant')} required />
        <TextField control={control} name="complainantContact" label={t('complaints.contact')} />
      </SimpleGrid>
      <HouseholdPicker
        value={watch('householdId') ?? null}
        current={current}
        onChange={(id) => { setValue('householdId', id, { shouldValidate: formState.isSubmitted }); }}
        error={form.errors.householdId?.message}
      />
      <TextAreaField control={control} name="description" label={t('complaints.description')} required minRows={3} />
      <TextAreaField control={control} name="handlingNotes" label={t('complaints.handling')} />
    </FormDialog>
  );
}

function CloseDialog({ complaint, onClose }: { complaint: Complaint; onClose: () => void }) {
  const { t } = useTranslation();
  const period = usePolicyPeriod();
  const fmt = useFormat();
  const form = useApiForm({
    schema: CloseComplaintInput,
    defaultValues: { id: complaint.id, closedOn: appToday(), resolution: '', measures: '' },
    mutation: useApiMutation('complaints.close'),
    success: () => t('complaints.closed'),
    onSuccess: onClose,
  });
  const closedOn = form.watch('closedOn');
  const late = /^\d{4}-\d{2}-\d{2}$/.test(closedOn) && closedOn > complaint.deadline;
  return (
    <FormDialog form={form} title={t('complaints.closeTitle')} intro={<Text size="sm">{t('complaints.closeIntro', { period: period('complaint') })}</Text>} onClose={onClose} submitLabel={t('complaints.close')} size="lg">
      <Group align="flex-start" gap="lg">
        <DateField control={form.control} name="closedOn" label={t('complaints.closedOn')} required autoFocus maw={200} />
        <Text size="sm" mt={28}>
          {t('complaints.deadline')}: {fmt.date(complaint.deadline)}
        </Text>
      </Group>
      {late && (
        <Alert color="orange" variant="light">
          {t('complaints.closeLate', { date: fmt.date(complaint.deadline) })}
        </Alert>
      )}
      <RadioField control={form.control} name="outcome" label={t('complaints.outcome')} required options={COMPLAINT_OUTCOMES.map((o) => ({ value: o, label: t(`complaints.outcomes.${o}`) }))} />
      <TextAreaField control={form.control} name="resolution" label={t('complaints.resolution')} description={t('complaints.resolutionHelp')} required minRows={3} />
      <TextAreaField control={form.control} name="measures" label={t('complaints.measures')} description={t('complaints.measuresHelp')} minRows={2} />
    </FormDialog>
  );
}
