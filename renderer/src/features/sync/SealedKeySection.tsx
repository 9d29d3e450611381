import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { contract, type MethodInput } from '../../../../shared/api/contract';
import type { SyncStatus } from '../../../../shared/api/sync.contract';
import { call } from '../../api/client';
import { errorMessage } from '../../api/forms';
import { queryClient } from '../../api/queries';
import { TextField } from '../../components/fields';
import { FormError } from '../../components/FormError';
import { ApiForm, SubmitButton } from '../../components/FormDialog';
import { Section } from '../../components/Section';
import { useApiForm } from '../../components/useApiForm';
import { useFormat } from '../../lib/format';
import { SYNC_STATUS_KEY } from './syncStatus';

const MONO = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

/** This PC has the key: it can make a one-time transfer code for another PC of the location. */
function TransferCodePanel() {
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
    </Stack>
  );
}

/** This PC has no key yet: sealed data wait; the manager enters a transfer code from an enrolled PC. */
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
      <Alert color="yellow" variant="light" title={waiting > 0 ? t('sync.sealed.waitingTitle', { count: waiting }) : t('sync.sealed.noKeyTitle')} data-testid="sync-sealed-waiting">
        {t('sync.sealed.waitingText')}
      </Alert>
      <ApiForm form={form} maw={640}>
        <TextField control={form.control} name="code" label={t('sync.sealed.code')} description={t('sync.sealed.codeDescription')} required autoCapitalize="characters" spellCheck={false} styles={MONO} w={360} />
        <Group>
          <SubmitButton form={form}>{t('sync.sealed.receive')}</SubmitButton>
        </Group>
      </ApiForm>
    </Stack>
  );
}

/** Versleuteling van medische en meldcodegegevens: the location's sync key on this PC (issue 15). */
export function SealedKeySection({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  return (
    <Section title={t('sync.sealed.title')} id="sync-sealed">
      <Stack gap="md">
        <Text size="sm">{t('sync.sealed.intro')}</Text>
        {status.syncKeyId ? <TransferCodePanel /> : <ReceiveKeyForm waiting={status.sealedWaiting} />}
      </Stack>
    </Section>
  );
}
