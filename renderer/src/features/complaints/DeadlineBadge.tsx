import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeadlineState } from '../../../../shared/domain/requests';

const COLOR = { ok: 'gray', due_soon: 'orange', overdue: 'red' } as const;

/** The six-week deadline of an open complaint: gray in time, orange within 7 days, red when it has passed. */
export function DeadlineBadge({ state }: { state: DeadlineState | null }) {
  const { t } = useTranslation();
  if (!state) return null;
  return (
    <Badge variant="light" color={COLOR[state]}>
      {t(`complaints.deadlineState.${state}`)}
    </Badge>
  );
}
