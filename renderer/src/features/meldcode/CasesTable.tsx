import { Badge, Button, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MeldcodeCaseSummary } from '../../../../shared/api/meldcode.schemas';
import { DataTable } from '../../components/DataTable';
import type { EmptyContent } from '../../components/QueryState';
import { useFormat } from '../../lib/format';

export const STATUS_COLOR = { open: 'blue', closed: 'gray' } as const;

/** Who a case is about: the child, or the employee on the employee route. */
function useCaseSubject() {
  const { t } = useTranslation();
  return (c: Pick<MeldcodeCaseSummary, 'childName' | 'suspectEmployeeName'>) => c.childName ?? t('meldcode.employee', { name: c.suspectEmployeeName ?? '' });
}

/** Case files as a table; each row opens the case page. */
export function CasesTable({ query, empty, showSubject = true, card = false }: { query: UseQueryResult<readonly MeldcodeCaseSummary[], unknown>; empty: EmptyContent; showSubject?: boolean; card?: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const subject = useCaseSubject();
  return (
    <DataTable
      query={query}
      card={card}
      caption={t('meldcode.caption')}
      rowKey={(c) => c.id}
      minWidth={760}
      loaderHeight={card ? undefined : 80}
      tableProps={{ horizontalSpacing: 'md', highlightOnHover: true }}
      empty={empty}
      columns={[
        showSubject && {
          key: 'subject',
          header: t('meldcode.about'),
          strong: true,
          cell: (c) => (
            <>
              {subject(c)}
              {c.childName && c.suspectEmployeeName && (
                <Text size="sm" c="dimmed" fw={400}>
                  {t('meldcode.employee', { name: c.suspectEmployeeName })}
                </Text>
              )}
            </>
          ),
        },
        { key: 'route', header: t('meldcode.routeLabel'), cell: (c) => t(`meldcode.routes.${c.route}`) },
        {
          key: 'status',
          header: t('meldcode.status'),
          cell: (c) => (
            <>
              <Badge variant="light" color={STATUS_COLOR[c.status]}>
                {t(`meldcode.statuses.${c.status}`)}
              </Badge>
              {c.closedOn && (
                <Text size="xs" c="dimmed">
                  {fmt.date(c.closedOn)}
                </Text>
              )}
            </>
          ),
        },
        { key: 'opened', header: t('meldcode.openedOn'), cell: (c) => fmt.date(c.openedOn) },
        { key: 'destruction', header: t('meldcode.destructionDate'), cell: (c) => fmt.date(c.destructionDate) },
        { key: 'entries', header: t('meldcode.entries'), cell: (c) => c.entryCount },
        {
          key: 'open',
          header: t('meldcode.open'),
          hiddenHeader: true,
          cell: (c) => (
            <Button component={Link} to={`/meldcode/${c.id}`} size="compact-sm" variant="default" aria-label={t('meldcode.openFor', { date: fmt.date(c.openedOn) }) + (showSubject ? ` — ${subject(c)}` : '')}>
              {t('meldcode.open')}
            </Button>
          ),
        },
      ]}
    />
  );
}
