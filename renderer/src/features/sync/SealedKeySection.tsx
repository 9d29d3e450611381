import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract, type MethodInput } from '../../../../shared/api/contract';
import type { SyncStatus } from '../../../../shared/api/sync.contract';
import { formatFingerprint } from '../../../../shared/sync/protocol';
import { call } from '../../api/client';
import { errorMessage } from '../../api/forms';
import { queryClient } from '../../api/queries';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TextField } from '../../components/fields';
import { FormError } from '../../components/FormError';
import { ApiForm, FormDialog, SubmitButton } from '../../components/FormDialog';
import { Section } from '../../components/Section';
import { useApiForm } from '../../components/useApiForm';
import { useFormat } from '../../lib/format';
import { SYNC_STATUS_KEY } from './syncStatus';

const MONO = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

/** "Herstelsleutel gebruiken voor nieuwe pc's": the manager types this PC's herstelsleutel once (`sync.offerRecoveryKey`). */
function OfferRecoveryKeyDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm({
    schema: contract['sync.offerRecoveryKey'].input,
    defaultValues: { recoveryKey: '' },
    mutation: useMutation({ mutationFn: (input: MethodInput<'sync.offerRecoveryKey'>) => call('sync.offerRecoveryKey', input) }),
    success: () => t('sync.sealed.recoveryOffered'),
    onSuccess: (status) => {
      queryClient.setQueryData(SYNC_STATUS_KEY, status);
      onClose();
    },
  });
  return (
    <FormDialog form={form} title={t('sync.sealed.recoveryDialogTitle')} intro={<Text size="sm">{t('sync.sealed.recoveryDialogIntro')}</Text>} onClose={onClose} submitLabel={t('sync.sealed.recoverySubmit')} size="md">
      <TextField control={form.control} name="recoveryKey" label={t('sync.sealed.recoveryKey')} description={t('sync.sealed.recoveryKeyDescription')} required autoFocus autoCapitalize="characters" spellCheck={false} styles={MONO} />
    </FormDialog>
  );
}

