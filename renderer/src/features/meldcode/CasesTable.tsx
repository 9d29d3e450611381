import { Badge, Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MeldcodeCaseSummary } from '../../../../shared/api/meldcode.schemas';
import { formatDate } from '../children/format';

export const STATUS_COLOR = { open: 'blue', closed: 'gray' } as const;

/** Who a case is about: the child, or the employee on the employee route. */
export function useCaseSubject() {
  const { t } = useTranslation();
  return (c: Pick<MeldcodeCaseSummary, 'childName' | 'suspectEmployeeName'>) => c.childName ?? t('meldcode.employee', { name: c.suspectEmployeeName ?? '' });
}

/** Case files as a table; each row opens the case page. */
export function CasesTable({ cases, showSubject = true }: { cases: readonly MeldcodeCaseSummary[]; showSubject?: boolean }) {
  const { t } = useTranslation();
  const subject = useCaseSubject();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
        <VisuallyHidden component="caption">{t('meldcode.caption')}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            {showSubject && <Table.Th scope="col">{t('meldcode.about')}</Table.Th>}
            <Table.Th scope="col">{t('meldcode.routeLabel')}</Table.Th>
            <Table.Th scope="col">{t('meldcode.status')}</Table.Th>
            <Table.Th scope="col">{t('meldcode.openedOn')}</Table.Th>
            <Table.Th scope="col">{t('meldcode.destructionDate')}</Table.Th>
            <Table.Th scope="col">{t('meldcode.entries')}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('meldcode.open')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cases.map((c) => (
            <Table.Tr key={c.id}>
              {showSubject && (
                <Table.Td fw={600}>
                  {subject(c)}
                  {c.childName && c.suspectEmployeeName && (
                    <Text size="sm" c="dimmed" fw={400}>
                      {t('meldcode.employee', { name: c.suspectEmployeeName })}
                    </Text>
                  )}
                </Table.Td>
              )}
              <Table.Td>{t(`meldcode.routes.${c.route}`)}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={STATUS_COLOR[c.status]}>
                  {t(`meldcode.statuses.${c.status}`)}
                </Badge>
                {c.closedOn && (
                  <Text size="xs" c="dimmed">
                    {formatDate(c.closedOn)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{formatDate(c.openedOn)}</Table.Td>
              <Table.Td>{c.destructionDate ? formatDate(c.destructionDate) : '—'}</Table.Td>
              <Table.Td>{c.entryCount}</Table.Td>
              <Table.Td>
                <Button component={Link} to={`/meldcode/${c.id}`} size="compact-sm" variant="default" aria-label={t('meldcode.openFor', { date: formatDate(c.openedOn) }) + (showSubject ? ` — ${subject(c)}` : '')}>
                  {t('meldcode.open')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
