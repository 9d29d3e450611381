import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RequestSummary, RequestTask } from '../../../../shared/api/requests.schemas';

const DEADLINE_COLOR = { ok: 'gray', due_soon: 'orange', overdue: 'red' } as const;
const OUTCOME_COLOR = { granted: 'green', partially_granted: 'orange', refused: 'red' } as const;

/** The deadline with its state: gray in time, orange within 7 days, red overdue. */
export function DeadlineBadge({ request }: { request: Pick<RequestSummary, 'deadline' | 'deadlineState' | 'status'> }) {
  const { t } = useTranslation();
  if (request.status === 'closed' || !request.deadlineState) return null;
  return (
    <Badge variant="light" color={DEADLINE_COLOR[request.deadlineState]}>
      {t(`requests.deadlineState.${request.deadlineState}`)}
    </Badge>
  );
}

export function OutcomeBadge({ outcome }: { outcome: RequestSummary['outcome'] }) {
  const { t } = useTranslation();
  if (!outcome) return null;
  return (
    <Badge variant="light" color={OUTCOME_COLOR[outcome]}>
      {t(`requests.outcomes.${outcome}`)}
    </Badge>
  );
}

/** The person a request is about, or a note that their data were erased. */
export function useSubjectLabel() {
  const { t } = useTranslation();
  return (r: Pick<RequestSummary, 'subjectName' | 'subjectType'>) => r.subjectName ?? t('requests.erasedSubject', { type: t(`requests.subjectTypes.${r.subjectType}`) });
}

/** What a task asks: inform a recipient of the change, or inform the person before lifting a restriction. */
export function TaskText({ task }: { task: Pick<RequestTask, 'kind' | 'recipientName'> }) {
  const { t } = useTranslation();
  return task.kind === 'inform_recipient' ? t('requests.taskInformRecipient', { name: task.recipientName ?? '' }) : t('requests.taskInformBeforeLift');
}
