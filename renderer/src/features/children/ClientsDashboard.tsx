import { Anchor, Button, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Task } from '../../../../shared/api/clients.schemas';
import { appToday } from '../../../../shared/domain/clock';
import { useApiMutation } from '../../api/mutations';
import { apiQuery } from '../../api/queries';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataTable } from '../../components/DataTable';
import { useNotify } from '../../components/Notifications';
import { Empty, QueryState } from '../../components/QueryState';
import { Section, TitleCount } from '../../components/Section';
import { useFormat } from '../../lib/format';
import { useCan } from '../../lib/session';

/** Long lists show this many rows until the user asks for all of them. */
const SHOW_AT_MOST = 6;

/** The first rows of a list, and a button that shows the rest. */
function ShowMore<T>({ items, children }: { items: readonly T[]; children: (visible: readonly T[]) => ReactNode }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  return (
    <>
      {children(all ? items : items.slice(0, SHOW_AT_MOST))}
      {items.length > SHOW_AT_MOST && (
        <Button variant="subtle" size="compact-sm" onClick={() => { setAll((v) => !v); }} style={{ alignSelf: 'flex-start' }}>
          {all ? t('dashboardTasks.showFewer') : t('dashboardTasks.showAll', { count: items.length })}
        </Button>
      )}
    </>
  );
}

/** A dashboard card listing what needs doing; its count beside the title. */
function TaskCard<T>({ title, items, empty, intro, count = false, children }: { title: string; items: readonly T[]; empty: string; intro?: string; count?: boolean; children: (visible: readonly T[]) => ReactNode }) {
  return (
    <Section
      title={
        <>
          {title}
          {count && <TitleCount count={items.length} />}
        </>
      }
    >
      {items.length === 0 ? (
        <Empty content={empty} />
      ) : (
        <Stack gap="xs">
          {intro && (
            <Text size="sm" c="dimmed">
              {intro}
            </Text>
          )}
          <ShowMore items={items}>{children}</ShowMore>
        </Stack>
      )}
    </Section>
  );
}

const groupLink = (groupId: string) => `/kinderen?groep=${encodeURIComponent(groupId)}`;

/**
 * The client part of the Overzicht. Managers (tasks.manage) see what needs doing: paper dossiers
 * to destroy, missing BSN-controles, contracts ending within 30 days, and counts per group.
 * Staff see their location's groups and where to search.
 */
export function ClientsDashboard() {
  const may = useCan();
  if (may('tasks.manage')) return <ManagerTasks />;
  if (may('clients.read')) return <StaffGroups />;
  return null;
}

