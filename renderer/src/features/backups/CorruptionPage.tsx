import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Code, Group, List, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/api/contract';
import { call } from '../../api/client';
import { errorMessage } from '../../api/forms';
import { apiQuery, queryClient, STATUS_KEY, type AppStatus } from '../../api/queries';
import { AuthLayout } from '../../components/AuthLayout';
import { FormError } from '../../components/FormError';
import { LoadingState } from '../../components/LoadingState';
import { setLockNotice } from '../../lib/lockNotice';
import { useFormat } from '../../lib/format';
import { formatBytes } from './BackupsPage';
import { RestoreForm } from './RestoreForm';

/**
 * Shown instead of the app when unlocking found the database damaged: what happened, that the
 * file is left alone, and a restore from a backup (a manager's password or the herstelsleutel).
 * No data are shown: the database was never opened.
 */
export function CorruptionPage({ corruption }: { corruption: NonNullable<AppStatus['corruption']> }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [folder, setFolder] = useState<string | undefined>(undefined);
  const [chosen, setChosen] = useState<string | null>(null);
  const backups = useQuery(apiQuery('recovery.listBackups', folder === undefined ? {} : { folder }));
  const { register, handleSubmit, formState } = useForm({
    resolver: zodResolver(contract['recovery.listBackups'].input),
    values: { folder: backups.data?.folder ?? '' },
  });
  const list = backups.data?.backups ?? [];
  const selected = list.find((b) => b.file === (chosen ?? list[0]?.file));

  return (
    <AuthLayout width={720}>
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('corruption.title')}
        </Title>
        <Alert color="red" variant="light" role="alert" title={t(`corruption.kinds.${corruption.kind}`)}>
          <Text size="sm">{t('corruption.intro')}</Text>
          <Text size="sm" mt={4}>
            {t('corruption.untouched')}
          </Text>
        </Alert>
        <Title order={2} size="h4">
          {t('corruption.whatNow')}
        </Title>
        <List size="sm" type="ordered" spacing={4}>
          <List.Item>{t('corruption.restoreStep')}</List.Item>
          <List.Item>{t('corruption.helpStep')}</List.Item>
        </List>

        <form noValidate onSubmit={(event) => void handleSubmit((input) => setFolder(input.folder))(event)}>
          <Group align="flex-end" wrap="nowrap">
            <TextInput style={{ flex: 1 }} label={t('restore.folder')} spellCheck={false} {...register('folder')} error={formState.errors.folder?.message} />
            <Button type="submit" variant="default">
              {t('restore.folderLoad')}
            </Button>
          </Group>
        </form>
        {backups.isPending && <LoadingState />}
        {backups.isError && <FormError message={errorMessage(backups.error)} />}
        {backups.isSuccess && list.length === 0 && <Text c="dimmed">{t('restore.none')}</Text>}
        {list.length > 0 && (
          <Radio.Group label={t('restore.backup')} value={selected?.file ?? null} onChange={setChosen}>
            <Stack gap={6} mt={6}>
              {list.map((backup) => (
                <Radio
                  key={backup.file}
                  value={backup.file}
                  label={`${fmt.dateTime(backup.createdAt)} — ${t(`backups.reasons.${backup.reason}`)} (${formatBytes(backup.sizeBytes)})`}
                />
              ))}
            </Stack>
          </Radio.Group>
        )}
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
        <details>
          <summary>
            <Text span size="sm">
              {t('corruption.detail')}
            </Text>
          </summary>
          <Code block mt="xs">
            {`${corruption.kind}: ${corruption.detail}\n${corruption.detectedAt}`}
          </Code>
        </details>
      </Stack>
    </AuthLayout>
  );
}
