import { Alert, Anchor, Badge, Button, Group, List, Radio, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { IdentificationMethod, IdType, type PickupBan } from '../../../../shared/api/clients.schemas';
import { contract } from '../../../../shared/api/contract';
import { applyServerErrors, errorMessage, formResolver } from '../../api/forms';
import { apiQuery } from '../../api/queries';
import { AppModal } from '../../components/AppModal';
import { FormError } from '../../components/FormError';
import { LoadingState } from '../../components/LoadingState';
import { useNotify } from '../../components/Notifications';
import { useCan } from '../auth/session';
import { formatDate, formatDateTime } from './format';
import { recordSchemaResolver } from './forms';
import { DateField } from './common';
import { useApiMutation } from '../../api/mutations';

type Ban = z.infer<typeof PickupBan>;
type Dialog =
  | { kind: 'person' }
  | { kind: 'revoke'; id: string; name: string }
  | { kind: 'ban' }
  | { kind: 'lift'; ban: Ban }
  | { kind: 'identify' }
  | null;

/**
 * The red warning at the top of a child's page: people who may NOT collect the child, with the
 * basis of each (e.g. a court order), so nobody has to open a tab to see it.
 */
export function PickupBanAlert({ childId, childName }: { childId: string; childName: string }) {
  const { t } = useTranslation();
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
            {ban.basisDate && ` (${formatDate(ban.basisDate)})`}
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
export function PickupSection({ childId, childName }: { childId: string; childName: string }) {
  const { t } = useTranslation();
  const may = useCan();
  const notify = useNotify();
  const pickup = useQuery(apiQuery('pickup.list', { childId }));
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => { setDialog(null); };
  const mayWrite = may('pickup.write');

  if (pickup.isPending) return <LoadingState minHeight={80} />;
  if (pickup.isError) return <FormError message={errorMessage(pickup.error)} />;
  const { persons, bans, identifications } = pickup.data;

  return (
    <Stack gap="xl">
      <Stack gap="sm" component="section" aria-labelledby="pickup-persons">
        <Group justify="space-between">
          <Title order={3} size="h4" id="pickup-persons">
            {t('pickup.personsTitle')}
          </Title>
          {mayWrite && (
            <Button variant="light" onClick={() => { setDialog({ kind: 'person' }); }}>
              {t('pickup.addPerson')}
            </Button>
          )}
        </Group>
        {persons.length === 0 ? (
          <Text c="dimmed">{t('pickup.noPersons')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs">
              <VisuallyHidden component="caption">{t('pickup.personsCaption', { name: childName })}</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('pickup.name')}</Table.Th>
                  <Table.Th scope="col">{t('pickup.relation')}</Table.Th>
                  <Table.Th scope="col">{t('pickup.phone')}</Table.Th>
                  <Table.Th scope="col">{t('pickup.validUntil')}</Table.Th>
                  {mayWrite && <Table.Th scope="col">{t('pickup.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {persons.map((person) => (
                  <Table.Tr key={person.id} c={person.expired ? 'dimmed' : undefined}>
                    <Table.Td fw={600}>{person.name}</Table.Td>
                    <Table.Td>{person.relation}</Table.Td>
                    <Table.Td>{person.phone ? <Anchor href={`tel:${person.phone.replace(/[^0-9+]/g, '')}`} size="sm">{person.phone}</Anchor> : '—'}</Table.Td>
                    <Table.Td>
                      <Group gap={6}>
                        {person.validUntil ? formatDate(person.validUntil) : t('pickup.noExpiry')}
                        {person.expired && (
                          <Badge variant="light" color="red">
                            {t('pickup.expired')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    {mayWrite && (
                      <Table.Td>
                        <Button size="compact-sm" variant="default" onClick={() => { setDialog({ kind: 'revoke', id: person.id, name: person.name }); }} aria-label={t('pickup.revokeFor', { name: person.name })}>
                          {t('pickup.revoke')}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="pickup-bans">
        <Group justify="space-between">
          <Title order={3} size="h4" id="pickup-bans">
            {t('pickup.bansTitle')}
          </Title>
          {mayWrite && (
            <Button variant="light" color="red" onClick={() => { setDialog({ kind: 'ban' }); }}>
              {t('pickup.addBan')}
            </Button>
          )}
        </Group>
        {bans.length === 0 ? (
          <Text c="dimmed">{t('pickup.noBans')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs">
              <VisuallyHidden component="caption">{t('pickup.bansCaption', { name: childName })}</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('pickup.name')}</Table.Th>
                  <Table.Th scope="col">{t('pickup.basis')}</Table.Th>
                  <Table.Th scope="col">{t('pickup.basisDate')}</Table.Th>
                  <Table.Th scope="col">{t('pickup.notes')}</Table.Th>
                  <Table.Th scope="col">{t('pickup.banStatus')}</Table.Th>
                  {mayWrite && <Table.Th scope="col">{t('pickup.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {bans.map((ban) => (
                  <Table.Tr key={ban.id}>
                    <Table.Td fw={600}>{ban.name}</Table.Td>
                    <Table.Td>{ban.basisReference}</Table.Td>
                    <Table.Td>{formatDate(ban.basisDate)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{ban.notes ?? '—'}</Table.Td>
                    <Table.Td>
                      {ban.liftedAt ? (
                        <Badge variant="light" color="gray">
                          {t('pickup.liftedOn', { date: formatDate(ban.liftedAt) })}
                        </Badge>
                      ) : (
                        <Badge variant="filled" color="red">
                          {t('pickup.banActive')}
                        </Badge>
                      )}
                    </Table.Td>
                    {mayWrite && (
                      <Table.Td>
                        {!ban.liftedAt && (
                          <Button size="compact-sm" variant="default" onClick={() => { setDialog({ kind: 'lift', ban }); }} aria-label={t('pickup.liftFor', { name: ban.name })}>
                            {t('pickup.lift')}
                          </Button>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="pickup-identifications">
        <Group justify="space-between">
          <Title order={3} size="h4" id="pickup-identifications">
            {t('pickup.identificationsTitle')}
          </Title>
          {may('pickup.identify') && (
            <Button variant="light" onClick={() => { setDialog({ kind: 'identify' }); }}>
              {t('pickup.identify')}
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('pickup.identificationsIntro')}
        </Text>
        {identifications.length === 0 ? (
          <Text c="dimmed">{t('pickup.noIdentifications')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs">
              <VisuallyHidden component="caption">{t('pickup.identificationsCaption', { name: childName })}</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('pickup.recordedAt')}</Table.Th>
                  <Table.Th scope="col">{t('pickup.collector')}</Table.Th>
                  <Table.Th scope="col">{t('pickup.methodColumn')}</Table.Th>
                  <Table.Th scope="col">{t('pickup.recordedBy')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {identifications.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(item.recordedAt)}</Table.Td>
                    <Table.Td fw={600}>{item.collectorName}</Table.Td>
                    <Table.Td>
                      {t(`pickup.methods.${item.method}`)}
                      {item.idType && ` (${t(`pickup.idTypes.${item.idType}`)})`}
                    </Table.Td>
                    <Table.Td>{item.recordedByName}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>

      {dialog?.kind === 'person' && <PersonDialog childId={childId} onClose={close} />}
      {dialog?.kind === 'revoke' && <RevokeDialog id={dialog.id} name={dialog.name} onClose={close} onDone={() => { notify({ title: t('common.saved'), message: t('pickup.revoked', { name: dialog.name }) }); close(); }} />}
      {dialog?.kind === 'ban' && <BanDialog childId={childId} childName={childName} onClose={close} />}
      {dialog?.kind === 'lift' && <LiftBanDialog ban={dialog.ban} onClose={close} />}
      {dialog?.kind === 'identify' && <IdentificationDialog childId={childId} childName={childName} onClose={close} />}
    </Stack>
  );
}

function DialogButtons({ onCancel, submitLabel, loading, color }: { onCancel: () => void; submitLabel: string; loading: boolean; color?: string }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={loading} color={color}>
        {submitLabel}
      </Button>
    </Group>
  );
}

/** "Ophaalpersoon toevoegen": naam, relatie, telefoon, geldig tot. */
function PersonDialog({ childId, onClose }: { childId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, control, handleSubmit, setError, formState } = useForm({
    resolver: formResolver(contract['pickup.addPerson'].input),
    defaultValues: { childId, name: '', relation: '', phone: '', validUntil: '' },
  });
  const { errors } = formState;
  const save = useApiMutation('pickup.addPerson', {
    onSuccess: (person) => {
      notify({ title: t('common.saved'), message: t('pickup.personAdded', { name: person.name }) });
      onClose();
    },
    onError: (error) => { setFormError(applyServerErrors(error, setError, ['name', 'relation', 'phone', 'validUntil'])); },
  });
  return (
    <AppModal onClose={onClose} title={t('pickup.addPerson')}>
      <form noValidate onSubmit={(event) => void handleSubmit((input) => { setFormError(null); save.mutate(input); })(event)}>
        <Stack gap="md">
          <FormError message={formError} />
          <SimpleGrid cols={2}>
            <TextInput label={t('pickup.name')} withAsterisk data-autofocus autoComplete="off" {...register('name')} error={errors.name?.message} />
            <TextInput label={t('pickup.relation')} placeholder={t('pickup.relationHelp')} withAsterisk autoComplete="off" {...register('relation')} error={errors.relation?.message} />
            <TextInput label={t('pickup.phone')} type="tel" autoComplete="off" {...register('phone')} error={errors.phone?.message} />
            <DateField control={control} name="validUntil" label={t('pickup.validUntil')} />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t('pickup.validUntilHelp')}
          </Text>
          <DialogButtons onCancel={onClose} submitLabel={t('pickup.addPersonSubmit')} loading={save.isPending} />
        </Stack>
      </form>
    </AppModal>
  );
}

function RevokeDialog({ id, name, onClose, onDone }: { id: string; name: string; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const revoke = useApiMutation('pickup.revokePerson', { onSuccess: onDone });
  return (
    <AppModal onClose={onClose} title={t('pickup.revokeTitle')} size="md">
      <Stack gap="md">
        <Text>{t('pickup.revokeText', { name })}</Text>
        <FormError message={revoke.isError ? errorMessage(revoke.error) : null} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={revoke.isPending} onClick={() => { revoke.mutate({ id }); }}>
            {t('pickup.revoke')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}

/** "Mag niet ophalen" toevoegen: the basis (e.g. a court order) is required. */
function BanDialog({ childId, childName, onClose }: { childId: string; childName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, control, handleSubmit, setError, formState } = useForm({
    resolver: formResolver(contract['pickup.addBan'].input),
    defaultValues: { childId, name: '', basisReference: '', basisDate: '', notes: '' },
  });
  const { errors } = formState;
  const save = useApiMutation('pickup.addBan', {
    onSuccess: (ban) => {
      notify({ title: t('common.saved'), message: t('pickup.banAdded', { name: ban.name }) });
      onClose();
    },
    onError: (error) => { setFormError(applyServerErrors(error, setError, ['name', 'basisReference', 'basisDate', 'notes'])); },
  });
  return (
    <AppModal onClose={onClose} title={t('pickup.addBanTitle', { name: childName })}>
      <form noValidate onSubmit={(event) => void handleSubmit((input) => { setFormError(null); save.mutate(input); })(event)}>
        <Stack gap="md">
          <Text size="sm">{t('pickup.banIntro')}</Text>
          <FormError message={formError} />
          <TextInput label={t('pickup.name')} withAsterisk data-autofocus autoComplete="off" {...register('name')} error={errors.name?.message} />
          <SimpleGrid cols={2} style={{ alignItems: 'start' }}>
            <TextInput label={t('pickup.basis')} description={t('pickup.basisHelp')} withAsterisk autoComplete="off" {...register('basisReference')} error={errors.basisReference?.message} />
            <DateField control={control} name="basisDate" label={t('pickup.basisDate')} description={t('pickup.basisDateHelp')} />
          </SimpleGrid>
          <Textarea label={t('pickup.notes')} autosize minRows={2} {...register('notes')} error={errors.notes?.message} />
          <DialogButtons onCancel={onClose} submitLabel={t('pickup.addBanSubmit')} loading={save.isPending} color="red" />
        </Stack>
      </form>
    </AppModal>
  );
}

/** "Opheffen" with a reason (kept with the record). */
function LiftBanDialog({ ban, onClose }: { ban: Ban; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm({
    resolver: formResolver(contract['pickup.liftBan'].input),
    defaultValues: { id: ban.id, reason: '' },
  });
  const lift = useApiMutation('pickup.liftBan', {
    onSuccess: () => {
      notify({ title: t('common.saved'), message: t('pickup.lifted', { name: ban.name }) });
      onClose();
    },
    onError: (error) => { setFormError(applyServerErrors(error, setError, ['reason'])); },
  });
  return (
    <AppModal onClose={onClose} title={t('pickup.liftTitle', { name: ban.name })} size="md">
      <form noValidate onSubmit={(event) => void handleSubmit((input) => { setFormError(null); lift.mutate(input); })(event)}>
        <Stack gap="md">
          <Text size="sm">{t('pickup.liftText')}</Text>
          <FormError message={formError} />
          <Textarea label={t('pickup.liftReason')} description={t('pickup.liftReasonHelp')} withAsterisk autosize minRows={2} data-autofocus {...register('reason')} error={formState.errors.reason?.message} />
          <DialogButtons onCancel={onClose} submitLabel={t('pickup.lift')} loading={lift.isPending} />
        </Stack>
      </form>
    </AppModal>
  );
}

type IdentificationForm = {
  childId: string;
  collectorName: string;
  method: z.infer<typeof IdentificationMethod> | null;
  idType: z.infer<typeof IdType> | null;
};

/**
 * "Identificatie vastleggen": who collected the child and how staff knew it was them. With "ID
 * getoond" only the kind of document is recorded — never its number, never a copy.
 */
function IdentificationDialog({ childId, childName, onClose }: { childId: string; childName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, control, handleSubmit, setError, setValue, formState } = useForm({
    resolver: recordSchemaResolver<IdentificationForm, typeof contract['pickup.recordIdentification']['input']>(contract['pickup.recordIdentification'].input),
    defaultValues: { childId, collectorName: '', method: null, idType: null },
  });
  const { errors } = formState;
  const method = useWatch({ control, name: 'method' });
  const save = useApiMutation('pickup.recordIdentification', {
    onSuccess: () => {
      notify({ title: t('common.saved'), message: t('pickup.identified') });
      onClose();
    },
    onError: (error) => { setFormError(applyServerErrors(error, setError, ['collectorName', 'method', 'idType'])); },
  });
  return (
    <AppModal onClose={onClose} title={t('pickup.identifyTitle', { name: childName })}>
      <form noValidate onSubmit={(event) => void handleSubmit((input) => { setFormError(null); save.mutate(input); })(event)}>
        <Stack gap="md">
          <FormError message={formError} />
          <TextInput label={t('pickup.collector')} withAsterisk data-autofocus autoComplete="off" {...register('collectorName')} error={errors.collectorName?.message} />
          <Controller
            control={control}
            name="method"
            render={({ field }) => (
              <Radio.Group
                label={t('pickup.method')}
                withAsterisk
                value={field.value}
                onChange={(value) => {
                  field.onChange(value);
                  if (value !== 'id_shown') setValue('idType', null);
                }}
                error={errors.method?.message}
              >
                <Stack gap="xs" mt="xs">
                  {IdentificationMethod.options.map((option) => (
                    <Radio key={option} value={option} label={t(`pickup.methods.${option}`)} description={t(`pickup.methodHelp.${option}`)} />
                  ))}
                </Stack>
              </Radio.Group>
            )}
          />
          {method === 'id_shown' && (
            <Controller
              control={control}
              name="idType"
              render={({ field }) => (
                <Radio.Group label={t('pickup.idType')} withAsterisk value={field.value} onChange={field.onChange} error={errors.idType?.message}>
                  <Group gap="lg" mt="xs">
                    {IdType.options.map((option) => (
                      <Radio key={option} value={option} label={t(`pickup.idTypes.${option}`)} />
                    ))}
                  </Group>
                </Radio.Group>
              )}
            />
          )}
          <Alert color="blue" variant="light" p="sm">
            {t('pickup.idNeverStored')}
          </Alert>
          <DialogButtons onCancel={onClose} submitLabel={t('pickup.identifySubmit')} loading={save.isPending} />
        </Stack>
      </form>
    </AppModal>
  );
}
