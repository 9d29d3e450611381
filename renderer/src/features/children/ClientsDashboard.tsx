import { Anchor, Badge, Button, Card, Group, List, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Task } from '../../../../shared/api/clients.schemas';
import { errorMessage } from '../../api/forms';
import { apiQuery } from '../../api/queries';
import { AppModal } from '../../components/AppModal';
import { FormError } from '../../components/FormError';
import { LoadingState } from '../../components/LoadingState';
import { useNotify } from '../../components/Notifications';
import { useCan } from '../auth/session';
import { formatDate } from './format';
import { useApiMutation } from '../../api/mutations';
import { appToday } from '../../../../shared/domain/clock';

/** Long lists show this many rows until the user asks for all of them. */
const SHOW_AT_MOST = 6;

/** The first rows of a list, and a button that shows the rest. */
function useShowMore<T>(items: readonly T[]) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const visible = all ? items : items.slice(0, SHOW_AT_MOST);
  const toggle =
    items.length > SHOW_AT_MOST ? (
      <Button variant="subtle" size="compact-sm" onClick={() => { setAll((v) => !v); }} style={{ alignSelf: 'flex-start' }}>
        {all ? t('dashboardTasks.showFewer') : t('dashboardTasks.showAll', { count: items.length })}
      </Button>
    ) : null;
  return { visible, toggle };
}

function DashCard({ title, id, count, children }: { title: string; id: string; count?: number; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Group gap="xs" mb="sm" wrap="nowrap">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        {count !== undefined && count > 0 && (
          <Badge variant="light" color="red" aria-hidden="true">
            {count}
          </Badge>
        )}
      </Group>
      {children}
    </Card>
  );
}