/** The herstelsleutel route for further PCs: set up here, or when (after a new herstelsleutel) it is to be set up again. */
function RecoveryRoutePanel({ offeredAt }: { offeredAt: string | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [open, setOpen] = useState(false);
  return (
    <Stack gap="xs">
      <Text size="sm">{t('sync.sealed.recoveryHelp')}</Text>
      {offeredAt ? (
        <Text size="sm" data-testid="sync-recovery-offered">
          {t('sync.sealed.recoveryOfferedAt', { time: fmt.dateTime(offeredAt) })}
        </Text>
      ) : null}
      <Group>
        <Button variant="light" onClick={() => { setOpen(true); }}>
          {offeredAt ? t('sync.sealed.recoveryAgain') : t('sync.sealed.recoveryAction')}
        </Button>
      </Group>
      {open ? <OfferRecoveryKeyDialog onClose={() => { setOpen(false); }} /> : null}
    </Stack>
  );
}


/** This PC has the key: it can make a one-time transfer code for another PC of the location. */
function TransferCodePanel({ recoveryWrapAt }: { recoveryWrapAt: string | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const make = useMutation({ mutationFn: () => call('sync.transferCode', {}) });
  return (
    <Stack gap="md">
      <Text fw={600}>{t('sync.sealed.hasKey')}</Text>
      <Text size="sm">{t('sync.sealed.transferHelp')}</Text>
      {make.data ? (
        <Alert color="green" variant="light" title={t('sync.sealed.codeTitle')}>
          <Stack gap="xs">
            <Code fz="xl" fw={700} data-testid="sync-transfer-code" style={{ letterSpacing: '0.08em', alignSelf: 'flex-start' }}>
              {make.data.code}
            </Code>
            <Text size="sm">{t('sync.sealed.codeValid', { time: fmt.dateTime(make.data.expiresAt) })}</Text>
          </Stack>
        </Alert>
      ) : (
        <Group>
          <Button variant="light" loading={make.isPending} onClick={() => { make.mutate(); }}>
            {t('sync.sealed.makeCode')}
          </Button>
        </Group>
      )}
      <FormError message={make.isError ? errorMessage(make.error) : null} />
      <RecoveryRoutePanel offeredAt={recoveryWrapAt} />
    </Stack>
  );
}

/** This PC has no key yet: sealed data wait; the manager enters a transfer code from an enrolled PC, or that PC's herstelsleutel. */
function ReceiveKeyForm({ waiting }: { waiting: number }) {
  const { t } = useTranslation();
  const form = useApiForm({
    schema: contract['sync.receiveKey'].input,
    defaultValues: { code: '' },
    mutation: useMutation({ mutationFn: (input: MethodInput<'sync.receiveKey'>) => call('sync.receiveKey', input) }),
    success: () => t('sync.sealed.received'),
    onSuccess: (status) => {
      queryClient.setQueryData(SYNC_STATUS_KEY, status);
    },
  });
  return (
    <Stack gap="md">
      <Alert color="orange" variant="light" title={waiting > 0 ? t('sync.sealed.waitingTitle', { count: waiting }) : t('sync.sealed.noKeyTitle')} data-testid="sync-sealed-waiting">
        {t('sync.sealed.waitingText')}
      </Alert>
      <ApiForm form={form} maw={640}>
        <TextField control={form.control} name="code" label={t('sync.sealed.code')} description={t('sync.sealed.codeDescription')} required autoCapitalize="characters" spellCheck={false} styles={MONO} w={520} />
        <Group>
          <SubmitButton form={form}>{t('sync.sealed.receive')}</SubmitButton>
        </Group>
      </ApiForm>
    </Stack>
  );
}

function Fingerprint({ hex, testId }: { hex: string; testId: string }) {
  return (
    <Code block data-testid={testId} fz="sm" style={{ letterSpacing: '0.04em', whiteSpace: 'pre-wrap', maxWidth: 420 }}>
      {formatFingerprint(hex)}
    </Code>
  );
}

/**
 * Head office offers another escrow key than the one this PC pinned: nothing is wrapped to it until
 * the manager has compared its fingerprint with the privacy officer's and confirms (`sync.confirmEscrowKey`).
 */
function EscrowKeyChange({ change }: { change: NonNullable<SyncStatus['escrowKeyChange']> }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const confirm = useMutation({
    mutationFn: () => call('sync.confirmEscrowKey', { fingerprint: change.offered }),
    onSuccess: (status) => {
      queryClient.setQueryData(SYNC_STATUS_KEY, status);
      setConfirming(false);
    },
  });
  return (
    <Alert color="red" variant="light" title={t('sync.sealed.escrowChangedTitle')} data-testid="sync-escrow-changed">
      <Stack gap="xs">
        <Text size="sm">{t('sync.sealed.escrowChangedText')}</Text>
        <Text size="sm" fw={600}>{t('sync.sealed.escrowOffered')}</Text>
        <Fingerprint hex={change.offered} testId="sync-escrow-offered" />
        <Text size="sm" fw={600}>{t('sync.sealed.escrowPinned')}</Text>
        <Fingerprint hex={change.pinned} testId="sync-escrow-pinned" />
        <Group>
          <Button color="red" onClick={() => { setConfirming(true); }}>
            {t('sync.sealed.escrowConfirm')}
          </Button>
        </Group>
      </Stack>
      {confirming ? (
        <ConfirmDialog title={t('sync.sealed.escrowConfirmTitle')} confirmLabel={t('sync.sealed.escrowConfirm')} color="red" mutation={confirm} onConfirm={() => { confirm.mutate(); }} onClose={() => { setConfirming(false); }}>
          <Text size="sm">{t('sync.sealed.escrowConfirmText')}</Text>
          <Fingerprint hex={change.offered} testId="sync-escrow-confirm-fingerprint" />
        </ConfirmDialog>
      ) : null}
    </Alert>
  );
}

/** Versleuteling van medische en meldcodegegevens: the location's sync key on this PC (issue 15). */
export function SealedKeySection({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  return (
    <Section title={t('sync.sealed.title')} id="sync-sealed">
      <Stack gap="md">
        <Text size="sm">{t('sync.sealed.intro')}</Text>
        {status.escrowKeyChange ? <EscrowKeyChange change={status.escrowKeyChange} /> : null}
        {status.syncKeyId ? <TransferCodePanel recoveryWrapAt={status.recoveryWrapAt} /> : <ReceiveKeyForm waiting={status.sealedWaiting} />}
      </Stack>
    </Section>
  );
}
