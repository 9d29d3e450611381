import { Alert, Badge, Button, Card, Code, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateLocationRequest, type ConsoleDevice, type ConsoleLocation, type ConsoleSealing, type SessionInfo } from '../../../shared/console/api';
import { formatFingerprint } from '../../../shared/sync/protocol';
import { mayDo } from '../../../shared/console/roles';
import { errorMessage } from '../api/forms';
import { AppModal } from '../components/AppModal';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { DataTable } from '../components/DataTable';
import { DialogButtons } from '../components/FormDialog';
import { FormError } from '../components/FormError';
import { useNotify } from '../components/Notifications';
import { PageHeader } from '../components/PageHeader';
import { QueryState } from '../components/QueryState';
import { useFormat } from '../lib/format';
import { consoleApi } from './api';

const LOCATIONS_KEY = ['console', 'locations'] as const;

/** Locations, their office PCs, last sync and audit anchor; IT adds locations, makes koppelcodes and revokes devices. */
export function LocationsPage({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const locations = useQuery({ queryKey: LOCATIONS_KEY, queryFn: consoleApi.locations });
  const manages = mayDo(session.user.role, 'locations.manage');
  const [adding, setAdding] = useState(false);
  return (
    <>
      <PageHeader title={t('console.locations.title')} intro={t('console.locations.intro')} actions={manages && <Button onClick={() => setAdding(true)}>{t('console.locations.add')}</Button>} />
      <EscrowKeyNotice />
      <QueryState query={locations} empty={{ title: t('console.locations.empty'), text: t('console.locations.emptyText') }}>
        {(list) => (
          <Stack gap="lg">
            {list.map((location) => (
              <LocationCard key={location.id} location={location} manages={manages} />
            ))}
          </Stack>
        )}
      </QueryState>
      {adding && <AddLocationDialog onClose={() => setAdding(false)} />}
    </>
  );
}

function LocationCard({ location, manages }: { location: ConsoleLocation; manages: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [code, setCode] = useState<{ code: string; expiresAt: string } | null>(null);
  const [revoking, setRevoking] = useState<ConsoleDevice | null>(null);
  const issue = useMutation({ mutationFn: () => consoleApi.issueCode(location.id), onSuccess: setCode });
  const titleId = `location-${location.id}`;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={titleId}>
      <Group justify="space-between" align="flex-start" mb="sm">
        <Stack gap={2}>
          <Title order={2} size="h3" id={titleId}>
            {location.name}
          </Title>
          <Text size="sm" c="dimmed">
            {t('console.locations.since', { date: format.date(location.createdAt) })} · {t('console.locations.changes', { count: location.version })}
          </Text>
          <SealingState sealing={location.sealing} />
        </Stack>
        {manages && (
          <Button variant="light" loading={issue.isPending} onClick={() => issue.mutate()}>
            {t('console.locations.issueCode')}
          </Button>
        )}
      </Group>
      <FormError message={issue.isError ? errorMessage(issue.error) : null} />
      <DataTable
        caption={t('console.locations.devices')}
        rows={location.devices}
        rowKey={(device) => device.id}
        empty={t('console.locations.noDevices')}
        columns={[
          { key: 'name', header: t('console.locations.device'), cell: (d) => d.name, rowHeader: true, strong: true },
          { key: 'sync', header: t('console.locations.lastSync'), cell: (d) => (d.lastSyncAt ? format.dateTime(d.lastSyncAt) : t('common.never')) },
          {
            key: 'conflicts',
            header: t('console.locations.conflicts'),
            cell: (d) =>
              d.openConflicts === null ? (
                t('console.locations.conflictsUnknown')
              ) : d.openConflicts > 0 ? (
                <Badge color="orange" variant="light">
                  {t('console.locations.conflictsOpen', { count: d.openConflicts })}
                </Badge>
              ) : (
                t('console.locations.conflictsNone')
              ),
          },
          {
            key: 'anchor',
            header: t('console.locations.anchor'),
            cell: (d) => (d.lastAnchor ? t('console.locations.anchorValue', { seq: d.lastAnchor.seq, time: format.dateTime(d.lastAnchor.receivedAt) }) : t('console.locations.noAnchor')),
          },
          {
            key: 'status',
            header: t('console.locations.status'),
            cell: (d) => (d.revokedAt ? <Badge color="gray" variant="light">{t('console.locations.revoked', { date: format.date(d.revokedAt) })}</Badge> : <Badge color="green" variant="light">{t('console.locations.active')}</Badge>),
          },
          manages && {
            key: 'actions',
            header: t('console.locations.revoke'),
            hiddenHeader: true,
            align: 'right',
            cell: (d) =>
              !d.revokedAt && (
                <Button size="compact-sm" variant="subtle" color="red" aria-label={t('console.locations.revokeAria', { name: d.name })} onClick={() => setRevoking(d)}>
                  {t('console.locations.revoke')}
                </Button>
              ),
          },
        ]}
      />
      {code && (
        <AppModal title={t('console.locations.codeTitle', { name: location.name })} onClose={() => setCode(null)} size="md">
          <Stack gap="md">
            <Text>{t('console.locations.codeIntro')}</Text>
            <Code block fz="xl" ta="center" data-testid="koppelcode">
              {code.code}
            </Code>
            <Text size="sm" c="dimmed">
              {t('console.locations.codeValid', { time: format.dateTimeLong(code.expiresAt) })}
            </Text>
            <Group justify="flex-end">
              <Button onClick={() => setCode(null)} data-autofocus>
                {t('common.close')}
              </Button>
            </Group>
          </Stack>
        </AppModal>
      )}
      {revoking && <RevokeDialog device={revoking} onClose={() => setRevoking(null)} />}
    </Card>
  );
}

/** The escrow key's fingerprint in groups of four (as the CLI and the PCs show it), or how IT sets one. */
function EscrowKeyNotice() {
  const { t } = useTranslation();
  const format = useFormat();
  const escrow = useQuery({ queryKey: ['console', 'escrow-key'], queryFn: consoleApi.escrowKey });
  if (!escrow.data) return null;
  const { fingerprint, setAt } = escrow.data;
  return (
    <Alert color={fingerprint ? 'blue' : 'orange'} variant="light" title={t('console.locations.escrowTitle')} mb="lg">
      {fingerprint && setAt ? (
        <Stack gap={4}>
          <Code data-testid="escrow-fingerprint" style={{ overflowWrap: 'anywhere' }}>
            {formatFingerprint(fingerprint)}
          </Code>
          <Text size="sm">{t('console.locations.escrowSet', { date: format.date(setAt) })}</Text>
        </Stack>
      ) : (
        <Text size="sm">{t('console.locations.escrowNone')}</Text>
      )}
    </Alert>
  );
}

/** Whether the location's sealed data have a key, a rotation waiting after a revoke, and that key in escrow. */
function SealingState({ sealing }: { sealing: ConsoleSealing }) {
  const { t } = useTranslation();
  if (!sealing.keyId) return <Text size="sm">{t('console.locations.sealing')}: {t('console.locations.sealingNoKey')}</Text>;
  return (
    <Group gap="xs">
      <Text size="sm">{t('console.locations.sealing')}:</Text>
      {sealing.rotationDue ? (
        <Badge color="orange" variant="light">{t('console.locations.sealingRotationDue')}</Badge>
      ) : sealing.escrowed === false ? (
        <Badge color="orange" variant="light">{t('console.locations.sealingNotEscrowed')}</Badge>
      ) : sealing.escrowed ? (
        <Badge color="green" variant="light">{t('console.locations.sealingEscrowed')}</Badge>
      ) : (
        <Badge color="gray" variant="light">{t('console.locations.sealingNoEscrow')}</Badge>
      )}
    </Group>
  );
}

function RevokeDialog({ device, onClose }: { device: ConsoleDevice; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => consoleApi.revokeDevice(device.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: LOCATIONS_KEY });
      notify({ message: t('console.locations.revokedToast', { name: device.name }) });
      onClose();
    },
  });
  return (
    <ConfirmDialog title={t('console.locations.revokeTitle', { name: device.name })} confirmLabel={t('console.locations.revokeConfirm')} color="red" mutation={revoke} onConfirm={() => revoke.mutate()} onClose={onClose}>
      <Alert color="orange" variant="light">
        {t('console.locations.revokeText')}
      </Alert>
    </ConfirmDialog>
  );
}

function AddLocationDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: consoleApi.createLocation,
    onSuccess: async (location) => {
      await queryClient.invalidateQueries({ queryKey: LOCATIONS_KEY });
      notify({ message: t('console.locations.created', { name: location.name }) });
      onClose();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = CreateLocationRequest.safeParse({ name });
    if (!parsed.success) {
      setFieldError(parsed.error.issues[0]?.message ?? null);
      return;
    }
    setFieldError(null);
    create.mutate(parsed.data.name);
  };
  return (
    <AppModal title={t('console.locations.addTitle')} onClose={onClose} size="md">
      <form noValidate onSubmit={submit}>
        <Stack gap="md">
          <FormError message={create.isError ? errorMessage(create.error) : null} />
          <TextInput label={t('console.locations.name')} description={t('console.locations.nameHint')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError} required data-autofocus />
          <DialogButtons onCancel={onClose} label={t('console.locations.addSubmit')} pending={create.isPending} />
        </Stack>
      </form>
    </AppModal>
  );
}