const groupLink = (groupName: string) => `/kinderen?groep=${encodeURIComponent(groupName)}`;

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
  const dashboard = useQuery(apiQuery('dashboard.get', {}));
  const [confirming, setConfirming] = useState<Task | null>(null);
  const notify = useNotify();
  const today = appToday();
  const tasks = useShowMore(dashboard.data?.openTasks ?? []);
  const missing = useShowMore(dashboard.data?.bsnChecksMissing ?? []);
  const ending = useShowMore(dashboard.data?.contractsEnding ?? []);

  if (dashboard.isPending) return <LoadingState minHeight={120} />;
  if (dashboard.isError) return <FormError message={errorMessage(dashboard.error)} />;
  const { openTasks, bsnChecksMissing, contractsEnding, groups } = dashboard.data;

  return (
    <>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" mb="lg">
        <DashCard title={t('dashboardTasks.dossiersTitle')} id="dash-dossiers" count={openTasks.length}>
          {openTasks.length === 0 ? (
            <Text c="dimmed">{t('dashboardTasks.noDossiers')}</Text>
          ) : (
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {t('dashboardTasks.dossiersIntro')}
              </Text>
              {tasks.visible.map((task) => (
                <Group key={task.id} justify="space-between" wrap="nowrap" gap="sm" data-testid="dossier-task">
                  <Stack gap={0}>
                    <Anchor component={Link} to={`/kinderen/${task.childId}`} fw={600}>
                      {task.childName}
                    </Anchor>
                    <Group gap={6}>
                      <Text size="sm">{t('dashboardTasks.dueOn', { date: formatDate(task.dueDate) })}</Text>
                      {task.dueDate <= today ? (
                        <Badge variant="light" color="red" size="sm">
                          {t('dashboardTasks.dueNow')}
                        </Badge>
                      ) : (
                        <Badge variant="light" color="blue" size="sm">
                          {t('dashboardTasks.dueLater')}
                        </Badge>
                      )}
                    </Group>
                  </Stack>
                  <Button size="compact-sm" variant="light" style={{ flexShrink: 0 }} onClick={() => { setConfirming(task); }} aria-label={t('dashboardTasks.confirmFor', { name: task.childName })}>
                    {t('dashboardTasks.confirm')}
                  </Button>
                </Group>
              ))}
              {tasks.toggle}
            </Stack>
          )}
        </DashCard>

        <DashCard title={t('dashboardTasks.bsnTitle')} id="dash-bsn" count={bsnChecksMissing.length}>
          {bsnChecksMissing.length === 0 ? (
            <Text c="dimmed">{t('dashboardTasks.noBsn')}</Text>
          ) : (
            <Stack gap="xs">
              <Text size="sm" c="dimmed">
                {t('dashboardTasks.bsnIntro')}
              </Text>
              <List spacing={4} size="sm">
                {missing.visible.map((item) => (
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
              {missing.toggle}
            </Stack>
          )}
        </DashCard>

        <DashCard title={t('dashboardTasks.endingTitle')} id="dash-ending">
          {contractsEnding.length === 0 ? (
            <Text c="dimmed">{t('dashboardTasks.noEnding')}</Text>
          ) : (
            <Stack gap="xs">
              <List spacing={4} size="sm">
                {ending.visible.map((item) => (
                  <List.Item key={item.contractId}>
                    <Anchor component={Link} to={`/kinderen/${item.childId}?tab=contracten`} size="sm" fw={600}>
                      {item.childName}
                    </Anchor>
                    {' — '}
                    {t('dashboardTasks.endingOn', { careType: t(`clients.careTypes.${item.careType}`), date: formatDate(item.endDate) })}
                  </List.Item>
                ))}
              </List>
              {ending.toggle}
            </Stack>
          )}
        </DashCard>

        <DashCard title={t('dashboardTasks.groupsTitle')} id="dash-groups">
          <GroupsTable rows={groups} withContracts />
        </DashCard>
      </SimpleGrid>

      {confirming && (
        <ConfirmTaskDialog
          task={confirming}
          onClose={() => { setConfirming(null); }}
          onDone={() => {
            notify({ title: t('common.saved'), message: t('dashboardTasks.confirmed', { name: confirming.childName }) });
            setConfirming(null);
          }}
        />
      )}
    </>
  );
}

function GroupsTable({ rows, withContracts }: { rows: { groupName: string; children: number; activeContracts?: number }[]; withContracts: boolean }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <Text c="dimmed">{t('dashboardTasks.noGroups')}</Text>;
  return (
    <Table verticalSpacing={6}>
      <VisuallyHidden component="caption">{t('dashboardTasks.groupsTitle')}</VisuallyHidden>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('clients.group')}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t('dashboardTasks.childrenCount')}
          </Table.Th>
          {withContracts && (
            <Table.Th scope="col" ta="right">
              {t('dashboardTasks.activeContracts')}
            </Table.Th>
          )}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.groupName}>
            <Table.Td>
              <Anchor component={Link} to={groupLink(row.groupName)} size="sm">
                {row.groupName}
              </Anchor>
            </Table.Td>
            <Table.Td ta="right">{row.children}</Table.Td>
            {withContracts && <Table.Td ta="right">{row.activeContracts}</Table.Td>}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** "Vernietigd — bevestigen": who confirms and when is recorded (tasks.confirm). */
function ConfirmTaskDialog({ task, onClose, onDone }: { task: Task; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const confirm = useApiMutation('tasks.confirm', { onSuccess: onDone });
  return (
    <AppModal onClose={onClose} title={t('dashboardTasks.confirmTitle')} size="md">
      <Stack gap="md">
        <Text>{t('dashboardTasks.confirmText', { name: task.childName })}</Text>
        <Text size="sm" c="dimmed">
          {t('dashboardTasks.confirmRecorded')}
        </Text>
        <FormError message={confirm.isError ? errorMessage(confirm.error) : null} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button loading={confirm.isPending} onClick={() => { confirm.mutate({ id: task.id }); }}>
            {t('dashboardTasks.confirmSubmit')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}

/** Staff: the groups of the location (with links to their lists) and a pointer to the search box. */
function StaffGroups() {
  const { t } = useTranslation();
  const list = useQuery(apiQuery('children.list', { groupName: null, contractStatus: null }));
  const groups = useMemo(() => {
    const counts = new Map<string, number>();
    for (const row of list.data?.rows ?? []) counts.set(row.groupName, (counts.get(row.groupName) ?? 0) + 1);
    return (list.data?.groups ?? []).map((groupName) => ({ groupName, children: counts.get(groupName) ?? 0 }));
  }, [list.data]);
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" mb="lg">
      <DashCard title={t('dashboardTasks.staffGroupsTitle')} id="dash-staff-groups">
        {list.isPending ? <LoadingState minHeight={80} /> : list.isError ? <FormError message={errorMessage(list.error)} /> : <GroupsTable rows={groups} withContracts={false} />}
      </DashCard>
      <DashCard title={t('dashboardTasks.searchTitle')} id="dash-search">
        <Stack gap="sm" align="flex-start">
          <Text>{t('dashboardTasks.searchText')}</Text>
          <Button component={Link} to="/kinderen" variant="light">
            {t('dashboardTasks.toChildren')}
          </Button>
        </Stack>
      </DashCard>
    </SimpleGrid>
  );
}
