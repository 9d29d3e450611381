import { Badge, Button, DataList, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../shared/console/api';
import { ApReportInput, BREACH_RISKS, BreachAssessmentInput, type ConsoleBreach } from '../../../shared/console/breaches';
import { mayDo } from '../../../shared/console/roles';
import { AppModal } from '../components/AppModal';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { DataTable, RowActions } from '../components/DataTable';
import { CheckboxField, RadioField, TextAreaField, TextField } from '../components/fields';
import { FormDialog } from '../components/FormDialog';
import { useNotify } from '../components/Notifications';
import { PageHeader } from '../components/PageHeader';
import { QueryState } from '../components/QueryState';
import { Detail } from '../components/Section';
import { useFormat } from '../lib/format';
import { consoleApi } from './api';
import { useConsoleForm } from './useConsoleForm';

const BREACHES_KEY = ['console', 'breaches'] as const;
const STATUS_COLOR = { new: 'red', assessed: 'orange', reported: 'blue', closed: 'gray' } as const;

/** The 72-hour clock of art. 33 AVG: hours left, or how late; silent once the decision no longer needs it. */
function ClockBadge({ breach }: { breach: ConsoleBreach }) {
  const { t } = useTranslation();
  if (!breach.clockRunning) return null;
  return breach.hoursLeft >= 0 ? (
    <Badge color={breach.hoursLeft < 24 ? 'red' : 'orange'} variant="light">
      {t('console.breaches.hoursLeft', { count: breach.hoursLeft })}
    </Badge>
  ) : (
    <Badge color="red" variant="filled">
      {t('console.breaches.late', { count: 72 - breach.hoursLeft })}
    </Badge>
  );
}

/**
 * Datalekkenregister: every breach the locations reported, the most urgent first, with the 72
 * hours from discovery; the privacy officer assesses (risk, report to the AP or not with reasons,
 * informing the persons), records the AP report and closes. Every breach stays on record.
 */
export function BreachesPage({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const format = useFormat();
  const notify = useNotify();
  const queryClient = useQueryClient();
  // The clock moves: read again every minute.
  const breaches = useQuery({ queryKey: BREACHES_KEY, queryFn: consoleApi.breaches, refetchInterval: 60_000 });
  const manages = mayDo(session.user.role, 'registers.manage');
  const [viewing, setViewing] = useState<string | null>(null);
  const [assessing, setAssessing] = useState<ConsoleBreach | null>(null);
  const [reporting, setReporting] = useState<ConsoleBreach | null>(null);
  const [closing, setClosing] = useState<ConsoleBreach | null>(null);
  const close = useMutation({
    mutationFn: (id: string) => consoleApi.closeBreach(id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: BREACHES_KEY });
      notify({ message: t('console.breaches.closed') });
      setClosing(null);
    },
  });
  return (
    <>
      <PageHeader title={t('console.breaches.title')} intro={t('console.breaches.intro')} />
      <DataTable
        card
        caption={t('console.breaches.title')}
        query={breaches}
        rowKey={(b) => b.id}
        minWidth={900}
        empty={{ title: t('console.breaches.empty'), text: t('console.breaches.emptyText') }}
        columns={[
          {
            key: 'discovered',
            header: t('console.breaches.discovered'),
            cell: (b) => (
              <Stack gap={4} align="flex-start">
                <Text size="sm" fw={600}>
                  {b.locationName}
                </Text>
                <Text size="sm">{format.dateTime(b.discoveredAt)}</Text>
                <ClockBadge breach={b} />
              </Stack>
            ),
          },
          {
            key: 'what',
            header: t('console.breaches.what'),
            cell: (b) => (
              <>
                <Text size="sm" lineClamp={4}>
                  {b.whatHappened}
                </Text>
                {b.measuresTaken && (
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {t('console.breaches.measures', { text: b.measuresTaken })}
                  </Text>
                )}
              </>
            ),
          },
          {
            key: 'persons',
            header: t('console.breaches.persons'),
            cell: (b) => (
              <>
                <Text size="sm">{format.number(b.personsCount)}</Text>
                <Text size="xs" c="dimmed">
                  {b.personCategories.map((c) => t(`breaches.personCategories.${c}`)).join(', ')}
                </Text>
                <Text size="xs" c="dimmed">
                  {b.dataCategories.map((c) => t(`breaches.dataCategoryNames.${c}`)).join(', ')}
                </Text>
              </>
            ),
          },
          {
            key: 'status',
            header: t('console.breaches.status'),
            cell: (b) => (
              <Stack gap={4} align="flex-start">
                <Badge color={STATUS_COLOR[b.status]} variant="light">
                  {t(`console.breaches.statuses.${b.status}`)}
                </Badge>
                {b.assessment && (
                  <Text size="xs">
                    {t(`console.breaches.risks.${b.assessment.risk}`)} · {b.assessment.reportToAp ? t('console.breaches.toAp') : t('console.breaches.notToAp')}
                  </Text>
                )}
                {b.assessment?.apReference && <Text size="xs">{t('console.breaches.apReference', { reference: b.assessment.apReference, at: format.dateTime(b.assessment.apReportedAt!) })}</Text>}
                <Button size="compact-sm" variant="subtle" aria-label={t('console.breaches.detailsAria', { location: b.locationName })} onClick={() => setViewing(b.id)}>
                  {t('console.breaches.details')}
                </Button>
                {b.assessment?.informPersons && (
                  <Button component="a" href={consoleApi.breachLetterUrl(b.id)} size="compact-sm" variant="light">
                    {t('console.breaches.letter')}
                  </Button>
                )}
              </Stack>
            ),
          },
          manages && {
            key: 'actions',
            header: t('console.breaches.actions'),
            hiddenHeader: true,
            align: 'right',
            cell: (b) =>
              b.status === 'closed' ? null : (
                <RowActions>
                  <Button size="compact-sm" variant="default" onClick={() => setAssessing(b)}>
                    {t('console.breaches.assess')}
                  </Button>
                  {b.assessment?.reportToAp && !b.assessment.apReportedAt && (
                    <Button size="compact-sm" onClick={() => setReporting(b)}>
                      {t('console.breaches.recordReport')}
                    </Button>
                  )}
                  {b.assessment && (!b.assessment.reportToAp || b.assessment.apReportedAt) && (
                    <Button size="compact-sm" variant="subtle" onClick={() => setClosing(b)}>
                      {t('console.breaches.close')}
                    </Button>
                  )}
                </RowActions>
              ),
          },
        ]}
      />
      {viewing && <BreachDetails id={viewing} onClose={() => setViewing(null)} />}
      {assessing && <AssessDialog breach={assessing} onClose={() => setAssessing(null)} />}
      {reporting && <ApReportDialog breach={reporting} onClose={() => setReporting(null)} />}
      {closing && (
        <ConfirmDialog title={t('console.breaches.closeTitle')} confirmLabel={t('console.breaches.close')} mutation={close} onConfirm={() => close.mutate(closing.id)} onClose={() => setClosing(null)}>
          <Text size="sm">{t('console.breaches.closeText', { location: closing.locationName })}</Text>
        </ConfirmDialog>
      )}
    </>
  );
}

