import { Alert, Badge, Button, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { IdentificationInput, IdentificationMethod, IdType, PickupBanInput, PickupPersonInput } from '../../../../shared/api/clients.schemas';
import { contract, type MethodOutput } from '../../../../shared/api/contract';
import { useApiMutation } from '../../api/mutations';
import { apiQuery } from '../../api/queries';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataTable } from '../../components/DataTable';
import { DateField, RadioField, TextAreaField, TextField } from '../../components/fields';
import { FormDialog } from '../../components/FormDialog';
import { useNotify } from '../../components/Notifications';
import { PhoneLink } from '../../components/PhoneLink';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useApiForm, withFormShape } from '../../components/useApiForm';
import { useFormat } from '../../lib/format';
import { useCan } from '../../lib/session';

type Pickup = MethodOutput<'pickup.list'>;
type Person = Pickup['persons'][number];
type Ban = Pickup['bans'][number];
type Dialog = { kind: 'person' } | { kind: 'revoke'; person: Person } | { kind: 'ban' } | { kind: 'lift'; ban: Ban } | { kind: 'identify' } | null;

interface ChildProps {
  childId: string;
  childName: string;
}

/**
 * The red warning at the top of a child's page: people who may NOT collect the child, with the
 * basis of each (e.g. a court order), so nobody has to open a tab to see it.
 */
export function PickupBanAlert({ childId, childName }: ChildProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const pickup = useQuery(apiQuery('pickup.list', { childId }));
  const active = pickup.data?.bans.filter((ban) => !ban.liftedAt) ?? [];
  if (active.length === 0) return null;
  return (
    <Alert color="red" variant="filled" role="alert" title={t('pickup.alertTitle', { name: childName })} mb="lg">
      <List spacing={4} size="sm" c="white">
        {active.map((ban) => (
          <List.Item key={ban.id}>
            <Text span fw={700} inherit>
              {ban.name}
            </Text>
            {' — '}
            {t('pickup.alertBasis', { basis: ban.basisReference })}
            {ban.basisDate && ` (${fmt.date(ban.basisDate)})`}
          </List.Item>
        ))}
      </List>
      <Text size="sm" mt="xs" c="white">
        {t('pickup.alertAction')}
      </Text>
    </Alert>
  );
}

/** Ophalen: ophaalpersonen, "mag niet ophalen" and the identificatielog of one child. */
export function PickupSection({ childId, childName }: ChildProps) {
  const { t } = useTranslation();
  const may = useCan();
  const notify = useNotify();
  const pickup = useQuery(apiQuery('pickup.list', { childId }));
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => { setDialog(null); };
  const revoke = useApiMutation('pickup.revokePerson', {
    onSuccess: () => {
      if (dialog?.kind === 'revoke') notify({ title: t('common.saved'), message: t('pickup.revoked', { name: dialog.person.name }) });
      close();
    },
  });
  const mayWrite = may('pickup.write');

  return (
    <QueryState query={pickup} loaderHeight={80}>
      {({ persons, bans, identifications }) => (
        <Stack gap="xl">
          <Section level={3} title={t('pickup.personsTitle')} actions={mayWrite && <Button variant="light" onClick={() => { setDialog({ kind: 'person' }); }}>{t('pickup.addPerson')}</Button>}>
            <PersonsTable persons={persons} childName={childName} onRevoke={mayWrite ? (person) => { setDialog({ kind: 'revoke', person }); } : null} />
          </Section>
          <Section
            level={3}
            title={t('pickup.bansTitle')}
            actions={
              mayWrite && (
                <Button variant="light" color="red" onClick={() => { setDialog({ kind: 'ban' }); }}>
                  {t('pickup.addBan')}
                </Button>
              )
            }
          >
            <BansTable bans={bans} childName={childName} onLift={mayWrite ? (ban) => { setDialog({ kind: 'lift', ban }); } : null} />
          </Section>
          <Section
            level={3}
            title={t('pickup.identificationsTitle')}
            intro={t('pickup.identificationsIntro')}
            actions={may('pickup.identify') && <Button variant="light" onClick={() => { setDialog({ kind: 'identify' }); }}>{t('pickup.identify')}</Button>}
          >
            <IdentificationsTable identifications={identifications} childName={childName} />
          </Section>

          {dialog?.kind === 'person' && <PersonDialog childId={childId} onClose={close} />}
          {dialog?.kind === 'revoke' && (
            <ConfirmDialog title={t('pickup.revokeTitle')} confirmLabel={t('pickup.revoke')} color="red" mutation={revoke} onConfirm={() => { revoke.mutate({ id: dialog.person.id }); }} onClose={close}>
              <Text>{t('pickup.revokeText', { name: dialog.person.name })}</Text>
            </ConfirmDialog>
          )}
          {dialog?.kind === 'ban' && <BanDialog childId={childId} childName={childName} onClose={close} />}
          {dialog?.kind === 'lift' && <LiftBanDialog ban={dialog.ban} onClose={close} />}
          {dialog?.kind === 'identify' && <IdentificationDialog childId={childId} childName={childName} onClose={close} />}
        </Stack>
      )}
    </QueryState>
  );
}

