import { Anchor, Badge, Button, Group as Row, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { GroupInput, GroupUpdateInput, type Group } from '../../../../shared/api/groups.schemas';
import { CareType } from '../../../../shared/api/clients.schemas';
import { errorMessage } from '../../api/forms';
import { useApiMutation } from '../../api/mutations';
import { apiQuery } from '../../api/queries';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataTable, RowActions } from '../../components/DataTable';
import { RadioField, TextField, WholeNumberField } from '../../components/fields';
import { FormDialog } from '../../components/FormDialog';
import { FormError } from '../../components/FormError';
import { useNotify } from '../../components/Notifications';
import { PageHeader } from '../../components/PageHeader';
import { Section } from '../../components/Section';
import { useApiForm } from '../../components/useApiForm';
import { useCan } from '../../lib/session';

const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

/**
 * Groepen (issue 17): the location's groups as a managed list — name, care type, age range and
 * places. Every form that takes a group picks from it; a rename here shows on every child. A group
 * with children is archived instead of deleted; names that differ only in case and spaces (carried
 * over from free text) show as "mogelijk dubbel" until the manager merges them. Staff read the list.
 */
export function GroupsPage() {
  const { t } = useTranslation();
  const may = useCan();
  const manage = may('clients.write');
  const list = useQuery(apiQuery('groups.list', {}));
  const [editing, setEditing] = useState<Group | 'new' | null>(null);
  const [removing, setRemoving] = useState<Group | null>(null);
  const [merging, setMerging] = useState<[Group, Group] | null>(null);
  const notify = useNotify();
  const restore = useApiMutation('groups.restore', { onSuccess: (group) => { notify({ title: t('common.saved'), message: t('groups.restored', { name: group.name }) }); } });
  const groups = list.data ?? [];
  const byId = new Map(groups.map((g) => [g.id, g]));
  // Each pair of possible duplicates once.
  const pairs = groups.flatMap((g) => g.possibleDuplicates.filter((d) => d.id > g.id && byId.has(d.id)).map((d) => [g, byId.get(d.id)!] as [Group, Group]));

  return (
    <>
      <PageHeader
        title={t('groups.title')}
        intro={t('groups.intro')}
        actions={
          manage && (
            <Button onClick={() => { setEditing('new'); }}>
              {t('groups.add')}
            </Button>
          )
        }
      />
      {!manage && (
        <Text size="sm" c="dimmed" mb="md">
          {t('groups.readOnly')}
        </Text>
      )}
      {manage && pairs.length > 0 && (
        <Section title={t('groups.duplicatesTitle')} intro={t('groups.duplicatesIntro')} id="mogelijk-dubbel">
          <Stack gap="xs">
            {pairs.map(([a, b]) => (
              <Row key={`${a.id}-${b.id}`} justify="space-between" wrap="nowrap">
                <Text size="sm">
                  “{a.name}” ({t('groups.children')}: {a.children}) · “{b.name}” ({t('groups.children')}: {b.children})
                </Text>
                <Button size="xs" variant="light" onClick={() => { setMerging([a, b]); }} aria-label={t('groups.mergeFor', { from: b.name, into: a.name })}>
                  {t('groups.merge')}
                </Button>
              </Row>
            ))}
          </Stack>
        </Section>
      )}
      <DataTable
        card
        query={list}
        caption={t('groups.caption')}
        rowKey={(g) => g.id}
        minWidth={820}
        empty={{ title: t('groups.emptyTitle'), text: t('groups.empty') }}
        initialSort={{ key: 'name', direction: 'asc' }}
        columns={[
          {
            key: 'name',
            header: t('groups.name'),
            strong: true,
            sort: (a, b) => collator.compare(a.name, b.name),
            cell: (g) => (
              <Stack gap={2}>
                <span>{g.name}</span>
                {g.possibleDuplicates.length > 0 && (
                  <Badge color="orange" variant="light" size="sm" title={t('groups.duplicateOf', { names: g.possibleDuplicates.map((d) => d.name).join('”, “') })}>
                    {t('groups.possibleDuplicate')}
                  </Badge>
                )}
              </Stack>
            ),
          },
          { key: 'careType', header: t('groups.careType'), cell: (g) => (g.careType ? t(`clients.careTypes.${g.careType}`) : <NotSet />) },
          {
            key: 'age',
            header: t('groups.age'),
            cell: (g) => (g.ageFromMonths !== null && g.ageToMonths !== null ? t('groups.ageRange', { from: g.ageFromMonths, to: g.ageToMonths }) : <NotSet />),
          },
          {
            key: 'children',
            header: t('groups.children'),
            align: 'right',
            sort: (a, b) => a.children - b.children,
            cell: (g) => (
              <Anchor component={Link} to={`/kinderen?groep=${encodeURIComponent(g.id)}`} size="sm">
                {g.capacity ? t('groups.occupancy', { children: g.children, capacity: g.capacity }) : g.children}
              </Anchor>
            ),
          },
          {
            key: 'status',
            header: t('groups.status'),
            cell: (g) => (g.archived ? <Badge color="gray" variant="light">{t('groups.archived')}</Badge> : <Badge color="green" variant="light">{t('groups.active')}</Badge>),
          },
          manage && {
            key: 'actions',
            header: t('groups.actions'),
            hiddenHeader: true,
            cell: (g) => (
              <RowActions>
                <Button size="xs" variant="default" onClick={() => { setEditing(g); }} aria-label={t('groups.editFor', { name: g.name })}>
                  {t('groups.edit')}
                </Button>
                {g.archived ? (
                  <Button size="xs" variant="subtle" loading={restore.isPending && restore.variables.id === g.id} onClick={() => { restore.mutate({ id: g.id }); }}>
                    {t('groups.restore')}
                  </Button>
                ) : (
                  <Button size="xs" variant="subtle" color="red" onClick={() => { setRemoving(g); }}>
                    {g.children > 0 ? t('groups.archive') : t('groups.remove')}
                  </Button>
                )}
              </RowActions>
            ),
          },
        ]}
      />
      <FormError message={restore.isError ? errorMessage(restore.error) : null} />
      {editing && <GroupDialog group={editing === 'new' ? null : editing} onClose={() => { setEditing(null); }} />}
      {removing && <RemoveDialog group={removing} onClose={() => { setRemoving(null); }} />}
      {merging && <MergeDialog pair={merging} onClose={() => { setMerging(null); }} />}
    </>
  );
}

