import { Alert, Badge, FileInput, List, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { PortabilityPreview } from '../../../../shared/api/requests.schemas';
import { localize } from '../../../../shared/i18n/translate';
import { errorMessage } from '../../api/forms';
import { useApiMutation } from '../../api/mutations';
import { AppModal } from '../../components/AppModal';
import { DialogButtons } from '../../components/FormDialog';
import { FormError } from '../../components/FormError';
import { useNotify } from '../../components/Notifications';
import { currentLanguage } from '../../i18n';
import { useFormat } from '../../lib/format';

type FileStatus = PortabilityPreview['files'][number]['status'];
const STATUS_COLOR: Record<FileStatus, string> = { read: 'green', copy: 'gray', unknown: 'yellow', invalid: 'red' };

/**
 * "Dataportabiliteit inlezen": the manager picks the files of an exported folder (from this app or
 * another organisation using the same format); the app shows per file what it is or what is wrong
 * with it, and what would arrive. Only a folder without any invalid file can be imported, as a new
 * household — in one step, so nothing is written on any error.
 */
export function ImportPortabilityDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const notify = useNotify();
  const [picked, setPicked] = useState<File[]>([]);
  const [json, setJson] = useState<string | null>(null);
  const preview = useApiMutation('requests.previewPortability');
  const importing = useApiMutation('requests.importPortability', {
    onSuccess: ({ householdId }) => {
      notify({ title: t('common.saved'), message: t('requests.import.done') });
      onClose();
      void navigate(`/gezinnen/${householdId}`);
    },
  });

  const pick = async (files: File[]) => {
    setPicked(files);
    setJson(null);
    importing.reset();
    if (files.length === 0) {
      preview.reset();
      return;
    }
    const read = await Promise.all(files.map(async (file) => ({ fileName: file.name, text: await file.text() })));
    setJson(read.find((f) => f.fileName.toLowerCase().endsWith('.json'))?.text ?? null);
    preview.mutate({ files: read });
  };

  const result = preview.data;
  const arriving = result?.preview ?? null;
  return (
    <AppModal onClose={onClose} title={t('requests.import.title')} size="xl">
      <Stack gap="md">
        <Text size="sm">{t('requests.import.intro')}</Text>
        <FileInput
          label={t('requests.import.filesLabel')}
          description={t('requests.import.filesHelp')}
          placeholder={t('requests.import.filesPlaceholder')}
          multiple
          clearable
          clearButtonProps={{ 'aria-label': t('requests.import.clearFiles') }}
          accept=".json,.csv,.pdf,application/json"
          value={picked}
          onChange={(files) => void pick(files)}
          data-autofocus
        />
        <FormError message={preview.isError ? errorMessage(preview.error) : null} />
        {result && (
          <List spacing={4} size="sm" aria-label={t('requests.import.filesCaption')}>
            {result.files.map((file) => (
              <List.Item key={file.fileName}>
                <Text size="sm" span fw={600}>
                  {file.fileName}
                </Text>{' '}
                <Badge variant="light" color={STATUS_COLOR[file.status]}>
                  {t(`requests.import.status.${file.status}`)}
                </Badge>
                {file.problem && (
                  <Text size="sm" c="red.9" role="alert">
                    {localize(file.problem, currentLanguage())}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        )}
        {result && !arriving && (
          <Alert color="red" variant="light" p="sm">
            {t('requests.import.notPossible')}
          </Alert>
        )}
        {arriving && (
          <Stack gap="xs">
            <Text size="sm">{t('requests.import.from', { source: arriving.source, date: fmt.date(arriving.exportedOn) })}</Text>
            <Text size="sm">{t('requests.import.household', { parent: arriving.parentName, address: arriving.address })}</Text>
            {arriving.children.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('requests.import.noChildren')}
              </Text>
            ) : (
              <Table striped captionSide="top" fz="sm">
                <Table.Caption>{t('requests.import.childrenCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('requests.import.columns.child')}</Table.Th>
                    <Table.Th>{t('requests.import.columns.birthDate')}</Table.Th>
                    <Table.Th>{t('requests.import.columns.contracts')}</Table.Th>
                    <Table.Th>{t('requests.import.columns.medical')}</Table.Th>
                    <Table.Th>{t('requests.import.columns.pickupPersons')}</Table.Th>
                    <Table.Th>{t('requests.import.columns.consents')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {arriving.children.map((c) => (
                    <Table.Tr key={`${c.name}-${c.birthDate}`}>
                      <Table.Td>{c.name}</Table.Td>
                      <Table.Td>{fmt.date(c.birthDate)}</Table.Td>
                      <Table.Td>{c.contracts}</Table.Td>
                      <Table.Td>{c.medical ? t('common.yes') : t('common.no')}</Table.Td>
                      <Table.Td>{c.pickupPersons}</Table.Td>
                      <Table.Td>{t('requests.import.consents', { count: c.consents, given: c.photoConsentsGiven })}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <Text size="sm" c="dimmed">
              {t('requests.import.afterwards')}
            </Text>
          </Stack>
        )}
        <FormError message={importing.isError ? errorMessage(importing.error) : null} />
        <DialogButtons
          onCancel={onClose}
          label={t('requests.import.confirm')}
          pending={importing.isPending}
          disabled={!arriving || json === null || preview.isPending}
          onConfirm={() => { if (json !== null) importing.mutate({ json }); }}
        />
      </Stack>
    </AppModal>
  );
}