/** One breach in full, fetched when opened: the service logs this read in the console's audit log. */
function BreachDetails({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  // Once per opening: no refetch on focus, so the audit log holds one read per look.
  const breach = useQuery({ queryKey: ['console', 'breach', id], queryFn: () => consoleApi.breach(id), refetchOnWindowFocus: false, staleTime: Infinity, gcTime: 0 });
  return (
    <AppModal onClose={onClose} title={t('console.breaches.detailsTitle')} size="xl">
      <QueryState query={breach} loaderHeight={160}>
        {(b) => (
          <DataList labelWidth={200}>
            <Detail label={t('console.breaches.location')}>{b.locationName}</Detail>
            <Detail label={t('console.breaches.discoveredAt')}>{format.dateTime(b.discoveredAt)}</Detail>
            {b.occurredOn && <Detail label={t('console.breaches.occurredOn')}>{format.date(b.occurredOn)}</Detail>}
            <Detail label={t('console.breaches.what')}>{b.whatHappened}</Detail>
            <Detail label={t('console.breaches.persons')}>
              {format.number(b.personsCount)} · {b.personCategories.map((c) => t(`breaches.personCategories.${c}`)).join(', ')}
              <br />
              {b.dataCategories.map((c) => t(`breaches.dataCategoryNames.${c}`)).join(', ')}
            </Detail>
            {b.measuresTaken && <Detail label={t('console.breaches.measuresTaken')}>{b.measuresTaken}</Detail>}
            <Detail label={t('console.breaches.reportedBy')}>{t('console.breaches.reportedByValue', { name: b.reporterName, at: format.dateTime(b.reportedAt) })}</Detail>
            <Detail label={t('console.breaches.status')}>{t(`console.breaches.statuses.${b.status}`)}</Detail>
            {b.assessment && (
              <>
                <Detail label={t('console.breaches.risk')}>{t(`console.breaches.risks.${b.assessment.risk}`)}</Detail>
                <Detail label={t('console.breaches.consequencesShort')}>{b.assessment.likelyConsequences}</Detail>
                <Detail label={t('console.breaches.reasons')}>{`${b.assessment.reportToAp ? t('console.breaches.toAp') : t('console.breaches.notToAp')}: ${b.assessment.reasons}`}</Detail>
                <Detail label={t('console.breaches.informReasons')}>{b.assessment.informReasons}</Detail>
                {b.assessment.followUp && <Detail label={t('console.breaches.followUp')}>{b.assessment.followUp}</Detail>}
              </>
            )}
          </DataList>
        )}
      </QueryState>
    </AppModal>
  );
}

const ASSESSMENT_FIELDS = ['risk', 'likelyConsequences', 'reportToAp', 'reasons', 'informPersons', 'informReasons', 'followUp'] as const;

function AssessDialog({ breach, onClose }: { breach: ConsoleBreach; onClose: () => void }) {
  const { t } = useTranslation();
  const a = breach.assessment;
  const { form, handle } = useConsoleForm<BreachAssessmentInput>({
    schema: BreachAssessmentInput,
    defaultValues: a
      ? { risk: a.risk, likelyConsequences: a.likelyConsequences, reportToAp: a.reportToAp, reasons: a.reasons, informPersons: a.informPersons, informReasons: a.informReasons, followUp: a.followUp }
      : { likelyConsequences: '', reportToAp: false, reasons: '', informPersons: false, informReasons: '', followUp: '' },
    fields: ASSESSMENT_FIELDS,
    save: (input) => consoleApi.assessBreach(breach.id, input),
    refresh: BREACHES_KEY,
    success: () => t('console.breaches.assessed'),
    onDone: onClose,
  });
  return (
    <FormDialog form={handle} title={t('console.breaches.assessTitle', { location: breach.locationName })} onClose={onClose} size="lg">
      <RadioField control={form.control} name="risk" label={t('console.breaches.risk')} required autoFocus options={BREACH_RISKS.map((r) => ({ value: r, label: t(`console.breaches.risks.${r}`) }))} />
      <TextAreaField control={form.control} name="likelyConsequences" label={t('console.breaches.consequences')} required autosize minRows={2} />
      <CheckboxField control={form.control} name="reportToAp" label={t('console.breaches.reportToAp')} description={t('console.breaches.reportToApHint')} />
      <TextAreaField control={form.control} name="reasons" label={t('console.breaches.reasons')} required autosize minRows={2} />
      <CheckboxField control={form.control} name="informPersons" label={t('console.breaches.informPersons')} description={t('console.breaches.informPersonsHint')} />
      <TextAreaField control={form.control} name="informReasons" label={t('console.breaches.informReasons')} required autosize minRows={2} />
      <TextAreaField control={form.control} name="followUp" label={t('console.breaches.followUp')} autosize minRows={2} />
    </FormDialog>
  );
}

function ApReportDialog({ breach, onClose }: { breach: ConsoleBreach; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { form, handle } = useConsoleForm<ApReportInput>({
    schema: ApReportInput,
    defaultValues: { apReference: '', reportedAt: '', lateReason: '' },
    fields: ['apReference', 'reportedAt', 'lateReason'],
    save: (input) => consoleApi.recordApReport(breach.id, input),
    refresh: BREACHES_KEY,
    success: () => t('console.breaches.reportRecorded'),
    onDone: onClose,
  });
  return (
    <FormDialog form={handle} title={t('console.breaches.reportTitle')} intro={<Text size="sm">{t('console.breaches.reportIntro', { deadline: format.dateTimeLong(breach.apDeadline) })}</Text>} onClose={onClose}>
      <TextField control={form.control} name="apReference" label={t('console.breaches.apReferenceLabel')} required autoFocus />
      <TextField control={form.control} name="reportedAt" label={t('console.breaches.reportedAt')} type="datetime-local" required />
      <TextAreaField control={form.control} name="lateReason" label={t('console.breaches.lateReason')} description={t('console.breaches.lateReasonHint')} autosize minRows={2} />
    </FormDialog>
  );
}
