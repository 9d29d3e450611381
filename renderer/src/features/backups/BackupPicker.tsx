import { Button, Group, Radio, Stack, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/api/contract';
import { call } from '../../api/client';
import { apiQuery, queryClient, STATUS_KEY } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { setLockNotice } from '../../lib/lockNotice';
import { useFormat } from '../../lib/format';
import { RestoreForm } from './RestoreForm';
import { formResolver } from '../../api/forms';

/**
 * Restore without a session (damaged database, or a new PC): choose the folder with backups
 * (e.g. the network share), pick one, and confirm with a manager's password or the herstelsleutel.
 * Afterwards the app is locked and asks for a login.
 */
export function BackupPicker() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [folder, setFolder] = useState<string | undefined>(undefined);
  const [chosen, setChosen] = useState<string | null>(null);
  const backups = useQuery(apiQuery('recovery.listBackups', folder === undefined ? {} : { folder }));
  const { register, handleSubmit, formState } = useForm({
    resolver: formResolver(contract['recovery.listBackups'].input),
    values: { folder: backups.data?.folder ?? '' },
  });
  const list = backups.data?.backups ?? [];
  const selected = list.find((b) => b.file === (chosen ?? list[0]?.file));

  return (
    <Stack gap="md">
      <form noValidate onSubmit={(event) => void handleSubmit((input) => setFolder(input.folder))(event)}>
        <Group align="flex-end" wrap="nowrap">
          <TextInput style={{ flex: 1 }} label={t('restore.folder')} spellCheck={false} {...register('folder')} error={formState.errors.folder?.message} />
          <Button type="submit" variant="default">
            {t('restore.folderLoad')}
          </Button>
        </Group>
      </form>
      <QueryState query={backups} isEmpty={(data) => data.backups.length === 0} empty={t('restore.none')}>
        {() => (
          <Radio.Group label={t('restore.backup')} value={selected?.file ?? null} onChange={setChosen}>
            <Stack gap={6} mt={6}>
              {list.map((backup) => (
                <Radio key={backup.file} value={backup.file} label={`${fmt.dateTime(backup.createdAt)} — ${t(`backups.reasons.${backup.reason}`)} (${fmt.fileSize(backup.sizeBytes)})`} />
              ))}
            </Stack>
          </Radio.Group>
        )}
      </QueryState>
      {selected && (
        <RestoreForm
          key={selected.file}
          createdAt={selected.createdAt}
          restore={(credential) => call('recovery.restore', { folder: backups.data?.folder, file: selected.file, credential })}
          onRestored={() => {
            setLockNotice({ kind: 'message', text: t('restore.done') });
            void queryClient.invalidateQueries({ queryKey: STATUS_KEY });
          }}
        />
      )}
    </Stack>
  );
}
