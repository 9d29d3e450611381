import { Anchor, Badge, Button, Card, EmptyState, Group, SegmentedControl, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { WaitlistEntry } from '../../../../shared/api/clients.schemas';
import { errorMessage } from '../../api/forms';
import { apiQuery } from '../../api/queries';
import { FormError } from '../../components/FormError';
import { LoadingState } from '../../components/LoadingState';
import { useNotify } from '../../components/Notifications';
import { PageHeader } from '../../components/PageHeader';
import { useDaysText } from '../children/common';
import { formatDate } from '../children/format';
import { RegisterRequestDialog, WithdrawDialog } from './WaitlistDialogs';

type StatusFilter = WaitlistEntry['status'] | 'alle';
const FILTERS: readonly StatusFilter[] = ['open', 'geplaatst', 'ingetrokken', 'alle'];
const STATUS_COLOR = { open: 'blue', geplaatst: 'green', ingetrokken: 'gray' } as const;

/** Wachtlijst (waitlist.manage): requests for a place, registered, placed or withdrawn. */
export function WaitlistPage() {
  const { t } = useTranslation();
  const notify = useNotify();
  const daysText = useDaysText();
  const [params, setParams] = useSearchParams();
  const filterParam = params.get('status');
  const filter: StatusFilter = FILTERS.find((f) => f === filterParam) ?? 'open';
  const list = useQuery({ ...apiQuery('waitlist.list', { status: filter === 'alle' ? null : filter }), placeholderData: keepPreviousData });
  const [dialog, setDialog] = useState<{ kind: 'register' } | { kind: 'withdraw'; entry: WaitlistEntry } | null>(null);
  const close = () => { setDialog(null); };
  // With only open requests on screen the status column says nothing new.
  const showStatus = filter !== 'open';

  return (
    <>
      <PageHeader
        title={t('waitlist.title')}
        intro={t('waitlist.intro')}
        actions={<Button onClick={() => { setDialog({ kind: 'register' }); }}>{t('waitlist.register')}</Button>}
      />
      <Group mb="md" justify="space-between">
        <SegmentedControl
          aria-label={t('waitlist.filterLabel')}
          value={filter}
          onChange={(value) => { setParams(value === 'open' ? {} : { status: value }, { replace: true }); }}
          data={FILTERS.map((f) => ({ value: f, label: t(`waitlist.filters.${f}`) }))}
        />
        {list.data && (
          <Text size="sm" c="dimmed" role="status">
            {t('waitlist.count', { count: list.data.length })}
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
        ) : list.data.length === 0 ? (
          <EmptyState py="xl" title={t('waitlist.emptyTitle')} description={filter === 'open' ? t('waitlist.emptyOpen') : t('waitlist.emptyOther')} />
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
              <VisuallyHidden component="caption">{t('waitlist.caption')}</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('waitlist.columns.child')}</Table.Th>
                  <Table.Th scope="col">{t('waitlist.columns.parent')}</Table.Th>
                  <Table.Th scope="col">{t('waitlist.columns.wish')}</Table.Th>
                  <Table.Th scope="col">{t('waitlist.columns.start')}</Table.Th>
                  {showStatus && <Table.Th scope="col">{t('waitlist.columns.status')}</Table.Th>}
                  <Table.Th scope="col">{t('waitlist.columns.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.map((entry) => {
                  const childName = [entry.childFirstName, entry.childSurname].filter(Boolean).join(' ');
                  const label = childName || entry.parentName;
                  return (
                    <Table.Tr key={entry.id}>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {childName || (
                            <Text span c="dimmed" inherit fw={400}>
                              {t('waitlist.noChildName')}
                            </Text>
                          )}
                        </Text>
                        <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                          {entry.childBirthDate
                            ? t('waitlist.bornOn', { date: formatDate(entry.childBirthDate) })
                            : t('waitlist.expectedOn', { date: formatDate(entry.expectedDate) })}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{entry.parentName}</Text>
                        {entry.parentEmail && (
                          <Text size="sm" c="dimmed">
                            {entry.parentEmail}
                          </Text>
                        )}
                        {entry.parentPhone && (
                          <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                            {entry.parentPhone}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{t(`clients.careTypes.${entry.careType}`)}</Text>
                        <Text size="sm" c="dimmed">
                          {daysText(entry.desiredDays)}
                        </Text>
                        {entry.notes && (
                          <Text size="xs" c="dimmed" lineClamp={2} title={entry.notes} maw={260}>
                            {entry.notes}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Text size="sm">{formatDate(entry.desiredStartDate)}</Text>
                        <Text size="xs" c="dimmed">
                          {t('waitlist.registeredOn', { date: formatDate(entry.createdAt) })}
                        </Text>
                      </Table.Td>
                      {showStatus && (
                        <Table.Td>
                          <Stack gap={2} align="flex-start">
                            <Badge variant="light" color={STATUS_COLOR[entry.status]}>
                              {t(`waitlist.status.${entry.status}`)}
                            </Badge>
                            {entry.closedAt && (
                              <Text size="xs" c="dimmed">
                                {formatDate(entry.closedAt)}
                              </Text>
                            )}
                            {entry.withdrawReason && (
                              <Text size="xs" c="dimmed" lineClamp={2} title={entry.withdrawReason} maw={220}>
                                {entry.withdrawReason}
                              </Text>
                            )}
                          </Stack>
                        </Table.Td>
                      )}
                      <Table.Td>
                        {entry.status === 'open' ? (
                          <Stack gap={6} align="stretch" w={110}>
                            <Button size="compact-sm" component={Link} to={`/wachtlijst/${entry.id}/plaatsen`} aria-label={t('waitlist.placeFor', { name: label })}>
                              {t('waitlist.place')}
                            </Button>
                            <Button size="compact-sm" variant="default" onClick={() => { setDialog({ kind: 'withdraw', entry }); }} aria-label={t('waitlist.withdrawFor', { name: label })}>
                              {t('waitlist.withdraw')}
                            </Button>
                          </Stack>
                        ) : entry.placedChildId ? (
                          <Anchor component={Link} to={`/kinderen/${entry.placedChildId}`} size="sm">
                            {t('waitlist.toChild')}
                          </Anchor>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>

      {dialog?.kind === 'register' && (
        <RegisterRequestDialog
          onClose={close}
          onSaved={(entry) => {
            close();
            notify({ title: t('common.saved'), message: t('waitlist.registered', { name: entry.parentName }) });
            if (filter !== 'open' && filter !== 'alle') setParams({}, { replace: true });
          }}
        />
      )}
      {dialog?.kind === 'withdraw' && (
        <WithdrawDialog
          entry={dialog.entry}
          onClose={close}
          onSaved={() => {
            close();
            notify({ title: t('common.saved'), message: t('waitlist.withdrawn', { name: dialog.entry.parentName }) });
          }}
        />
      )}
    </>
  );
}