function ManagerTasks() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const notify = useNotify();
  const dashboard = useQuery(apiQuery('dashboard.get', {}));
  const [confirming, setConfirming] = useState<Task | null>(null);
  const confirm = useApiMutation('tasks.confirm', {
    onSuccess: () => {
      if (confirming) notify({ title: t('common.saved'), message: t('dashboardTasks.confirmed', { name: confirming.childName }) });
      setConfirming(null);
    },
  });
  const today = appToday();

  return (
    <QueryState query={dashboard} loaderHeight={120}>
      {({ openTasks, bsnChecksMissing, contractsEnding, groups }) => (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" mb="lg">
          <TaskCard title={t('dashboardTasks.dossiersTitle')} items={openTasks} empty={t('dashboardTasks.noDossiers')} intro={t('dashboardTasks.dossiersIntro')} count>
            {(visible) =>
              visible.map((task) => (
                <Group key={task.id} justify="space-between" wrap="nowrap" gap="sm" data-testid="dossier-task">
                  <Stack gap={0}>
                    <Anchor component={Link} to={`/kinderen/${task.childId}`} fw={600}>
                      {task.childName}
                    </Anchor>
                    {/* Plain text, not a badge: the only thing to click is the confirmation button. */}
                    <Text size="sm" c={task.dueDate <= today ? 'red.9' : 'dimmed'}>
                      {task.dueDate <= today ? t('dashboardTasks.dueSince', { date: fmt.date(task.dueDate) }) : t('dashboardTasks.dueFrom', { date: fmt.date(task.dueDate) })}
                    </Text>
                  </Stack>
                  <Button size="compact-sm" variant="light" style={{ flexShrink: 0 }} onClick={() => { setConfirming(task); }} aria-label={t('dashboardTasks.confirmFor', { name: task.childName })}>
                    {t('dashboardTasks.confirm')}
                  </Button>
                </Group>
              ))
            }
          </TaskCard>

          <TaskCard title={t('dashboardTasks.bsnTitle')} items={bsnChecksMissing} empty={t('dashboardTasks.noBsn')} intro={t('dashboardTasks.bsnIntro')} count>
            {(visible) => (
              <List spacing={4} size="sm">
                {visible.map((item) => (
                  <List.Item key={`${item.subject}:${item.id}`}>
                    <Anchor component={Link} to={item.subject === 'child' ? `/kinderen/${item.id}` : `/gezinnen/${item.householdId}`} size="sm" fw={600}>
                      {item.displayName}
                    </Anchor>{' '}
                    <Text span size="sm" c="dimmed">
                      ({item.subject === 'child' ? t('dashboardTasks.child') : t('dashboardTasks.contractParent')}
                      {!item.hasBsn && `, ${t('dashboardTasks.noBsnYet')}`})
                    </Text>
                  </List.Item>
                ))}
              </List>
            )}
          </TaskCard>

          <TaskCard title={t('dashboardTasks.endingTitle')} items={contractsEnding} empty={t('dashboardTasks.noEnding')}>
            {(visible) => (
              <List spacing={4} size="sm">
                {visible.map((item) => (
                  <List.Item key={item.contractId}>
                    <Anchor component={Link} to={`/kinderen/${item.childId}?tab=contracten`} size="sm" fw={600}>
                      {item.childName}
                    </Anchor>
                    {' — '}
                    {t('dashboardTasks.endingOn', { careType: t(`clients.careTypes.${item.careType}`), date: fmt.date(item.endDate) })}
                  </List.Item>
                ))}
              </List>
            )}
          </TaskCard>

          <Section title={t('dashboardTasks.groupsTitle')}>
            <GroupsTable rows={groups} withContracts />
          </Section>

          {confirming && (
            <ConfirmDialog
              title={t('dashboardTasks.confirmTitle')}
              confirmLabel={t('dashboardTasks.confirmSubmit')}
              mutation={confirm}
              onConfirm={() => { confirm.mutate({ id: confirming.id }); }}
              onClose={() => { setConfirming(null); }}
            >
              <Text>{t('dashboardTasks.confirmText', { name: confirming.childName })}</Text>
              <Text size="sm" c="dimmed">
                {t('dashboardTasks.confirmRecorded')}
              </Text>
            </ConfirmDialog>
          )}
        </SimpleGrid>
      )}
    </QueryState>
  );
}

interface GroupRow {
  groupId: string;
  groupName: string;
  children: number;
  capacity: number | null;
  activeContracts?: number;
}

function GroupsTable({ rows, withContracts }: { rows: readonly GroupRow[]; withContracts: boolean }) {
  const { t } = useTranslation();
  return (
    <DataTable
      rows={rows}
      caption={t('dashboardTasks.groupsTitle')}
      rowKey={(row) => row.groupId}
      tableProps={{ verticalSpacing: 6 }}
      empty={t('dashboardTasks.noGroups')}
      columns={[
        {
          key: 'group',
          header: t('clients.group'),
          cell: (row) => (
            <Anchor component={Link} to={groupLink(row.groupId)} size="sm">
              {row.groupName}
            </Anchor>
          ),
        },
        { key: 'children', header: t('dashboardTasks.childrenCount'), align: 'right', cell: (row) => (row.capacity ? t('groups.occupancy', { children: row.children, capacity: row.capacity }) : row.children) },
        withContracts && { key: 'contracts', header: t('dashboardTasks.activeContracts'), align: 'right', cell: (row) => row.activeContracts },
      ]}
    />
  );
}

/** Staff: the groups of the location (with links to their lists) and a pointer to the search box. */
function StaffGroups() {
  const { t } = useTranslation();
  // The Groepen list with its counts: archived groups only while children are in them.
  const list = useQuery(apiQuery('groups.list', {}));
  const groups = useMemo(
    () => (list.data ?? []).filter((g) => !g.archived || g.children > 0).map((g) => ({ groupId: g.id, groupName: g.name, children: g.children, capacity: g.capacity })),
    [list.data],
  );
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" mb="lg">
      <Section title={t('dashboardTasks.staffGroupsTitle')}>
        <QueryState query={list} loaderHeight={80}>
          {() => <GroupsTable rows={groups} withContracts={false} />}
        </QueryState>
      </Section>
      <Section title={t('dashboardTasks.searchTitle')}>
        <Stack gap="sm" align="flex-start">
          <Text>{t('dashboardTasks.searchText')}</Text>
          <Button component={Link} to="/kinderen" variant="light">
            {t('dashboardTasks.toChildren')}
          </Button>
        </Stack>
      </Section>
    </SimpleGrid>
  );
}
