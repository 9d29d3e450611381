import { Anchor, Badge, Button, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { WaitlistEntry } from '../../../../shared/api/clients.schemas';
import { apiQuery } from '../../api/queries';
import { useDaysText } from '../../components/ClientFields';
import { DataTable } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { StatusFilter, useStatusFilter } from '../../components/StatusFilter';
import { useFormat } from '../../lib/format';
import { RegisterRequestDialog, WithdrawDialog } from './WaitlistDialogs';

const FILTERS = [...WaitlistEntry.shape.status.options, 'alle'] as const;
const STATUS_COLOR = { open: 'blue', geplaatst: 'green', ingetrokken: 'gray', afgewezen: 'gray' } as const;

/** Wachtlijst (waitlist.manage): requests for a place, registered, placed or withdrawn. */
export function WaitlistPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const daysText = useDaysText();
  const [filter, setFilter] = useStatusFilter(FILTERS, 'open');
  const list = useQuery({ ...apiQuery('waitlist.list', { status: filter === 'alle' ? null : filter }), placeholderData: keepPreviousData });
  const [dialog, setDialog] = useState<{ kind: 'register' } | { kind: 'withdraw'; entry: WaitlistEntry } | null>(null);
  const close = () => { setDialog(null); };
  const childNameOf = (entry: WaitlistEntry) => [entry.childFirstName, entry.childSurname].filter(Boolean).join(' ');

  return (
    <>
      <PageHeader title={t('waitlist.title')} intro={t('waitlist.intro')} actions={<Button onClick={() => { setDialog({ kind: 'register' }); }}>{t('waitlist.register')}</Button>} />
      <StatusFilter
        label={t('waitlist.filterLabel')}
        filters={FILTERS}
        value={filter}
        onChange={setFilter}
        labelOf={(f) => t(`waitlist.filters.${f}`)}
        count={list.data && t('waitlist.count', { count: list.data.length })}
      />
      <DataTable
        card
        query={list}
        caption={t('waitlist.caption')}
        rowKey={(entry) => entry.id}
        minWidth={900}
        tableProps={{ horizontalSpacing: 'md', highlightOnHover: true }}
        empty={{ title: t('waitlist.emptyTitle'), text: filter === 'open' ? t('waitlist.emptyOpen') : t('waitlist.emptyOther') }}
        columns={[
          {
            key: 'child',
            header: t('waitlist.columns.child'),
            cell: (entry) => (
              <>
                <Text size="sm" fw={600}>
                  {childNameOf(entry) || (
                    <Text span c="dimmed" inherit fw={400}>
                      {t('waitlist.noChildName')}
                    </Text>
                  )}
                </Text>
                <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {entry.childBirthDate ? t('waitlist.bornOn', { date: fmt.date(entry.childBirthDate) }) : t('waitlist.expectedOn', { date: fmt.date(entry.expectedDate) })}
                </Text>
              </>
            ),
          },
          {
            key: 'parent',
            header: t('waitlist.columns.parent'),
            cell: (entry) => (
              <>
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
              </>
            ),
          },
          {
            key: 'wish',
            header: t('waitlist.columns.wish'),
            cell: (entry) => (
              <>
                <Text size="sm">{t(`clients.careTypes.${entry.careType}`)}</Text>
                <Text size="sm" c="dimmed">
                  {daysText(entry.desiredDays)}
                </Text>
                {entry.notes && (
                  <Text size="xs" c="dimmed" lineClamp={2} title={entry.notes} maw={260}>
                    {entry.notes}
                  </Text>
                )}
              </>
            ),
          },
          {
            key: 'start',
            header: t('waitlist.columns.start'),
            whiteSpace: 'nowrap',
            cell: (entry) => (
              <>
                <Text size="sm">{fmt.date(entry.desiredStartDate)}</Text>
                <Text size="xs" c="dimmed">
                  {t('waitlist.registeredOn', { date: fmt.date(entry.createdAt) })}
                </Text>
              </>
            ),
          },
          // With only open requests on screen the status column says nothing new.
          filter !== 'open' && {
            key: 'status',
            header: t('waitlist.columns.status'),
            cell: (entry) => (
              <Stack gap={2} align="flex-start">
                <Badge variant="light" color={STATUS_COLOR[entry.status]}>
                  {t(`waitlist.status.${entry.status}`)}
                </Badge>
                {entry.closedAt && (
                  <Text size="xs" c="dimmed">
                    {fmt.date(entry.closedAt)}
                  </Text>
                )}
                {entry.withdrawReason && (
                  <Text size="xs" c="dimmed" lineClamp={2} title={entry.withdrawReason} maw={220}>
                    {entry.withdrawReason}
                  </Text>
                )}
              </Stack>
            ),
          },
          {
            key: 'actions',
            header: t('waitlist.columns.actions'),
            cell: (entry) =>
              entry.status === 'open' ? (
                <Stack gap={6} align="stretch" w={110}>
                  <Button size="compact-sm" component={Link} to={`/wachtlijst/${entry.id}/plaatsen`} aria-label={t('waitlist.placeFor', { name: childNameOf(entry) || entry.parentName })}>
                    {t('waitlist.place')}
                  </Button>
                  <Button size="compact-sm" variant="default" onClick={() => { setDialog({ kind: 'withdraw', entry }); }} aria-label={t('waitlist.withdrawFor', { name: childNameOf(entry) || entry.parentName })}>
                    {t('waitlist.withdraw')}
                  </Button>
                </Stack>
              ) : (
                entry.placedChildId && (
                  <Anchor component={Link} to={`/kinderen/${entry.placedChildId}`} size="sm">
                    {t('waitlist.toChild')}
                  </Anchor>
                )
              ),
          },
        ]}
      />

      {dialog?.kind === 'register' && (
        <RegisterRequestDialog
          onClose={close}
          onSaved={() => {
            close();
            if (filter !== 'open' && filter !== 'alle') setFilter('open');
          }}
        />
      )}
      {dialog?.kind === 'withdraw' && <WithdrawDialog entry={dialog.entry} onClose={close} />}
    </>
  );
}
