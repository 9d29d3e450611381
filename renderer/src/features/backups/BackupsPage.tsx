import { Alert, Button, Card, Code, Group, Progress, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { BackupInfo, BackupStatus } from '../../../../shared/api/backup.contract';
import { contract, type MethodInput } from '../../../../shared/api/contract';
import { call, canPickFolder, pickFolder } from '../../api/client';
import { applyServerErrors, errorMessage, formResolver } from '../../api/forms';
import { apiQuery, queryClient, setLocked } from '../../api/queries';
import { AppModal } from '../../components/AppModal';
import { FormError } from '../../components/FormError';
import { LoadingState } from '../../components/LoadingState';
import { useNotify } from '../../components/Notifications';
import { PageHeader } from '../../components/PageHeader';
import { setLockNotice } from '../../lib/lockNotice';
import { useFormat } from '../../lib/format';
import { useSession } from '../auth/session';
import { RestoreForm } from './RestoreForm';

const STATUS = apiQuery('backup.status', {});

export const formatBytes = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} kB`);

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section">
      <Title order={2} size="h3" mb="md">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function FolderForm({ status }: { status: BackupStatus }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, setValue, formState } = useForm({
    resolver: formResolver(contract['backup.setFolder'].input),
    values: { folder: status.folderIsDefault ? '' : status.folder },
  });
  const save = useMutation({
    mutationFn: (input: MethodInput<'backup.setFolder'>) => call('backup.setFolder', input),
    onSuccess: (next) => {
      queryClient.setQueryData(STATUS.queryKey, next);
      notify({ message: t('backups.folderSaved') });
    },
    onError: (error) => setFormError(applyServerErrors(error, setError, ['folder'])),
  });
  return (
    <Section title={t('backups.folderTitle')}>
      <Stack gap="sm">
        <Text size="sm">
          <Code>{status.folder}</Code>
        </Text>
        {status.folderIsDefault && (
          <Alert color="orange" variant="light">
            {t('backups.defaultFolderWarning')}
          </Alert>
        )}
        <form
          noValidate
          onSubmit={(event) =>
            void handleSubmit((input) => {
              setFormError(null);
              save.mutate(input);
            })(event)
          }
        >
          <Stack gap="sm">
            <FormError message={formError} />
            <Group align="flex-end" wrap="nowrap">
              <TextInput
                style={{ flex: 1 }}
                label={t('backups.folderLabel')}
                description={t('backups.folderDescription')}
                withAsterisk
                spellCheck={false}
                {...register('folder')}
                error={formState.errors.folder?.message}
              />
              {canPickFolder() && (
                <Button
                  variant="default"
                  onClick={() =>
                    void pickFolder(t('backups.folderLabel')).then((folder) => {
                      if (folder) setValue('folder', folder, { shouldDirty: true });
                    })
                  }
                >
                  {t('backups.folderBrowse')}
                </Button>
              )}
              <Button type="submit" loading={save.isPending}>
                {t('backups.folderSave')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Section>
  );
}

function BackupNow({ status }: { status: BackupStatus }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const notify = useNotify();
  const backup = useMutation({
    mutationFn: () => call('backup.now', {}),
    onSuccess: () => {
      notify({ message: t('backups.done') });
      void queryClient.invalidateQueries({ queryKey: STATUS.queryKey });
    },
  });
  const last = status.lastBackup;
  return (
    <Section title={t('backups.scheduleTitle')}>
      <Stack gap="sm">
        <Text size="sm">{t('backups.schedule')}</Text>
        <Text size="sm">{t('backups.rotation', status.rotation)}</Text>
        <Text size="sm">
          <strong>{t('backups.lastBackup')}:</strong> {last ? `${fmt.dateTime(last.createdAt)} — ${t(`backups.reasons.${last.reason}`)}` : t('backups.never')}
        </Text>
        {status.lastError && (
          <Alert color="red" variant="light" role="alert" title={t('backups.lastError', { at: fmt.dateTime(status.lastError.at) })}>
            {status.lastError.message}
          </Alert>
        )}
        {backup.isError && <FormError message={errorMessage(backup.error)} />}
        {backup.isPending && (
          <Stack gap={4} role="status">
            <Text size="sm">{t('backups.running')}</Text>
            <Progress value={100} animated striped aria-label={t('backups.running')} />
          </Stack>
        )}
        <Group>
          <Button onClick={() => backup.mutate()} loading={backup.isPending}>
            {t('backups.now')}
          </Button>
        </Group>
      </Stack>
    </Section>
  );
}

function BackupList({ backups, onRestore }: { backups: BackupInfo[]; onRestore: (backup: BackupInfo) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Section title={t('backups.listTitle')}>
      {backups.length === 0 ? (
        <Text c="dimmed">{t('backups.empty')}</Text>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('backups.created')}</Table.Th>
              <Table.Th>{t('backups.reason')}</Table.Th>
              <Table.Th>{t('backups.size')}</Table.Th>
              <Table.Th>{t('backups.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {backups.map((backup) => (
              <Table.Tr key={backup.file}>
                <Table.Td>{fmt.dateTime(backup.createdAt)}</Table.Td>
                <Table.Td>{t(`backups.reasons.${backup.reason}`)}</Table.Td>
                <Table.Td>{formatBytes(backup.sizeBytes)}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="default" aria-label={t('backups.restoreLabel', { date: fmt.dateTime(backup.createdAt) })} onClick={() => onRestore(backup)}>
                    {t('backups.restore')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}

/** "Back-ups" (backup.manage): folder, schedule and rotation, "Nu back-up maken", the list and restore. */
export function BackupsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const status = useQuery(STATUS);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);

  if (status.isPending) return <LoadingState />;
  if (status.isError) return <FormError message={errorMessage(status.error)} />;
  return (
    <>
      <PageHeader title={t('backups.title')} intro={t('backups.intro')} />
      <Stack gap="lg">
        <BackupNow status={status.data} />
        <FolderForm status={status.data} />
        <BackupList backups={status.data.backups} onRestore={setRestoring} />
      </Stack>
      {restoring && (
        <AppModal onClose={() => setRestoring(null)} title={t('restore.title')} size="lg">
          <RestoreForm
            createdAt={restoring.createdAt}
            fixedUsername={session.username}
            restore={(credential) => call('backup.restore', { file: restoring.file, credential })}
            onRestored={() => {
              // The backend locked the app: back to the login screen, with the reason.
              setLockNotice({ kind: 'message', text: t('restore.done') });
              setLocked();
            }}
            onCancel={() => setRestoring(null)}
          />
        </AppModal>
      )}
    </>
  );
}
