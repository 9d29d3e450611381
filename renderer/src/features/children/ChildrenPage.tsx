import { Button, Card, EmptyState, Group, NativeSelect, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../../api/forms';
import { apiQuery } from '../../api/queries';
import { FormError } from '../../components/FormError';
import { LoadingState } from '../../components/LoadingState';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../auth/session';
import { ChildrenTable } from './ChildrenTable';
import type { ContractStatusOfChild } from './common';

const STATUSES: readonly ContractStatusOfChild[] = ['geen', 'gepland', 'actief', 'beeindigd'];
const isStatus = (value: string | null): value is ContractStatusOfChild => STATUSES.some((s) => s === value);

/**
 * Kinderen: every child of the location in one virtualised list (stays smooth with 10,000 rows),
 * filtered by group and contract status (kept in the URL, so the dashboard can link to a group).
 */
export function ChildrenPage() {
  const { t } = useTranslation();
  const may = useCan();
  const [params, setParams] = useSearchParams();
  const group = params.get('groep') ?? '';
  const statusParam = params.get('status');
  const status = isStatus(statusParam) ? statusParam : null;
  const list = useQuery({
    ...apiQuery('children.list', { groupName: group || null, contractStatus: status }),
    placeholderData: keepPreviousData,
  });

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
  const filtered = Boolean(group || status);
  const groups = list.data?.groups ?? [];

  return (
    <>
      <PageHeader
        title={t('children.title')}
        intro={t('children.intro')}
        actions={
          may('clients.write') && (
            <Button component={Link} to="/gezinnen/nieuw">
              {t('households.new')}
            </Button>
          )
        }
      />
      <Group align="flex-end" gap="md" mb="md">
        <NativeSelect
          label={t('children.filterGroup')}
          value={group}
          onChange={(event) => { setFilter('groep', event.currentTarget.value); }}
          data={[{ value: '', label: t('children.allGroups') }, ...(group && !groups.includes(group) ? [group] : []), ...groups]}
          miw={200}
        />
        <NativeSelect
          label={t('children.filterStatus')}
          value={status ?? ''}
          onChange={(event) => { setFilter('status', event.currentTarget.value); }}
          data={[{ value: '', label: t('children.allStatuses') }, ...STATUSES.map((s) => ({ value: s, label: t(`clients.contractStatus.${s}`) }))]}
          miw={200}
        />
        {filtered && (
          <Button variant="subtle" onClick={() => { setParams({}, { replace: true }); }}>
            {t('children.clearFilters')}
          </Button>
        )}
        {list.data && (
          <Text ml="auto" size="sm" c="dimmed" role="status">
            {t('children.count', { count: list.data.rows.length })}
          </Text>
        )}
      </Group>
      <Card withBorder padding={0}>
        {list.isPending ? (
          <LoadingState />
        ) : list.isError ? (
          <Card.Section p="lg">
            <FormError message={errorMessage(list.error)} />
          </Card.Section>
        ) : list.data.rows.length === 0 ? (
          filtered ? (
            <EmptyState py="xl" title={t('children.emptyFilteredTitle')} description={t('children.emptyFilteredText')}>
              <EmptyState.Actions>
                <Button variant="light" onClick={() => { setParams({}, { replace: true }); }}>
                  {t('children.clearFilters')}
                </Button>
              </EmptyState.Actions>
            </EmptyState>
          ) : (
            <EmptyState py="xl" title={t('children.emptyTitle')} description={may('clients.write') ? t('children.emptyTextManager') : t('children.emptyText')}>
              {may('clients.write') && (
                <EmptyState.Actions>
                  <Button component={Link} to="/gezinnen/nieuw">
                    {t('households.new')}
                  </Button>
                </EmptyState.Actions>
              )}
            </EmptyState>
          )
        ) : (
          <ChildrenTable rows={list.data.rows} />
        )}
      </Card>
    </>
  );
}
