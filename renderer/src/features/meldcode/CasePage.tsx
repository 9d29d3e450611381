import { Alert, Badge, Button, Card, DataList, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { MeldcodeCase, MeldcodeEntry } from '../../../../shared/api/meldcode.schemas';
import { MELDCODE_STEPS, STEP3_KINDS, STEP_OF_KIND, type EntryKind, type MeldcodeStep } from '../../../../shared/domain/meldcode';
import { errorMessage } from '../../api/forms';
import { FormError } from '../../components/FormError';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { Detail } from '../../components/Section';
import { useFileDownload } from '../../lib/files';
import { useFormat } from '../../lib/format';
import { meldcodeQuery } from './api';
import { STATUS_COLOR } from './CasesTable';
import { CloseCaseDialog } from './CloseCaseDialog';
import { EntryDialog } from './EntryDialog';

/** Meldcodedossier: route `/meldcode/:id`. */
export function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const file = useQuery(meldcodeQuery('meldcode.get', { caseId: id }));
  return (
    <QueryState
      query={file}
      renderError={(alert) => (
        <>
          {alert}
          <Button component={Link} to="/meldcode" variant="light" mt="md">
            {t('meldcode.case.back')}
          </Button>
        </>
      )}
    >
      {(data) => <CaseView file={data} />}
    </QueryState>
  );
}

type Dialog = { kind: 'entry'; entryKind: EntryKind; corrects?: MeldcodeEntry } | { kind: 'close' } | null;

/** The entry kinds each step records; step 3 depends on the route. */
const kindsOfStep = (step: MeldcodeStep, file: MeldcodeCase): readonly EntryKind[] =>
  step === 3 ? STEP3_KINDS[file.route] : (Object.keys(STEP_OF_KIND) as (keyof typeof STEP_OF_KIND)[]).filter((kind) => STEP_OF_KIND[kind] === step);

function CaseView({ file }: { file: MeldcodeCase }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => { setDialog(null); };
  const isOpen = file.status === 'open';
  const print = useFileDownload('meldcode.printPdf', { message: t('meldcode.case.printed') });
  const title = file.childName ? t('meldcode.case.titleChild', { name: file.childName }) : t('meldcode.case.titleEmployee', { name: file.suspectEmployeeName ?? '' });

  return (
    <>
      <PageHeader
        title={title}
        intro={
          <>
            {t(`meldcode.routes.${file.route}`)}
            {file.childName && file.suspectEmployeeName ? ` — ${t('meldcode.employee', { name: file.suspectEmployeeName })}` : ''} · {t('meldcode.case.openedBy', { date: fmt.date(file.openedOn), name: file.openedByName })}
          </>
        }
        actions={
          <Group gap="sm">
            <Button component={Link} to="/meldcode" variant="default">
              {t('meldcode.case.back')}
            </Button>
            <Button variant="default" onClick={() => { print.mutate({ caseId: file.id }); }} loading={print.isPending}>
              {t('meldcode.case.print')}
            </Button>
            {isOpen && (
              <Button color="red" onClick={() => { setDialog({ kind: 'close' }); }}>
                {t('meldcode.case.close')}
              </Button>
            )}
          </Group>
        }
      />
      <Stack gap="lg">
        <FormError message={print.isError ? errorMessage(print.error) : null} />
        <Group gap="sm">
          <Badge size="lg" variant="light" color={STATUS_COLOR[file.status]}>
            {t(`meldcode.statuses.${file.status}`)}
          </Badge>
          {file.progress.reportRequired && isOpen && (
            <Badge size="lg" variant="light" color="red">
              {t('meldcode.case.reportRequired')}
            </Badge>
          )}
        </Group>
        {!isOpen && (
          <Alert color="gray" variant="light" title={t('meldcode.case.closedTitle')}>
            <Stack gap={4}>
              <Text size="sm">{t('meldcode.case.closedBy', { date: fmt.date(file.closedOn), name: file.closedByName ?? '' })}</Text>
              <Text size="sm" fw={700}>
                {t('meldcode.destructionDate')}: {fmt.date(file.destructionDate)}
              </Text>
              <Text size="sm">{t('meldcode.case.closedText', { date: fmt.date(file.destructionDate) })}</Text>
              {file.closingSummary && (
                <Text size="sm">
                  <strong>{t('meldcode.case.closingSummary')}:</strong> {file.closingSummary}
                </Text>
              )}
            </Stack>
          </Alert>
        )}
        <Text size="sm" c="dimmed">
          {t('meldcode.appendOnly')}
        </Text>
        {MELDCODE_STEPS.map((step) => (
          <StepCard key={step} step={step} file={file} onAdd={(entryKind) => { setDialog({ kind: 'entry', entryKind }); }} onCorrect={(entry) => { setDialog({ kind: 'entry', entryKind: 'correction', corrects: entry }); }} />
        ))}
      </Stack>
      {dialog?.kind === 'entry' && <EntryDialog file={file} kind={dialog.entryKind} {...(dialog.corrects ? { corrects: dialog.corrects } : {})} onClose={close} />}
      {dialog?.kind === 'close' && <CloseCaseDialog file={file} onClose={close} />}
    </>
  );
}

