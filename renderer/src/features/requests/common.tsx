import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RequestSummary } from '../../../../shared/api/requests.schemas';
import { saveFile } from '../../api/client';

const DEADLINE_COLOR = { ok: 'gray', due_soon: 'orange', overdue: 'red' } as const;

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
    <Badge variant="light" color={outcome === 'granted' ? 'green' : outcome === 'refused' ? 'red' : 'orange'}>
      {t(`requests.outcomes.${outcome}`)}
    </Badge>
  );
}

/** The person a request is about, or a note that their data were erased. */
export function useSubjectLabel() {
  const { t } = useTranslation();
  return (r: Pick<RequestSummary, 'subjectName' | 'subjectType'>) => r.subjectName ?? t('requests.erasedSubject', { type: t(`requests.subjectTypes.${r.subjectType}`) });
}

export const savePdf = (file: { fileName: string; base64: string }) => saveFile(file.fileName, file.base64);
