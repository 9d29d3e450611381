import { Alert, Badge, Button, Group, Radio, Select, Stack, Table, Text, Textarea, TextInput, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract } from '../../../../shared/api/contract';
import { CloseInput, ExtendInput, MeldcodeDecisionInput, RECTIFIABLE, type RectifiableTarget, type RequestDetail } from '../../../../shared/api/requests.schemas';
import { errorMessage, applyServerErrors, formResolver } from '../../api/forms';
import { apiQuery } from '../../api/queries';
import { AppModal } from '../../components/AppModal';
import { FormError } from '../../components/FormError';
import { LoadingState } from '../../components/LoadingState';
import { useNotify } from '../../components/Notifications';
import { formatDate } from '../children/format';
import { useApiMutation } from '../../api/mutations';

interface DialogProps {
  request: RequestDetail;
  onClose: () => void;
}

function Buttons({ onClose, submit, pending, color }: { onClose: () => void; submit: string; pending: boolean; color?: string }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onClose}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={pending} color={color}>
        {submit}
      </Button>
    </Group>
  );
}

/** "Termijn verlengen": once, by 1 or 2 months, before the first deadline, with the reason for the letter. */
export function ExtendDialog({ request, onClose }: DialogProps) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, control, handleSubmit, setError, formState } = useForm({ resolver: formResolver(ExtendInput), defaultValues: { id: request.id, months: 2, reason: '' } });
  const extend = useApiMutation('requests.extend', { onSuccess: onClose, onError: (error) => { setFormError(applyServerErrors(error, setError, ['months', 'reason'])); } });
  return (
    <AppModal onClose={onClose} title={t('requests.extendTitle')} size="md">
      <form noValidate onSubmit={(event) => void handleSubmit((input) => { setFormError(null); extend.mutate(input); })(event)}>
        <Stack gap="md">
          <Text size="sm">{t('requests.extendText', { date: formatDate(request.firstDeadline) })}</Text>
          <FormError message={formError} />
          <Controller
            control={control}
            name="months"
            render={({ field }) => (
              <Radio.Group label={t('requests.extendMonths')} withAsterisk value={String(field.value)} onChange={(v) => { field.onChange(Number(v)); }} error={formState.errors.months?.message}>
                <Group mt="xs">
                  <Radio value="1" label={t('requests.months', { count: 1 })} />
                  <Radio value="2" label={t('requests.months', { count: 2 })} />
                </Group>
              </Radio.Group>
            )}
          />
          <Textarea label={t('requests.extendReason')} description={t('requests.extendReasonHelp')} withAsterisk autosize minRows={2} data-autofocus {...register('reason')} error={formState.errors.reason?.message} />
          <Buttons onClose={onClose} submit={t('requests.extend')} pending={extend.isPending} />
        </Stack>
      </form>
    </AppModal>
  );
}

/** "Afhandelen": the decision (granted, partly, refused with a reason that goes in the letter). */
export function CloseDialog({ request, onClose }: DialogProps) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, control, handleSubmit, setError, formState } = useForm({ resolver: formResolver(CloseInput), defaultValues: { id: request.id, outcome: 'granted' as const, reason: '' } });
  const closeRequest = useApiMutation('requests.close', { onSuccess: onClose, onError: (error) => { setFormError(applyServerErrors(error, setError, ['outcome', 'reason'])); } });
  return (
    <AppModal onClose={onClose} title={t('requests.closeTitle')} size="md">
      <form noValidate onSubmit={(event) => void handleSubmit((input) => { setFormError(null); closeRequest.mutate(input); })(event)}>
        <Stack gap="md">
          <Text size="sm">{t('requests.closeText')}</Text>
          <FormError message={formError} />
          <Controller
            control={control}
            name="outcome"
            render={({ field }) => (
              <Radio.Group label={t('requests.outcomeLabel')} withAsterisk value={field.value} onChange={field.onChange} error={formState.errors.outcome?.message}>
                <Stack gap="xs" mt="xs">
                  {(['granted', 'partially_granted', 'refused'] as const).map((o) => (
                    <Radio key={o} value={o} label={t(`requests.outcomes.${o}`)} />
                  ))}
                </Stack>
              </Radio.Group>
            )}
          />
          <Textarea label={t('requests.closeReason')} description={t('requests.closeReasonHelp')} autosize minRows={2} {...register('reason')} error={formState.errors.reason?.message} />
          <Buttons onClose={onClose} submit={t('requests.closeSubmit')} pending={closeRequest.isPending} />
        </Stack>
      </form>
    </AppModal>
  );
}