function PersonsTable({ persons, childName, onRevoke }: { persons: Person[]; childName: string; onRevoke: ((person: Person) => void) | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <DataTable
      rows={persons}
      caption={t('pickup.personsCaption', { name: childName })}
      rowKey={(person) => person.id}
      minWidth={640}
      tableProps={{ verticalSpacing: 'xs' }}
      rowProps={(person) => ({ c: person.expired ? 'dimmed' : undefined })}
      empty={t('pickup.noPersons')}
      columns={[
        { key: 'name', header: t('pickup.name'), cell: (person) => person.name, strong: true },
        { key: 'relation', header: t('pickup.relation'), cell: (person) => person.relation },
        { key: 'phone', header: t('pickup.phone'), cell: (person) => <PhoneLink phone={person.phone} size="sm" /> },
        {
          key: 'validUntil',
          header: t('pickup.validUntil'),
          cell: (person) => (
            <Group gap={6}>
              {person.validUntil ? fmt.date(person.validUntil) : t('pickup.noExpiry')}
              {person.expired && (
                <Badge variant="light" color="red">
                  {t('pickup.expired')}
                </Badge>
              )}
            </Group>
          ),
        },
        onRevoke !== null && {
          key: 'actions',
          header: t('pickup.actions'),
          cell: (person) => (
            <Button size="compact-sm" variant="default" onClick={() => { onRevoke(person); }} aria-label={t('pickup.revokeFor', { name: person.name })}>
              {t('pickup.revoke')}
            </Button>
          ),
        },
      ]}
    />
  );
}

function BansTable({ bans, childName, onLift }: { bans: Ban[]; childName: string; onLift: ((ban: Ban) => void) | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <DataTable
      rows={bans}
      caption={t('pickup.bansCaption', { name: childName })}
      rowKey={(ban) => ban.id}
      minWidth={640}
      tableProps={{ verticalSpacing: 'xs' }}
      empty={t('pickup.noBans')}
      columns={[
        { key: 'name', header: t('pickup.name'), cell: (ban) => ban.name, strong: true },
        { key: 'basis', header: t('pickup.basis'), cell: (ban) => ban.basisReference },
        { key: 'basisDate', header: t('pickup.basisDate'), cell: (ban) => fmt.date(ban.basisDate) },
        { key: 'notes', header: t('pickup.notes'), cell: (ban) => ban.notes ?? '—', whiteSpace: 'pre-wrap' },
        {
          key: 'status',
          header: t('pickup.banStatus'),
          cell: (ban) =>
            ban.liftedAt ? (
              <Badge variant="light" color="gray">
                {t('pickup.liftedOn', { date: fmt.date(ban.liftedAt) })}
              </Badge>
            ) : (
              <Badge variant="filled" color="red">
                {t('pickup.banActive')}
              </Badge>
            ),
        },
        onLift !== null && {
          key: 'actions',
          header: t('pickup.actions'),
          cell: (ban) =>
            !ban.liftedAt && (
              <Button size="compact-sm" variant="default" onClick={() => { onLift(ban); }} aria-label={t('pickup.liftFor', { name: ban.name })}>
                {t('pickup.lift')}
              </Button>
            ),
        },
      ]}
    />
  );
}

function IdentificationsTable({ identifications, childName }: { identifications: Pickup['identifications']; childName: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <DataTable
      rows={identifications}
      caption={t('pickup.identificationsCaption', { name: childName })}
      rowKey={(item) => item.id}
      minWidth={640}
      tableProps={{ verticalSpacing: 'xs' }}
      empty={t('pickup.noIdentifications')}
      columns={[
        { key: 'at', header: t('pickup.recordedAt'), cell: (item) => fmt.dateTime(item.recordedAt), whiteSpace: 'nowrap' },
        { key: 'collector', header: t('pickup.collector'), cell: (item) => item.collectorName, strong: true },
        { key: 'method', header: t('pickup.methodColumn'), cell: (item) => `${t(`pickup.methods.${item.method}`)}${item.idType ? ` (${t(`pickup.idTypes.${item.idType}`)})` : ''}` },
        { key: 'by', header: t('pickup.recordedBy'), cell: (item) => item.recordedByName },
      ]}
    />
  );
}

