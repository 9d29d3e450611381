import { Anchor, Button, Group, NativeSelect, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { ChildListRow } from '../../../../shared/api/clients.schemas';
import { apiQuery } from '../../api/queries';
import { AllergyMarker } from '../../components/AllergyMarker';
import { CONTRACT_STATUSES, ContractStatusBadge, type ContractStatusOfChild } from '../../components/ClientFields';
import { DataTable } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../lib/format';
import { useCan } from '../../lib/session';

const isStatus = (value: string | null): value is ContractStatusOfChild => CONTRACT_STATUSES.some((s) => s === value);

const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });
/** Achternaam first (without tussenvoegsel, as Dutch lists sort), then the whole name. */
const byName = (a: ChildListRow, b: ChildListRow) => collator.compare(a.surname, b.surname) || collator.compare(a.displayName, b.displayName);
const byBirthDate = (a: ChildListRow, b: ChildListRow) => (a.birthDate < b.birthDate ? -1 : a.birthDate > b.birthDate ? 1 : byName(a, b));
const byGroup = (a: ChildListRow, b: ChildListRow) => collator.compare(a.groupName, b.groupName) || byName(a, b);

/**
 * Kinderen: every child of the location in one list (virtualised: stays smooth with 10,000 rows),
 * filtered by group and contract status (kept in the URL, so the dashboard can link to a group).
 */
export function ChildrenPage() {
  const { t } = useTranslation();
  const may = useCan();
  const fmt = useFormat();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const group = params.get('groep') ?? '';
  const statusParam = params.get('status');
  const status = isStatus(statusParam) ? statusParam : null;
  // The group filter holds a group id from the Groepen list (the dashboard links with it too).
  const list = useQuery({ ...apiQuery('children.list', { groupId: group || null, contractStatus: status }), placeholderData: keepPreviousData, select: (data) => data.rows });
  const groups = (useQuery(apiQuery('groups.list', {})).data ?? []).filter((g) => !g.archived || g.children > 0 || g.id === group);

  const setFilter = (key: 'groep' | 'status', value: string) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  };
  const clearFilters = () => { setParams({}, { replace: true }); };
  const filtered = Boolean(group || status);
  const newHousehold = may('clients.write') && (
    <Button component={Link} to="/gezinnen/nieuw">
      {t('households.new')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('children.title')} intro={t('children.intro')} actions={newHousehold} />
      <Group align="flex-end" gap="md" mb="md">
        <NativeSelect
          label={t('children.filterGroup')}
          value={group}
          onChange={(event) => { setFilter('groep', event.currentTarget.value); }}
          data={[{ value: '', label: t('children.allGroups') }, ...groups.map((g) => ({ value: g.id, label: g.archived ? t('groups.archivedOption', { name: g.name }) : g.name }))]}
          miw={200}
        />
        <NativeSelect
          label={t('children.filterStatus')}
          value={status ?? ''}
          onChange={(event) => { setFilter('status', event.currentTarget.value); }}
          data={[{ value: '', label: t('children.allStatuses') }, ...CONTRACT_STATUSES.map((s) => ({ value: s, label: t(`clients.contractStatus.${s}`) }))]}
          miw={200}
        />
        {filtered && (
          <Button variant="subtle" onClick={clearFilters}>
            {t('children.clearFilters')}
          </Button>
        )}
        {list.data && (
          <Text ml="auto" size="sm" c="dimmed" role="status">
            {t('children.count', { count: list.data.length })}
          </Text>
        )}
      </Group>
      <DataTable
        card
        query={list}
        caption={t('children.tableCaption')}
        rowKey={(child) => child.id}
        initialSort={{ key: 'name', direction: 'asc' }}
        onRowClick={(child) => void navigate(`/kinderen/${child.id}`)}
        empty={
          filtered
            ? { title: t('children.emptyFilteredTitle'), text: t('children.emptyFilteredText'), actions: <Button variant="light" onClick={clearFilters}>{t('children.clearFilters')}</Button> }
            : { title: t('children.emptyTitle'), text: may('clients.write') ? t('children.emptyTextManager') : t('children.emptyText'), actions: newHousehold }
        }
        columns={[
          {
            key: 'name',
            header: t('children.columns.name'),
            sort: byName,
            width: 'minmax(180px, 2.2fr)',
            // A real link (keyboard, middle click); a click elsewhere on the row opens the child too.
            cell: (child) => (
              <Group gap="xs" wrap="nowrap">
                <Anchor component={Link} to={`/kinderen/${child.id}`} fw={600} size="sm">
                  {child.displayName}
                </Anchor>
                {child.hasAllergies && <AllergyMarker />}
              </Group>
            ),
          },
          { key: 'birthDate', header: t('children.columns.birthDate'), sort: byBirthDate, width: '140px', cell: (child) => fmt.date(child.birthDate) },
          { key: 'group', header: t('children.columns.group'), sort: byGroup, width: 'minmax(120px, 1.4fr)', cell: (child) => child.groupName },
          { key: 'status', header: t('children.columns.contractStatus'), width: '130px', cell: (child) => <ContractStatusBadge status={child.contractStatus} /> },
          {
            key: 'parent',
            header: t('children.columns.contractParent'),
            width: 'minmax(150px, 1.8fr)',
            cell: (child) =>
              child.contractParentName || (
                <Text span c="dimmed" size="sm">
                  —
                </Text>
              ),
          },
        ]}
      />
    </>
  );
}
