import { Badge, Box, Button, Card, DataList, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MedicalInput } from '../../../../shared/api/clients.schemas';
import type { MethodInput } from '../../../../shared/api/contract';
import type { SyncConflict } from '../../../../shared/api/sync.contract';
import { call, type ApiCallError } from '../../api/client';
import { errorMessage } from '../../api/forms';
import { apiKey, apiQuery, queryClient } from '../../api/queries';
import { DataTable } from '../../components/DataTable';
import { TextAreaField } from '../../components/fields';
import { ApiForm, DialogButtons } from '../../components/FormDialog';
import { FormError } from '../../components/FormError';
import { useNotify } from '../../components/Notifications';
import { QueryState } from '../../components/QueryState';
import { Detail } from '../../components/Section';
import { useApiForm } from '../../components/useApiForm';
import { nl } from '../../i18n/nl';
import { useFormat } from '../../lib/format';
import { SYNC_STATUS_KEY } from './syncStatus';

const CONFLICTS_KEY = apiKey('sync.conflicts', {});

/** The medical fields as head office and the local table name them (snake_case rows). */
const MEDICAL_FIELDS = ['allergies', 'diet', 'medication', 'other_particulars'] as const;
type MedicalField = (typeof MEDICAL_FIELDS)[number];
/** Bookkeeping columns of a synced row: not something the manager chooses between. */
const SYSTEM_FIELDS = new Set(['id', 'child_id', 'location_id', 'version', 'created_at', 'updated_at', 'updated_by', 'created_by']);

/** The same rules as the medical form (`medical.update`), for the merged version. */
const mergeSchema = MedicalInput.omit({ childId: true });

type Resolution = MethodInput<'sync.resolveConflict'>['resolution'];
/** The merge form's field for each medical column. */
const FORM_FIELD = { allergies: 'allergies', diet: 'diet', medication: 'medication', other_particulars: 'otherParticulars' } as const;

const isMedicalField = (key: string): key is MedicalField => MEDICAL_FIELDS.some((field) => field === key);
const isKnownEntity = (entity: string): entity is keyof typeof nl.sync.conflicts.entities => Object.hasOwn(nl.sync.conflicts.entities, entity);

function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function fieldsOf(conflict: SyncConflict): string[] {
  if (conflict.entity === 'child_medical') return [...MEDICAL_FIELDS];
  const keys = new Set([...Object.keys(conflict.localPayload ?? {}), ...Object.keys(conflict.serverPayload ?? {})]);
  return [...keys].filter((key) => !SYSTEM_FIELDS.has(key));
}

function useResolve(onResolved: (resolution: Resolution) => void) {
  return useMutation<object, ApiCallError, MethodInput<'sync.resolveConflict'>>({
    mutationFn: (input) => call('sync.resolveConflict', input),
    onSuccess: (_result, input) => {
      // Drop it from the list without asking again: every `sync.conflicts` is an audited read of medical data.
      queryClient.setQueryData<SyncConflict[]>(CONFLICTS_KEY, (list) => list?.filter((conflict) => conflict.id !== input.id));
      void queryClient.invalidateQueries({ queryKey: SYNC_STATUS_KEY });
      onResolved(input.resolution);
    },
  });
}

function Value({ text }: { text: string }) {
  const { t } = useTranslation();
  if (!text) {
    return (
      <Text span size="sm" c="dimmed" fs="italic">
        {t('sync.conflicts.emptyValue')}
      </Text>
    );
  }
  return (
    <Text span size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {text}
    </Text>
  );
}