/** "Verwerking beperken": from now on read-only and out of every disclosure, export and marketing. */
export function RestrictDialog({ request, onClose }: DialogProps) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm({ resolver: formResolver(contract['requests.restrict'].input), defaultValues: { id: request.id, reason: '' } });
  const restrict = useApiMutation('requests.restrict', { onSuccess: onClose, onError: (error) => { setFormError(applyServerErrors(error, setError, ['reason'])); } });
  return (
    <AppModal onClose={onClose} title={t('requests.restrictTitle')} size="md">
      <form noValidate onSubmit={(event) => void handleSubmit((input) => { setFormError(null); restrict.mutate(input); })(event)}>
        <Stack gap="md">
          <Text size="sm">{t('requests.restrictText')}</Text>
          <FormError message={formError} />
          <Textarea label={t('requests.restrictReason')} withAsterisk autosize minRows={2} data-autofocus {...register('reason')} error={formState.errors.reason?.message} />
          <Buttons onClose={onClose} submit={t('requests.restrict')} pending={restrict.isPending} />
        </Stack>
      </form>
    </AppModal>
  );
}

const RectifyForm = z.object({ target: z.enum(['parent', 'child', 'household']).nullable(), field: z.string().nullable(), value: z.string(), statement: z.string().max(2000) });
type RectifyValues = z.infer<typeof RectifyForm>;

/**
 * "Corrigeren of aanvullen": one field with its new value and/or the person's own statement. The
 * old value stays in the history; the backend validates the value as the ordinary forms do.
 */
export function RectifyDialog({ request, onClose }: DialogProps) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const targets: RectifiableTarget[] = request.subjectType === 'child' ? ['child'] : ['parent', 'household'];
  const { register, control, handleSubmit, setError, formState } = useForm<RectifyValues>({
    resolver: formResolver(RectifyForm),
    defaultValues: { target: targets[0]!, field: null, value: '', statement: '' },
  });
  const target = useWatch({ control, name: 'target' });
  const rectify = useApiMutation('requests.rectify', {
    onSuccess: onClose,
    onError: (error) => {
      // The backend reports the one change as `changes.0.value`: shown at the value field.
      const atField = error.details['changes.0.value'];
      if (atField) setError('value', { type: 'server', message: atField }, { shouldFocus: true });
      setFormError(atField ? null : errorMessage(error));
    },
  });
  const targetId = (tg: RectifiableTarget) => (tg === 'household' ? request.householdId : request.subjectId);
  return (
    <AppModal onClose={onClose} title={t('requests.rectifyTitle')} size="md">
      <form
        noValidate
        onSubmit={(event) =>
          void handleSubmit((v) => {
            setFormError(null);
            const change = v.target && v.field ? [{ target: v.target, targetId: targetId(v.target), field: v.field, value: v.value }] : [];
            rectify.mutate({ id: request.id, changes: change, statement: v.statement });
          })(event)
        }
      >
        <Stack gap="md">
          <Text size="sm">{t('requests.rectifyText')}</Text>
          <FormError message={formError} />
          {targets.length > 1 && (
            <Controller
              control={control}
              name="target"
              render={({ field }) => (
                <Radio.Group label={t('requests.rectifyTarget')} value={field.value ?? ''} onChange={field.onChange}>
                  <Group mt="xs">
                    {targets.map((tg) => (
                      <Radio key={tg} value={tg} label={t(`requests.rectifyTargets.${tg}`)} />
                    ))}
                  </Group>
                </Radio.Group>
              )}
            />
          )}
          <Controller
            control={control}
            name="field"
            render={({ field }) => (
              <Select
                label={t('requests.rectifyField')}
                data={(target ? RECTIFIABLE[target] : []).map((f) => ({ value: f, label: t(`requests.rectifyFields.${f}`) }))}
                value={field.value}
                onChange={field.onChange}
                clearable
              />
            )}
          />
          <TextInput label={t('requests.rectifyValue')} description={t('requests.rectifyValueHelp')} autoComplete="off" {...register('value')} error={formState.errors.value?.message} />
          <Textarea label={t('requests.statement')} description={t('requests.statementHelp')} autosize minRows={2} {...register('statement')} error={formState.errors.statement?.message} />
          <Buttons onClose={onClose} submit={t('requests.rectifySubmit')} pending={rectify.isPending} />
        </Stack>
      </form>
    </AppModal>
  );
}

