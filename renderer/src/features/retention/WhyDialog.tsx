import { Badge, Button, Group, Select, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { HoldReasonKind, LiftHoldInput, PlaceHoldInput, type LegalHold, type SubjectType, type WhySubjectType } from '../../../../shared/api/retention.schemas';
import { applyServerErrors, errorMessage, formResolver } from '../../api/forms';
import { apiQuery } from '../../api/queries';
import { AppModal } from '../../components/AppModal';
import { FormError } from '../../components/FormError';
import { LoadingState } from '../../components/LoadingState';
import { useNotify } from '../../components/Notifications';
import { DateField } from '../children/common';
import { formatDate } from '../children/format';
import { useApiMutation } from '../../api/mutations';
import { useFileDownload } from '../consents/files';

/** "Waarom bewaren?" button for a person's page or row. */
export function WhyButton({ subjectType, id }: { subjectType: WhySubjectType; id: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="xs" variant="light" onClick={() => { setOpen(true); }}>
        {t('retention.whyButton')}
      </Button>
      {open && <WhyDialog subjectType={subjectType} id={id} onClose={() => { setOpen(false); }} />}
    </>
  );
}

/** Each category of the person's data, its rule, legal basis and date; the holds on the record. */
function WhyDialog({ subjectType, id, onClose }: { subjectType: WhySubjectType; id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const why = useQuery(apiQuery('retention.why', { subjectType, id }));
  const pdf = useFileDownload('retention.whyPdf');
  return (
    <AppModal onClose={onClose} title={t('retention.whyTitle')} size="xl">
      {why.isPending ? (
        <LoadingState minHeight={120} />
      ) : why.isError ? (
        <FormError message={errorMessage(why.error)} />
      ) : (
        <Stack gap="md">
          <Group justify="space-between">
            <Stack gap={0}>
              <Text fw={700}>{why.data.name}</Text>
              <Text size="sm" c="dimmed">
                {t('retention.whyIntro')}
              </Text>
            </Stack>
            <Button variant="light" loading={pdf.isPending} onClick={() => { pdf.mutate({ subjectType, id }); }}>
              {t('retention.whyPdf')}
            </Button>
          </Group>
          <FormError message={pdf.isError ? errorMessage(pdf.error) : null} />
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="sm">
              <VisuallyHidden component="caption">{t('retention.whyTitle')}</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('retention.category')}</Table.Th>
                  <Table.Th scope="col">{t('retention.rule')}</Table.Th>
                  <Table.Th scope="col">{t('retention.date')}</Table.Th>
                  <Table.Th scope="col">{t('retention.explanation')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {why.data.items.map((item) => (
                  <Table.Tr key={item.category}>
                    <Table.Td fw={600}>{item.category}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{item.rule}</Text>
                      <Text size="xs" c="dimmed">
                        {item.legalBasis}
                      </Text>
                    </Table.Td>
                    <Table.Td>{item.destructionDate ? `${t(`retention.actions.${item.action}`)} ${formatDate(item.destructionDate)}` : t('retention.notYet')}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{item.explanation}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Holds subjectType={subjectType} id={id} holds={why.data.holds} />
        </Stack>
      )}
    </AppModal>
  );
}

/** Blokkades on the record: place one (reason, review date) or lift it with a reason. */
function Holds({ subjectType, id, holds }: { subjectType: SubjectType; id: string; holds: LegalHold[] }) {
  const { t } = useTranslation();
  const [placing, setPlacing] = useState(false);
  const [lifting, setLifting] = useState<LegalHold | null>(null);
  return (
    <Stack gap="xs" component="section" aria-labelledby="holds-title">
      <Group justify="space-between">
        <Title order={3} size="h4" id="holds-title">
          {t('retention.holdsTitle')}
        </Title>
        <Button size="xs" variant="light" onClick={() => { setPlacing(true); }}>
          {t('retention.placeHold')}
        </Button>
      </Group>
      {holds.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('retention.noHolds')}
        </Text>
      ) : (
        holds.map((hold) => (
          <Group key={hold.id} justify="space-between" wrap="nowrap">
            <Stack gap={0}>
              <Group gap="xs">
                <Badge variant="light" color={hold.liftedAt ? 'gray' : 'orange'}>
                  {t(`retention.reasonKinds.${hold.reasonKind}`)}
                </Badge>
                <Text size="sm">{hold.reason}</Text>
              </Group>
              <Text size="xs" c="dimmed">
                {t('retention.placedBy', { name: hold.placedByName, date: formatDate(hold.placedAt) })} · {t('retention.reviewDate')} {formatDate(hold.reviewDate)}
                {hold.liftedAt && ` · ${t('retention.liftedBy', { name: hold.liftedByName ?? '', date: formatDate(hold.liftedAt) })}`}
              </Text>
            </Stack>
            {!hold.liftedAt && (
              <Button size="xs" variant="default" onClick={() => { setLifting(hold); }}>
                {t('retention.lift')}
              </Button>
            )}
          </Group>
        ))
      )}
      {placing && <PlaceHoldDialog subjectType={subjectType} id={id} onClose={() => { setPlacing(false); }} />}
      {lifting && <LiftHoldDialog hold={lifting} onClose={() => { setLifting(null); }} />}
    </Stack>
  );
}

function PlaceHoldDialog({ subjectType, id, onClose }: { subjectType: SubjectType; id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, control, handleSubmit, setError, formState } = useForm({
    resolver: formResolver(PlaceHoldInput),
    defaultValues: { subjectType, subjectId: id, reason: '', reviewDate: '' } as z.input<typeof PlaceHoldInput>,
  });
  const place = useApiMutation('holds.place', {
    onSuccess: () => {
      notify({ title: t('common.saved'), message: t('retention.holdPlaced') });
      onClose();
    },
    onError: (error) => { setFormError(applyServerErrors(error, setError, ['reasonKind', 'reason', 'reviewDate'])); },
  });
  return (
    <AppModal onClose={onClose} title={t('retention.placeHold')} size="md">
      <form noValidate onSubmit={(event) => void handleSubmit((input) => { setFormError(null); place.mutate(input); })(event)}>
        <Stack gap="md">
          <Text size="sm">{t('retention.placeHoldIntro')}</Text>
          <FormError message={formError} />
          <Controller
            control={control}
            name="reasonKind"
            render={({ field }) => (
              <Select
                label={t('retention.reasonKind')}
                withAsterisk
                data-autofocus
                data={HoldReasonKind.options.map((k) => ({ value: k, label: t(`retention.reasonKinds.${k}`) }))}
                value={field.value ?? null}
                onChange={field.onChange}
                error={formState.errors.reasonKind?.message}
              />
            )}
          />
          <TextInput label={t('retention.holdReason')} withAsterisk autoComplete="off" {...register('reason')} error={formState.errors.reason?.message} />
          <DateField control={control} name="reviewDate" label={t('retention.reviewDate')} required maw={180} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={place.isPending}>
              {t('retention.placeHold')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

function LiftHoldDialog({ hold, onClose }: { hold: LegalHold; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm({ resolver: formResolver(LiftHoldInput), defaultValues: { id: hold.id, reason: '' } });
  const lift = useApiMutation('holds.lift', {
    onSuccess: () => {
      notify({ title: t('common.saved'), message: t('retention.holdLifted') });
      onClose();
    },
    onError: (error) => { setFormError(applyServerErrors(error, setError, ['reason'])); },
  });
  return (
    <AppModal onClose={onClose} title={t('retention.liftTitle')} size="md">
      <form noValidate onSubmit={(event) => void handleSubmit((input) => { setFormError(null); lift.mutate(input); })(event)}>
        <Stack gap="md">
          <FormError message={formError} />
          <TextInput label={t('retention.liftReason')} withAsterisk data-autofocus autoComplete="off" {...register('reason')} error={formState.errors.reason?.message} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={lift.isPending}>
              {t('retention.liftConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