function MergeForm({ conflict, onCancel, onResolved }: { conflict: SyncConflict; onCancel: () => void; onResolved: (resolution: Resolution) => void }) {
  const { t } = useTranslation();
  const local = conflict.localPayload ?? {};
  const server = conflict.serverPayload ?? {};
  // Pre-filled with this computer's text (head office's where this computer has none).
  const initial = (field: MedicalField) => valueText(local[field]) || valueText(server[field]);
  const form = useApiForm({
    schema: mergeSchema,
    defaultValues: { allergies: initial('allergies'), diet: initial('diet'), medication: initial('medication'), otherParticulars: initial('other_particulars') },
    mutation: useResolve(onResolved),
    toInput: (values) => ({
      id: conflict.id,
      resolution: 'merged' as const,
      merged: { allergies: values.allergies, diet: values.diet, medication: values.medication, other_particulars: values.otherParticulars },
    }),
    // The backend names the merged row's columns, not these fields: its message goes above the form.
    fields: [],
  });
  const { setFocus } = form;
  // Opened by "Samenvoegen": start typing in the first field.
  useEffect(() => { setFocus('allergies'); }, [setFocus]);

  return (
    <Box mt="md" p="md" bg="gray.0" style={{ borderRadius: 'var(--mantine-radius-md)' }}>
      <ApiForm
        form={form}
        gap="sm"
        header={
          <>
            <Title order={4} size="h5">
              {t('sync.conflicts.mergeTitle')}
            </Title>
            <Text size="sm">{t('sync.conflicts.mergeIntro')}</Text>
          </>
        }
      >
        {MEDICAL_FIELDS.map((field) => (
          <TextAreaField
            key={field}
            control={form.control}
            name={FORM_FIELD[field]}
            label={t(`sync.conflicts.fields.${field}`)}
            description={t('sync.conflicts.serverHint', { value: valueText(server[field]) || t('sync.conflicts.emptyValue') })}
            maxRows={8}
          />
        ))}
        <DialogButtons onCancel={onCancel} label={t('sync.conflicts.saveMerged')} pending={form.pending} />
      </ApiForm>
    </Box>
  );
}

