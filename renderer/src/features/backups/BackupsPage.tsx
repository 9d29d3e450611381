import { Alert, Button, Code, Group, Progress, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KEPT_ASIDE_DAYS, type BackupInfo, type BackupStatus } from '../../../../shared/api/backup.contract';
import { contract, type MethodInput } from '../../../../shared/api/contract';
import { call, canPickFolder, pickFolder } from '../../api/client';
import { errorMessage } from '../../api/forms';
import { apiQuery, queryClient, setLocked } from '../../api/queries';
import { AppModal } from '../../components/AppModal';
import { DataTable } from '../../components/DataTable';
import { TextField } from '../../components/fields';
import { ApiForm, SubmitButton } from '../../components/FormDialog';
import { FormError } from '../../components/FormError';
import { useNotify } from '../../components/Notifications';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useApiForm } from '../../components/useApiForm';
import { useFormat } from '../../lib/format';
import { setLockNotice } from '../../lib/lockNotice';
import { useSession } from '../../lib/session';
import { RestoreForm } from './RestoreForm';

const STATUS = apiQuery('backup.status', {});

function FolderForm({ status }: { status: BackupStatus }) {
  const { t } = useTranslation();
  const form = useApiForm({
    schema: contract['backup.setFolder'].input,
    values: { folder: status.folderIsDefault ? '' : status.folder },
    mutation: useMutation({ mutationFn: (input: MethodInput<'backup.setFolder'>) => call('backup.setFolder', input) }),
    success: () => t('backups.folderSaved'),
    onSuccess: (next) => { queryClient.setQueryData(STATUS.queryKey, next); },
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
        <ApiForm form={form} gap="sm">
          <Group align="flex-end" wrap="nowrap">
            <TextField control={form.control} name="folder" label={t('backups.folderLabel')} description={t('backups.folderDescription')} required spellCheck={false} style={{ flex: 1 }} />
            {canPickFolder() && (
              <Button
                variant="default"
                onClick={() =>
                  void pickFolder(t('backups.folderLabel')).then((folder) => {
                    if (folder) form.setValue('folder', folder, { shouldDirty: true });
                  })
                }
              >
                {t('backups.folderBrowse')}
              </Button>
            )}
            <SubmitButton form={form}>{t('backups.folderSave')}</SubmitButton>
          </Group>
        </ApiForm>
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
        <Text size="sm">{t('backups.afterRestore', { days: KEPT_ASIDE_DAYS })}</Text>
        <Text size="sm">
          <strong>{t('backups.lastBackup')}:</strong> {last ? `${fmt.dateTimeLong(last.createdAt)} — ${t(`backups.reasons.${last.reason}`)}` : t('backups.never')}
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
          <Button onClick={() => { backup.mutate(); }} loading={backup.isPending}>
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
      <DataTable
        rows={backups}
        caption={t('backups.listTitle')}
        rowKey={(backup) => backup.file}
        tableProps={{ striped: true, verticalSpacing: 'xs' }}
        empty={t('backups.empty')}
        columns={[
          { key: 'created', header: t('backups.created'), cell: (backup) => fmt.dateTime(backup.createdAt) },
          { key: 'reason', header: t('backups.reason'), cell: (backup) => t(`backups.reasons.${backup.reason}`) },
          { key: 'size', header: t('backups.size'), cell: (backup) => fmt.fileSize(backup.sizeBytes) },
          {
            key: 'actions',
            header: t('backups.actions'),
            cell: (backup) => (
              <Button size="xs" variant="default" aria-label={t('backups.restoreLabel', { date: fmt.dateTime(backup.createdAt) })} onClick={() => { onRestore(backup); }}>
                {t('backups.restore')}
              </Button>
            ),
          },
        ]}
      />
    </Section>
  );
}

/** "Back-ups" (backup.manage): folder, schedule and rotation, "Nu back-up maken", the list and restore. */
export function BackupsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const status = useQuery(STATUS);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);

  return (
    <QueryState query={status}>
      {(data) => (
        <>
          <PageHeader title={t('backups.title')} intro={t('backups.intro')} />
          <Stack gap="lg">
            <BackupNow status={data} />
            <FolderForm status={data} />
            <BackupList backups={data.backups} onRestore={setRestoring} />
          </Stack>
          {restoring && (
            <AppModal onClose={() => { setRestoring(null); }} title={t('restore.title')} size="lg">
              <RestoreForm
                createdAt={restoring.createdAt}
                fixedUsername={session.username}
                restore={(credential) => call('backup.restore', { file: restoring.file, credential })}
                onRestored={() => {
                  // The backend locked the app: back to the login screen, with the reason.
                  setLockNotice({ kind: 'message', text: t('restore.done') });
                  setLocked();
                }}
                onCancel={() => { setRestoring(null); }}
              />
            </AppModal>
          )}
        </>
      )}
    </QueryState>
  );
}