function StepCard({ step, file, onAdd, onCorrect }: { step: MeldcodeStep; file: MeldcodeCase; onAdd: (kind: EntryKind) => void; onCorrect: (entry: MeldcodeEntry) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const kinds = kindsOfStep(step, file);
  const entries = file.entries.filter((e) => kinds.includes(e.kind));
  const done = step === 3 ? file.progress.step3Done : file.progress.stepsDone[step];
  const textKey = step === 3 && file.route === 'medewerker' ? 'step3medewerker' : (`step${step}` as const);
  const titleId = `step-${step}-title`;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={titleId}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb={4}>
        <Title order={2} size="h3" id={titleId}>
          {t(`meldcode.steps.${textKey}.title`)}
        </Title>
        <Badge variant="light" color={done ? 'green' : 'gray'}>
          {done ? t('meldcode.case.done') : t('meldcode.case.todo')}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed" mb="md" maw={820}>
        {t(`meldcode.steps.${textKey}.help`)}
      </Text>
      {entries.length === 0 ? (
        <Text size="sm" c="dimmed" mb={file.status === 'open' ? 'md' : 0}>
          {t('meldcode.case.nothingYet')}
        </Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2} mb={file.status === 'open' ? 'md' : 0}>
          {entries.map((entry) => (
            <Timeline.Item key={entry.id} title={<EntryTitle entry={entry} />}>
              <EntryBody entry={entry} />
              {file.entries
                .filter((c) => c.kind === 'correction' && c.correctsEntryId === entry.id)
                .map((c) => (
                  <Alert key={c.id} color="yellow" variant="light" mt="xs" p="xs" title={t('meldcode.case.correction', { date: fmt.date(c.occurredOn), name: c.authorName })}>
                    <EntryBody entry={c} />
                  </Alert>
                ))}
              {file.status === 'open' && (
                <Button size="compact-xs" variant="subtle" mt={4} onClick={() => { onCorrect(entry); }} aria-label={t('meldcode.case.correctFor', { kind: t(`meldcode.kinds.${entry.kind}`), date: fmt.date(entry.occurredOn) })}>
                  {t('meldcode.case.correct')}
                </Button>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      {file.status === 'open' && (
        <Group gap="sm">
          {kinds.map((kind) => (
            <Button key={kind} variant={kind === 'parent_conversation_skipped' ? 'default' : 'light'} onClick={() => { onAdd(kind); }}>
              {t(`meldcode.add.${kind}`)}
            </Button>
          ))}
        </Group>
      )}
    </Card>
  );
}

function EntryTitle({ entry }: { entry: MeldcodeEntry }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Stack gap={0}>
      <Text fw={600}>
        {fmt.date(entry.occurredOn)} · {t(`meldcode.kinds.${entry.kind}`)}
      </Text>
      <Text size="xs" c="dimmed">
        {t('meldcode.case.recordedBy', { name: entry.authorName, at: fmt.dateTime(entry.createdAt) })}
      </Text>
    </Stack>
  );
}

/** The fields of an entry as label/value pairs in the UI language. */
function useEntryLines() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const yesNo = (v: boolean | null, unknownLabel = t('meldcode.values.notApplicable')) => (v === null ? unknownLabel : v ? t('meldcode.values.yes') : t('meldcode.values.no'));
  return (entry: MeldcodeEntry): [string, string][] => {
    switch (entry.kind) {
      case 'signal':
        return [
          [t('meldcode.fields.observedBy'), entry.payload.observedBy],
          [t('meldcode.fields.observation'), entry.payload.observation],
        ];
      case 'consultation': {
        const p = entry.payload;
        const lines: [string, string][] = [[t('meldcode.fields.consultedWith'), t(`meldcode.fields.consultedWithOptions.${p.consultedWith}`) + (p.anonymousAdvice ? ` — ${t('meldcode.fields.anonymousAdvice')}` : '')]];
        if (p.consultedName) lines.push([t('meldcode.fields.consultedName'), p.consultedName]);
        lines.push([t('meldcode.fields.advice'), p.advice]);
        return lines;
      }
      case 'parent_conversation':
        return [
          [t('meldcode.fields.withWhom'), entry.payload.withWhom],
          [t('meldcode.fields.conductedBy'), entry.payload.conductedBy],
          [t('meldcode.fields.summary'), entry.payload.summary],
        ];
      case 'parent_conversation_skipped':
        return [[t('meldcode.fields.reason'), entry.payload.reason]];
      case 'vertrouwensinspecteur':
        return [...(entry.payload.inspectorName ? ([[t('meldcode.fields.inspectorName'), entry.payload.inspectorName]] as [string, string][]) : []), [t('meldcode.fields.advice'), entry.payload.advice]];
      case 'weighing': {
        const w = entry.payload;
        return [
          [t('meldcode.fields.q1Suspicion'), yesNo(w.q1Suspicion)],
          [t('meldcode.fields.q2Unsafe'), yesNo(w.q2Unsafe)],
          [t('meldcode.fields.q3HelpPossible'), yesNo(w.q3HelpPossible)],
          [t('meldcode.fields.q4Cooperation'), yesNo(w.q4Cooperation)],
          [t('meldcode.fields.q5LastingSafety'), yesNo(w.q5LastingSafety, w.q1Suspicion && w.q2Unsafe === false ? t('meldcode.fields.q5Unknown') : t('meldcode.values.notApplicable'))],
          [t('meldcode.fields.explanation'), w.explanation],
        ];
      }
      case 'decision': {
        const d = entry.payload;
        const lines: [string, string][] = [
          [t('meldcode.fields.outcome'), t(`meldcode.fields.outcomes.${d.outcome}`)],
          [t('meldcode.fields.decidedBy'), d.decidedBy],
        ];
        if (d.helpDescription) lines.push([t('meldcode.fields.helpDescription'), d.helpDescription]);
        if (d.parentInformedOn) lines.push([t('meldcode.fields.parentInformedOn'), fmt.date(d.parentInformedOn)]);
        if (d.notInformedReason) lines.push([t('meldcode.fields.notInformedReason'), d.notInformedReason]);
        if (d.anonymousReason) lines.push([t('meldcode.fields.anonymousReason'), d.anonymousReason]);
        if (d.explanation) lines.push([t('meldcode.fields.explanation'), d.explanation]);
        return lines;
      }
      case 'correction':
        return [[t('meldcode.fields.text'), entry.payload.text]];
    }
  };
}

function EntryBody({ entry }: { entry: MeldcodeEntry }) {
  const lines = useEntryLines()(entry);
  return (
    // The afwegingskader questions are long labels; other entries have short ones.
    <DataList labelWidth={entry.kind === 'weighing' ? 600 : 200} size="sm" mt={6}>
      {lines.map(([label, value]) => (
        <Detail key={label} label={label}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{value}</span>
        </Detail>
      ))}
    </DataList>
  );
}