function NotSet() {
  const { t } = useTranslation();
  return (
    <Text span size="sm" c="orange.9">
      {t('groups.notSet')}
    </Text>
  );
}

function GroupDialog({ group, onClose }: { group: Group | null; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useApiForm({
    schema: GroupInput,
    defaultValues: { name: '', careType: undefined, ageFromMonths: undefined, ageToMonths: undefined, capacity: undefined },
    mutation: useApiMutation('groups.create'),
    success: (saved) => t('groups.saved', { name: saved.name }),
    onSuccess: onClose,
  });
  const update = useApiForm({
    schema: GroupUpdateInput,
    defaultValues: {
      id: group?.id ?? '',
      name: group?.name ?? '',
      careType: group?.careType ?? undefined,
      ageFromMonths: group?.ageFromMonths ?? undefined,
      ageToMonths: group?.ageToMonths ?? undefined,
      capacity: group?.capacity ?? undefined,
    },
    mutation: useApiMutation('groups.update'),
    success: (saved) => t('groups.saved', { name: saved.name }),
    onSuccess: onClose,
  });
  // Both forms hold the same fields (the update adds the id); the fields below are typed on the create form.
  const form = group ? update : create;
  const fieldsControl = (group ? update.control : create.control) as typeof create.control;
  return (
    <FormDialog form={form} title={group ? t('groups.editTitle', { name: group.name }) : t('groups.addTitle')} onClose={onClose}>
      <TextField control={fieldsControl} name="name" label={t('groups.name')} required autoFocus description={group && group.children > 0 ? t('groups.renameNote', { count: group.children }) : undefined} />
      <RadioField control={fieldsControl} name="careType" label={t('groups.careType')} required options={CareType.options.map((type) => ({ value: type, label: t(`clients.careTypes.${type}`) }))} />
      <SimpleGrid cols={2} style={{ alignItems: 'start' }}>
        <WholeNumberField control={fieldsControl} name="ageFromMonths" label={t('groups.ageFrom')} required min={0} max={216} />
        <WholeNumberField control={fieldsControl} name="ageToMonths" label={t('groups.ageTo')} required min={1} max={216} />
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt={-8}>
        {t('groups.ageHelp')}
      </Text>
      <WholeNumberField control={fieldsControl} name="capacity" label={t('groups.capacityField')} required min={1} max={100} maw={200} />
    </FormDialog>
  );
}

/** Deletes an empty group; archives one with children (the backend decides the same way). */
function RemoveDialog({ group, onClose }: { group: Group; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const remove = useApiMutation('groups.remove', {
    onSuccess: (result) => {
      notify({ title: t('common.saved'), message: t(result.outcome === 'archived' ? 'groups.archivedToast' : 'groups.removed', { name: group.name }) });
      onClose();
    },
  });
  const archive = group.children > 0;
  return (
    <ConfirmDialog
      title={archive ? t('groups.archiveTitle', { name: group.name }) : t('groups.removeTitle', { name: group.name })}
      confirmLabel={archive ? t('groups.archive') : t('groups.remove')}
      color="red"
      mutation={remove}
      onConfirm={() => { remove.mutate({ id: group.id }); }}
      onClose={onClose}
    >
      <Text>{archive ? t('groups.archiveText', { count: group.children }) : t('groups.removeText')}</Text>
    </ConfirmDialog>
  );
}

/** "Mogelijk dubbel": the manager says which name stays; the other group's children move to it. */
function MergeDialog({ pair, onClose }: { pair: [Group, Group]; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [intoId, setIntoId] = useState(pair[0].children >= pair[1].children ? pair[0].id : pair[1].id);
  const into = pair.find((g) => g.id === intoId)!;
  const from = pair.find((g) => g.id !== intoId)!;
  const merge = useApiMutation('groups.merge', {
    onSuccess: (group) => {
      notify({ title: t('common.saved'), message: t('groups.merged', { name: group.name }) });
      onClose();
    },
  });
  return (
    <ConfirmDialog title={t('groups.mergeTitle')} confirmLabel={t('groups.merge')} mutation={merge} onConfirm={() => { merge.mutate({ fromId: from.id, intoId: into.id }); }} onClose={onClose}>
      <Radio.Group label={t('groups.mergeKeep')} value={intoId} onChange={setIntoId}>
        <Stack gap="xs" mt="xs">
          {pair.map((g) => (
            <Radio key={g.id} value={g.id} label={`“${g.name}” (${t('groups.children')}: ${String(g.children)})`} />
          ))}
        </Stack>
      </Radio.Group>
      <Text>{t('groups.mergeText', { count: from.children, from: from.name, into: into.name })}</Text>
      <Text size="sm" c="dimmed">
        {t('groups.mergeLogged')}
      </Text>
    </ConfirmDialog>
  );
}