function ConflictCard({ conflict, onResolved }: { conflict: SyncConflict; onResolved: (resolution: Resolution) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [merging, setMerging] = useState(false);
  const resolve = useResolve(onResolved);
  const local = conflict.localPayload ?? {};
  const server = conflict.serverPayload ?? {};
  const fieldLabel = (key: string) => (isMedicalField(key) ? t(`sync.conflicts.fields.${key}`) : key);
  const busy = (resolution: Resolution) => resolve.isPending && resolve.variables.resolution === resolution;

  return (
    <Card withBorder padding="lg" component="article" aria-label={t('sync.conflicts.medicalTitle', { name: conflict.label })}>
      <Group justify="space-between" align="baseline" mb="sm">
        <Title order={3} size="h4">
          {t('sync.conflicts.medicalTitle', { name: conflict.label })}
        </Title>
        <Text size="sm" c="dimmed">
          {t('sync.conflicts.createdAt', { date: fmt.dateTime(conflict.createdAt) })}
        </Text>
      </Group>
      <DataTable
        rows={fieldsOf(conflict).map((key) => ({ key, local: valueText(local[key]), server: valueText(server[key]) }))}
        caption={t('sync.conflicts.compareCaption', { name: conflict.label })}
        rowKey={(row) => row.key}
        minWidth={560}
        tableProps={{ withTableBorder: true, withColumnBorders: true, verticalSpacing: 'xs', layout: 'fixed' }}
        rowProps={(row) => ({ bg: row.local !== row.server ? 'yellow.0' : undefined })}
        columns={[
          {
            key: 'field',
            header: t('sync.conflicts.field'),
            width: '200px',
            rowHeader: true,
            strong: true,
            cell: (row) => (
              <Stack gap={4} align="flex-start">
                {fieldLabel(row.key)}
                {row.local !== row.server && (
                  <Badge size="sm" variant="outline" color="gray">
                    {t('sync.conflicts.differs')}
                  </Badge>
                )}
              </Stack>
            ),
          },
          { key: 'local', header: t('sync.conflicts.local'), cell: (row) => <Value text={row.local} /> },
          { key: 'server', header: t('sync.conflicts.server'), cell: (row) => <Value text={row.server} /> },
        ]}
      />
      <FormError message={resolve.isError ? errorMessage(resolve.error) : null} />
      {!merging && (
        <Group mt="md" gap="sm">
          <Button variant="outline" loading={busy('local')} disabled={resolve.isPending && !busy('local')} onClick={() => { resolve.mutate({ id: conflict.id, resolution: 'local' }); }}>
            {t('sync.conflicts.keepLocal')}
          </Button>
          <Button variant="outline" loading={busy('server')} disabled={resolve.isPending && !busy('server')} onClick={() => { resolve.mutate({ id: conflict.id, resolution: 'server' }); }}>
            {t('sync.conflicts.takeServer')}
          </Button>
          {conflict.entity === 'child_medical' && (
            <Button variant="light" disabled={resolve.isPending} onClick={() => { setMerging(true); }}>
              {t('sync.conflicts.merge')}
            </Button>
          )}
        </Group>
      )}
      {merging && <MergeForm conflict={conflict} onCancel={() => { setMerging(false); }} onResolved={onResolved} />}
    </Card>
  );
}

function RejectedCard({ conflict, onResolved }: { conflict: SyncConflict; onResolved: (resolution: Resolution) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const resolve = useResolve(onResolved);
  const entity = isKnownEntity(conflict.entity) ? t(`sync.conflicts.entities.${conflict.entity}`) : conflict.entity;
  return (
    <Card withBorder padding="lg" component="article" aria-label={t('sync.conflicts.rejectedTitle', { name: conflict.label })}>
      <Title order={3} size="h4" mb="xs">
        {t('sync.conflicts.rejectedTitle', { name: conflict.label })}
      </Title>
      <Text size="sm" mb="sm">
        {t('sync.conflicts.rejectedText', { entity })}
      </Text>
      <DataList labelWidth={160}>
        <Detail label={t('sync.conflicts.reason')}>{conflict.reason ?? t('common.unknown')}</Detail>
        <Detail label={t('sync.conflicts.at')}>{fmt.dateTime(conflict.createdAt)}</Detail>
      </DataList>
      <FormError message={resolve.isError ? errorMessage(resolve.error) : null} />
      <Group mt="md">
        <Button variant="outline" loading={resolve.isPending} onClick={() => { resolve.mutate({ id: conflict.id, resolution: 'server' }); }}>
          {t('sync.conflicts.seen')}
        </Button>
      </Group>
    </Card>
  );
}

/**
 * "Conflicten": medical data changed here and elsewhere at once, side by side; and changes head
 * office refused, with its reason. Loaded once per visit (each load is an audited read) and again
 * only when the number of open conflicts in `sync.status` changes.
 */
export function ConflictsSection({ openConflicts, focusKey = null }: { openConflicts: number; focusKey?: string | null }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const conflicts = useQuery({ ...apiQuery('sync.conflicts', {}), staleTime: Infinity, gcTime: 0, refetchOnWindowFocus: false });
  const shownCount = conflicts.data?.length;
  const lastCount = useRef(openConflicts);
  const ownHeading = useRef<HTMLHeadingElement>(null);

  // Arrived through the header's conflict badge: bring the section into view and focus.
  useEffect(() => {
    if (focusKey) ownHeading.current?.focus();
  }, [focusKey]);

  useEffect(() => {
    if (openConflicts === lastCount.current) return;
    lastCount.current = openConflicts;
    if (shownCount !== undefined && shownCount !== openConflicts) void queryClient.invalidateQueries({ queryKey: CONFLICTS_KEY });
  }, [openConflicts, shownCount]);

  const onResolved = (resolution: Resolution, kind: SyncConflict['kind']) => {
    const message =
      kind === 'rejected'
        ? t('sync.conflicts.resolvedSeen')
        : resolution === 'local'
          ? t('sync.conflicts.resolvedLocal')
          : resolution === 'merged'
            ? t('sync.conflicts.resolvedMerged')
            : t('sync.conflicts.resolvedServer');
    notify({ message });
    // The card is gone: keep keyboard focus in the section instead of dropping it on the page.
    ownHeading.current?.focus();
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="sync-conflicts-title">
      <Title
        order={2}
        size="h3"
        mb={4}
        id="sync-conflicts-title"
        tabIndex={-1}
        ref={ownHeading}
        style={{ outlineOffset: 4 }}
      >
        {t('sync.conflicts.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md" maw={760}>
        {t('sync.conflicts.intro')}
      </Text>
      <QueryState query={conflicts} loaderHeight={80} empty={{ title: t('sync.conflicts.empty'), text: t('sync.conflicts.emptyText') }}>
        {(list) => (
        <Stack gap="md">
          {list.map((conflict) =>
            conflict.kind === 'rejected' ? (
              <RejectedCard key={conflict.id} conflict={conflict} onResolved={(resolution) => { onResolved(resolution, 'rejected'); }} />
            ) : (
              <ConflictCard key={conflict.id} conflict={conflict} onResolved={(resolution) => { onResolved(resolution, 'conflict'); }} />
            ),
          )}
        </Stack>
        )}
      </QueryState>
    </Card>
  );
}
