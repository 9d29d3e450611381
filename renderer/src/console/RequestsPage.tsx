import { Badge, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../shared/console/api';
import { CentralRequestInput, type ConsoleRequest, type ConsoleRequestStatus } from '../../../shared/console/requests';
import { mayDo } from '../../../shared/console/roles';
import { isoDateIn } from '../../../shared/domain/clock';
import { REQUEST_KINDS } from '../../../shared/domain/requests';
import { DataTable } from '../components/DataTable';
import { DateField, SelectField, TextAreaField, TextField } from '../components/fields';
import { FormDialog } from '../components/FormDialog';
import { PageHeader } from '../components/PageHeader';
import { useFormat } from '../lib/format';
import { consoleApi } from './api';
import { useConsoleForm } from './useConsoleForm';

const REQUESTS_KEY = ['console', 'requests'] as const;
const STATUS_COLOR: Record<ConsoleRequestStatus, string> = { waiting: 'orange', not_here: 'gray', open: 'blue', closed: 'green' };

/**
 * AVG-verzoeken (issue 18 part 3): per location the kind, dates, deadline and status of every
 * request — never whom it concerns or what it asks. The privacy officer registers what came in via
 * privacy@ for the location that holds the person's data; the FG reads.
 */
export function RequestsPage({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const format = useFormat();
  const requests = useQuery({ queryKey: REQUESTS_KEY, queryFn: consoleApi.requests, refetchOnWindowFocus: false });
  const manages = mayDo(session.user.role, 'registers.manage');
  const [registering, setRegistering] = useState(false);
  const [location, setLocation] = useState<string | null>(null);
  const locations = [...new Map((requests.data ?? []).map((r) => [r.locationId, r.locationName])).entries()].sort((a, b) => a[1].localeCompare(b[1], 'nl'));
  // The same cached list, narrowed to the chosen location.
  const shown = useQuery({ queryKey: REQUESTS_KEY, queryFn: consoleApi.requests, refetchOnWindowFocus: false, select: (rows) => rows.filter((r) => !location || r.locationId === location) });
  const overdue = shown.data?.filter((r) => r.overdue).length ?? 0;
  return (
    <>
      <PageHeader title={t('console.requests.title')} intro={t('console.requests.intro')} actions={manages && <Button onClick={() => setRegistering(true)}>{t('console.requests.register')}</Button>} />
      <Group mb="md" gap="lg" align="flex-end">
        <Select
          label={t('console.requests.location')}
          placeholder={t('console.requests.allLocations')}
          data={locations.map(([value, label]) => ({ value, label }))}
          value={location}
          onChange={setLocation}
          clearable
          w={320}
        />
        {overdue > 0 && (
          <Text c="red.9" fw={600} role="status">
            {t('console.requests.overdueSummary', { count: overdue })}
          </Text>
        )}
      </Group>
      <DataTable
        card
        caption={t('console.requests.title')}
        query={shown}
        rowKey={(r) => r.id}
        empty={{ title: t('console.requests.empty'), text: t('console.requests.emptyText') }}
        columns={[
          { key: 'location', header: t('console.requests.location'), cell: (r) => r.locationName, rowHeader: true, strong: true, sort: (a, b) => a.locationName.localeCompare(b.locationName, 'nl') },
          {
            key: 'kind',
            header: t('console.requests.kind'),
            cell: (r) => (
              <Stack gap={2}>
                <span>{t(`requests.kinds.${r.kind}`)}</span>
                <Text size="xs" c="dimmed">
                  {r.viaPrivacyOffice ? t('console.requests.viaPrivacy') : t('console.requests.viaLocation')}
                </Text>
              </Stack>
            ),
          },
          { key: 'received', header: t('console.requests.receivedOn'), cell: (r) => format.date(r.receivedOn), whiteSpace: 'nowrap', sort: (a, b) => a.receivedOn.localeCompare(b.receivedOn) },
          { key: 'deadline', header: t('console.requests.deadline'), cell: (r) => <Deadline request={r} />, whiteSpace: 'nowrap', sort: (a, b) => a.deadline.localeCompare(b.deadline) },
          {
            key: 'status',
            header: t('console.requests.status'),
            cell: (r) => (
              <Stack gap={2} align="flex-start">
                <Badge variant="light" color={STATUS_COLOR[r.status]}>
                  {t(`console.requests.statuses.${r.status}`)}
                </Badge>
                {r.handledOn && (
                  <Text size="xs" c="dimmed">
                    {format.date(r.handledOn)}
                  </Text>
                )}
              </Stack>
            ),
          },
        ]}
      />
      {registering && <RegisterDialog onClose={() => setRegistering(false)} />}
    </>
  );
}

function Deadline({ request }: { request: ConsoleRequest }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap={2} align="flex-start">
      <span>{format.date(request.deadline)}</span>
      {request.extendedMonths > 0 && (
        <Text size="xs" c="dimmed">
          {t('console.requests.extended', { count: request.extendedMonths })}
        </Text>
      )}
      {request.overdue && (
        <Badge color="red" variant="light">
          {t('console.requests.overdue')}
        </Badge>
      )}
    </Stack>
  );
}

const FIELDS = ['locationId', 'kind', 'receivedOn', 'requesterName', 'requesterContact', 'description'] as const;

/** "Verzoek registreren": what came in via privacy@, for the location that has the person's data. */
function RegisterDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const locations = useQuery({ queryKey: ['console', 'locations'], queryFn: consoleApi.locations });
  const { form, handle } = useConsoleForm<CentralRequestInput>({
    schema: CentralRequestInput,
    defaultValues: { locationId: '', receivedOn: isoDateIn(new Date()), requesterName: '', requesterContact: '', description: '' },
    fields: FIELDS,
    save: consoleApi.registerRequest,
    refresh: REQUESTS_KEY,
    success: () => t('console.requests.saved'),
    onDone: onClose,
  });
  return (
    <FormDialog form={handle} title={t('console.requests.registerTitle')} onClose={onClose} submitLabel={t('console.requests.registerSubmit')} size="lg">
      <Text size="sm">{t('console.requests.registerIntro')}</Text>
      <SelectField
        control={form.control}
        name="locationId"
        label={t('console.requests.location')}
        required
        autoFocus
        searchable
        data={(locations.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
      />
      <SelectField control={form.control} name="kind" label={t('console.requests.kind')} required data={REQUEST_KINDS.map((k) => ({ value: k, label: t(`requests.kinds.${k}`) }))} />
      <DateField control={form.control} name="receivedOn" label={t('console.requests.receivedOn')} description={t("console.requests.receivedOnHint")} required maw={360} />
      <TextField control={form.control} name="requesterName" label={t('console.requests.requesterName')} required />
      <TextField control={form.control} name="requesterContact" label={t('console.requests.requesterContact')} description={t('console.requests.requesterContactHint')} required />
      <TextAreaField control={form.control} name="description" label={t('console.requests.description')} description={t('console.requests.descriptionHint')} autosize minRows={3} />
    </FormDialog>
  );
}