/** The aandachtsfunctionaris' decision whether meldcode information may go into this answer. */
export function MeldcodeDecisionDialog({ request, onClose }: DialogProps) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, control, handleSubmit, setError, formState } = useForm({ resolver: formResolver(MeldcodeDecisionInput), defaultValues: { id: request.id, reason: '' } });
  const decide = useApiMutation('requests.meldcodeDecision', { onSuccess: onClose, onError: (error) => { setFormError(applyServerErrors(error, setError, ['decision', 'reason'])); } });
  return (
    <AppModal onClose={onClose} title={t('requests.meldcodeTitle')} size="md">
      <form noValidate onSubmit={(event) => void handleSubmit((input) => { setFormError(null); decide.mutate(input); })(event)}>
        <Stack gap="md">
          <Text size="sm">{t('requests.meldcodeText')}</Text>
          <FormError message={formError} />
          <Controller
            control={control}
            name="decision"
            render={({ field }) => (
              <Radio.Group label={t('requests.meldcodeDecisionLabel')} withAsterisk value={field.value ?? ''} onChange={field.onChange} error={formState.errors.decision?.message}>
                <Stack gap="xs" mt="xs">
                  <Radio value="include" label={t('requests.meldcodeDecisions.include')} />
                  <Radio value="exclude" label={t('requests.meldcodeDecisions.exclude')} />
                </Stack>
              </Radio.Group>
            )}
          />
          <Textarea label={t('requests.meldcodeReason')} withAsterisk autosize minRows={2} {...register('reason')} error={formState.errors.reason?.message} />
          <Buttons onClose={onClose} submit={t('common.save')} pending={decide.isPending} />
        </Stack>
      </form>
    </AppModal>
  );
}

/**
 * Verwijdering: first the preview per category (erasable now, or kept with rule, legal basis and
 * end date), then an explicit confirmation; executing erases, closes the request and offers the letter.
 */
export function ErasureDialog({ request, onClose }: DialogProps) {
  const { t } = useTranslation();
  const notify = useNotify();
  const preview = useQuery(apiQuery('requests.erasurePreview', { id: request.id }));
  const [confirming, setConfirming] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const erase = useApiMutation('requests.erase', {
    onSuccess: () => { notify({ title: t('common.saved'), message: t('requests.erased') }); onClose(); },
    onError: (error) => { setFormError(errorMessage(error)); },
  });
  const erasable = preview.data?.categories.filter((c) => c.erasableNow) ?? [];
  return (
    <AppModal onClose={onClose} title={t('requests.erasureTitle', { name: preview.data?.subjectName ?? '' })} size="xl">
      {preview.isPending ? (
        <LoadingState />
      ) : preview.isError ? (
        <FormError message={errorMessage(preview.error)} />
      ) : (
        <form noValidate onSubmit={(event) => { event.preventDefault(); if (confirming) erase.mutate({ id: request.id }); else setConfirming(true); }}>
          <Stack gap="md">
            <Text size="sm">{t('requests.erasureText')}</Text>
            <FormError message={formError} />
            <Table verticalSpacing="xs" withTableBorder>
              <VisuallyHidden component="caption">{t('requests.erasureCaption')}</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('requests.erasureColumns.category')}</Table.Th>
                  <Table.Th scope="col">{t('requests.erasureColumns.result')}</Table.Th>
                  <Table.Th scope="col">{t('requests.erasureColumns.why')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.data.categories.map((c) => (
                  <Table.Tr key={c.category}>
                    <Table.Td>{c.label}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {c.erasableNow ? (
                        <Badge color="red" variant="light">
                          {t('requests.erasableNow')}
                        </Badge>
                      ) : (
                        <Stack gap={2}>
                          <Badge color="gray" variant="light">
                            {t('requests.kept')}
                          </Badge>
                          <Text size="xs">{c.keptUntil ? t('requests.keptUntil', { date: formatDate(c.keptUntil) }) : (c.note ?? t('requests.keptOpenEnded'))}</Text>
                        </Stack>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {!c.erasableNow && (
                        <>
                          <Text size="sm">{c.rule}</Text>
                          <Text size="xs" c="dimmed">
                            {c.legalBasis}
                          </Text>
                        </>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {confirming && (
              <Alert color="red" variant="light" title={t('requests.erasureConfirmTitle')} role="alert">
                {t('requests.erasureConfirmText', { count: erasable.length })}
              </Alert>
            )}
            <Buttons onClose={onClose} submit={confirming ? t('requests.erasureConfirm') : t('requests.erasureExecute')} pending={erase.isPending} color="red" />
          </Stack>
        </form>
      )}
    </AppModal>
  );
}
