import { Alert, Badge, Button, Checkbox, Group, SimpleGrid, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { BreachInput, type Breach } from '../../../../shared/api/breaches.schemas';
import { BREACH_DATA_CATEGORIES, BREACH_PERSON_CATEGORIES } from '../../../../shared/breaches/record';
import { appNow, appToday } from '../../../../shared/domain/clock';
import { useApiMutation } from '../../api/mutations';
import { apiQuery } from '../../api/queries';
import { DataTable } from '../../components/DataTable';
import { DateField, TextAreaField, TextField, WholeNumberField } from '../../components/fields';
import { FormDialog } from '../../components/FormDialog';
import { PageHeader } from '../../components/PageHeader';
import { useApiForm } from '../../components/useApiForm';
import { useFormat } from '../../lib/format';

/** The wall-clock time now in the location (HH:mm), on the app's clock. */
const nowTime = () => new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(appNow());

/**
 * Datalekken: a breach (a lost list, an e-mail to the wrong parent, a stolen laptop) is reported
 * here the moment it is found, also without a connection; head office's privacy officer decides
 * within 72 hours of discovery whether it goes to the Autoriteit Persoonsgegevens. The manager sees
 * every report of the location, others their own.
 */
export function BreachesPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  // While a report waits for the connection, look again every few seconds: its badge turns green once a sync round sent it.
  const list = useQuery({ ...apiQuery('breaches.list', {}), refetchInterval: (query) => (query.state.data?.some((b) => b.waitingToSync) ? 3_000 : false) });
  const [reporting, setReporting] = useState(false);
  return (
    <>
      <PageHeader title={t('breaches.title')} intro={t('breaches.intro')} actions={<Button onClick={() => { setReporting(true); }}>{t('breaches.report')}</Button>} />
      <DataTable
        card
        query={list}
        caption={t('breaches.title')}
        rowKey={(b) => b.id}
        minWidth={900}
        empty={{ title: t('breaches.noneTitle'), text: t('breaches.none') }}
        columns={[
          { key: 'discovered', header: t('breaches.discoveredAt'), cell: (b) => fmt.dateTime(b.discoveredAt) },
          {
            key: 'what',
            header: t('breaches.whatHappened'),
            cell: (b) => (
              <>
                <Text size="sm" lineClamp={3}>
                  {b.whatHappened}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('breaches.reportedBy', { name: b.reporterName, at: fmt.dateTime(b.reportedAt) })}
                </Text>
              </>
            ),
          },
          {
            key: 'persons',
            header: t('breaches.persons'),
            cell: (b) => (
              <>
                <Text size="sm">{fmt.number(b.personsCount)}</Text>
                <Text size="xs" c="dimmed">
                  {b.personCategories.map((c) => t(`breaches.personCategories.${c}`)).join(', ')}
                </Text>
              </>
            ),
          },
          { key: 'data', header: t('breaches.dataCategories'), cell: (b) => b.dataCategories.map((c) => t(`breaches.dataCategoryNames.${c}`)).join(', ') },
          { key: 'status', header: t('breaches.status'), cell: (b) => <SyncBadge breach={b} /> },
        ]}
      />
      {reporting && <ReportDialog onClose={() => { setReporting(false); }} />}
    </>
  );
}

function SyncBadge({ breach }: { breach: Breach }) {
  const { t } = useTranslation();
  return breach.waitingToSync ? (
    <Badge variant="light" color="orange">
      {t('breaches.waiting')}
    </Badge>
  ) : (
    <Badge variant="light" color="green">
      {t('breaches.sent')}
    </Badge>
  );
}

function useReportForm(onClose: () => void) {
  const { t } = useTranslation();
  return useApiForm({
    schema: BreachInput,
    defaultValues: { whatHappened: '', discoveredOn: appToday(), discoveredTime: nowTime(), occurredOn: null, personCategories: [], dataCategories: [], measuresTaken: '' },
    mutation: useApiMutation('breaches.report'),
    success: () => t('breaches.reported'),
    onSuccess: onClose,
  });
}
type ReportControl = ReturnType<typeof useReportForm>['control'];

function ReportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const form = useReportForm(onClose);
  const { control } = form;
  return (
    <FormDialog
      form={form}
      title={t('breaches.reportTitle')}
      intro={
        <Alert color="red" variant="light">
          {t('breaches.urgent')}
        </Alert>
      }
      onClose={onClose}
      submitLabel={t('breaches.reportSubmit')}
      size="lg"
    >
      <TextAreaField control={control} name="whatHappened" label={t('breaches.whatHappened')} description={t('breaches.whatHappenedHelp')} required autoFocus minRows={3} />
      <SimpleGrid cols={3}>
        <DateField control={control} name="discoveredOn" label={t('breaches.discoveredOn')} required />
        <TextField control={control} name="discoveredTime" label={t('breaches.discoveredTime')} type="time" required />
        <DateField control={control} name="occurredOn" label={t('breaches.occurredOn')} />
      </SimpleGrid>
      <CategoryChoice name="personCategories" label={t('breaches.personCategoriesLabel')} options={BREACH_PERSON_CATEGORIES.map((c) => ({ value: c, label: t(`breaches.personCategories.${c}`) }))} control={control} />
      <WholeNumberField control={control} name="personsCount" label={t('breaches.personsCount')} description={t('breaches.personsCountHelp')} required min={1} maw={260} />
      <CategoryChoice name="dataCategories" label={t('breaches.dataCategoriesLabel')} options={BREACH_DATA_CATEGORIES.map((c) => ({ value: c, label: t(`breaches.dataCategoryNames.${c}`) }))} control={control} />
      <TextAreaField control={control} name="measuresTaken" label={t('breaches.measuresTaken')} description={t('breaches.measuresTakenHelp')} minRows={2} />
    </FormDialog>
  );
}

/** Checkboxes in a row for one of the category lists, with the list's message at the field. */
function CategoryChoice({ name, label, options, control }: { name: 'personCategories' | 'dataCategories'; label: string; options: { value: string; label: string }[]; control: ReportControl }) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Checkbox.Group label={label} withAsterisk value={field.value} onChange={field.onChange} error={fieldState.error?.message}>
          <Group gap="md" mt="xs">
            {options.map((o) => (
              <Checkbox key={o.value} value={o.value} label={o.label} />
            ))}
          </Group>
        </Checkbox.Group>
      )}
    />
  );
}