/** "Ophaalpersoon toevoegen": naam, relatie, telefoon, geldig tot. */
function PersonDialog({ childId, onClose }: { childId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm({
    schema: PickupPersonInput,
    defaultValues: { childId, name: '', relation: '', phone: '', validUntil: '' },
    mutation: useApiMutation('pickup.addPerson'),
    success: (person) => t('pickup.personAdded', { name: person.name }),
    onSuccess: onClose,
  });
  const { control } = form;
  return (
    <FormDialog form={form} title={t('pickup.addPerson')} onClose={onClose} submitLabel={t('pickup.addPersonSubmit')}>
      <SimpleGrid cols={2}>
        <TextField control={control} name="name" label={t('pickup.name')} required autoFocus />
        <TextField control={control} name="relation" label={t('pickup.relation')} placeholder={t('pickup.relationHelp')} required />
        <TextField control={control} name="phone" label={t('pickup.phone')} type="tel" />
        <DateField control={control} name="validUntil" label={t('pickup.validUntil')} />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('pickup.validUntilHelp')}
      </Text>
    </FormDialog>
  );
}

/** "Mag niet ophalen" toevoegen: the basis (e.g. a court order) is required. */
function BanDialog({ childId, childName, onClose }: ChildProps & { onClose: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm({
    schema: PickupBanInput,
    defaultValues: { childId, name: '', basisReference: '', basisDate: '', notes: '' },
    mutation: useApiMutation('pickup.addBan'),
    success: (ban) => t('pickup.banAdded', { name: ban.name }),
    onSuccess: onClose,
  });
  const { control } = form;
  return (
    <FormDialog
      form={form}
      title={t('pickup.addBanTitle', { name: childName })}
      intro={<Text size="sm">{t('pickup.banIntro')}</Text>}
      onClose={onClose}
      submitLabel={t('pickup.addBanSubmit')}
      submitColor="red"
    >
      <TextField control={control} name="name" label={t('pickup.name')} required autoFocus />
      <SimpleGrid cols={2} style={{ alignItems: 'start' }}>
        <TextField control={control} name="basisReference" label={t('pickup.basis')} description={t('pickup.basisHelp')} required />
        <DateField control={control} name="basisDate" label={t('pickup.basisDate')} description={t('pickup.basisDateHelp')} />
      </SimpleGrid>
      <TextAreaField control={control} name="notes" label={t('pickup.notes')} />
    </FormDialog>
  );
}

/** "Opheffen" with a reason (kept with the record). */
function LiftBanDialog({ ban, onClose }: { ban: Ban; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm({
    schema: contract['pickup.liftBan'].input,
    defaultValues: { id: ban.id, reason: '' },
    mutation: useApiMutation('pickup.liftBan'),
    success: () => t('pickup.lifted', { name: ban.name }),
    onSuccess: onClose,
  });
  return (
    <FormDialog form={form} title={t('pickup.liftTitle', { name: ban.name })} intro={<Text size="sm">{t('pickup.liftText')}</Text>} onClose={onClose} submitLabel={t('pickup.lift')} size="md">
      <TextAreaField control={form.control} name="reason" label={t('pickup.liftReason')} description={t('pickup.liftReasonHelp')} required autoFocus />
    </FormDialog>
  );
}

// A type alias (not an interface): it must fit the shared schema's `Record<string, unknown>` input.
type IdentificationForm = {
  childId: string;
  collectorName: string;
  method: (typeof IdentificationMethod.options)[number] | null;
  idType: (typeof IdType.options)[number] | null;
};

/**
 * "Identificatie vastleggen": who collected the child and how staff knew it was them. With "ID
 * getoond" only the kind of document is recorded — never its number, never a copy.
 */
function IdentificationDialog({ childId, childName, onClose }: ChildProps & { onClose: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm({
    schema: withFormShape<IdentificationForm>()(IdentificationInput),
    defaultValues: { childId, collectorName: '', method: null, idType: null },
    mutation: useApiMutation('pickup.recordIdentification'),
    success: () => t('pickup.identified'),
    onSuccess: onClose,
  });
  const { control, setValue } = form;
  const method = useWatch({ control, name: 'method' });
  // The kind of document goes only with "ID getoond".
  useEffect(() => {
    if (method !== 'id_shown') setValue('idType', null);
  }, [method, setValue]);
  return (
    <FormDialog form={form} title={t('pickup.identifyTitle', { name: childName })} onClose={onClose} submitLabel={t('pickup.identifySubmit')}>
      <TextField control={control} name="collectorName" label={t('pickup.collector')} required autoFocus />
      <RadioField
        control={control}
        name="method"
        label={t('pickup.method')}
        required
        stacked
        options={IdentificationMethod.options.map((option) => ({ value: option, label: t(`pickup.methods.${option}`), description: t(`pickup.methodHelp.${option}`) }))}
      />
      {method === 'id_shown' && (
        <RadioField control={control} name="idType" label={t('pickup.idType')} required options={IdType.options.map((option) => ({ value: option, label: t(`pickup.idTypes.${option}`) }))} />
      )}
      <Alert color="blue" variant="light" p="sm">
        {t('pickup.idNeverStored')}
      </Alert>
    </FormDialog>
  );
}
