import { Alert, Badge, Fieldset, Group, Radio, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Controller, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract } from '../../../../shared/api/contract';
import { CloseInput, ExtendInput, MeldcodeDecisionInput, RECTIFIABLE, RectifyInput, type ObjectableCategory, type RectifiableTarget, type RequestDetail } from '../../../../shared/api/requests.schemas';
import { OBJECTION_OUTCOMES } from '../../../../shared/domain/objections';
import { zm } from '../../../../shared/i18n/translate';
import { errorMessage } from '../../api/forms';
import { useApiMutation } from '../../api/mutations';
import { apiQuery } from '../../api/queries';
import { AppModal } from '../../components/AppModal';
import { DataTable } from '../../components/DataTable';
import { RadioField, SelectField, TextAreaField, TextField } from '../../components/fields';
import { DialogButtons, FormDialog } from '../../components/FormDialog';
import { FormError } from '../../components/FormError';
import { useNotify } from '../../components/Notifications';
import { QueryState } from '../../components/QueryState';
import { useApiForm } from '../../components/useApiForm';
import { useFormat } from '../../lib/format';

interface DialogProps {
  request: RequestDetail;
  onClose: () => void;
}

/** "Termijn verlengen": once, by 1 or 2 months, before the first deadline, with the reason for the letter. */
export function ExtendDialog({ request, onClose }: DialogProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const form = useApiForm({ schema: ExtendInput, defaultValues: { id: request.id, months: 2, reason: '' }, mutation: useApiMutation('requests.extend'), onSuccess: onClose });
  return (
    <FormDialog form={form} title={t('requests.extendTitle')} intro={<Text size="sm">{t('requests.extendText', { date: fmt.date(request.firstDeadline) })}</Text>} onClose={onClose} submitLabel={t('requests.extend')} size="md">
      <Controller
        control={form.control}
        name="months"
        render={({ field, fieldState }) => (
          <Radio.Group label={t('requests.extendMonths')} withAsterisk value={String(field.value)} onChange={(v) => { field.onChange(Number(v)); }} error={fieldState.error?.message}>
            <Group mt="xs">
              <Radio value="1" label={t('requests.months', { count: 1 })} />
              <Radio value="2" label={t('requests.months', { count: 2 })} />
            </Group>
          </Radio.Group>
        )}
      />
      <TextAreaField control={form.control} name="reason" label={t('requests.extendReason')} description={t('requests.extendReasonHelp')} required autoFocus />
    </FormDialog>
  );
}

/** "Afhandelen": the decision (granted, partly, refused with a reason that goes in the letter). */
export function CloseDialog({ request, onClose }: DialogProps) {
  const { t } = useTranslation();
  const form = useApiForm({ schema: CloseInput, defaultValues: { id: request.id, outcome: 'granted', reason: '' }, mutation: useApiMutation('requests.close'), onSuccess: onClose });
  return (
    <FormDialog form={form} title={t('requests.closeTitle')} intro={<Text size="sm">{t('requests.closeText')}</Text>} onClose={onClose} submitLabel={t('requests.closeSubmit')} size="md">
      <RadioField control={form.control} name="outcome" label={t('requests.outcomeLabel')} required stacked options={CloseInput.shape.outcome.options.map((o) => ({ value: o, label: t(`requests.outcomes.${o}`) }))} />
      <TextAreaField control={form.control} name="reason" label={t('requests.closeReason')} description={t('requests.closeReasonHelp')} />
    </FormDialog>
  );
}

/** "Verwerking beperken": from now on read-only and out of every disclosure, export and marketing. */
export function RestrictDialog({ request, onClose }: DialogProps) {
  const { t } = useTranslation();
  const form = useApiForm({ schema: contract['requests.restrict'].input, defaultValues: { id: request.id, reason: '' }, mutation: useApiMutation('requests.restrict'), onSuccess: onClose });
  return (
    <FormDialog form={form} title={t('requests.restrictTitle')} intro={<Text size="sm">{t('requests.restrictText')}</Text>} onClose={onClose} submitLabel={t('requests.restrict')} size="md">
      <TextAreaField control={form.control} name="reason" label={t('requests.restrictReason')} required autoFocus />
    </FormDialog>
  );
}

const RectifyTarget = RectifyInput.shape.changes.element.shape.target;
const RectifyForm = z.object({ target: RectifyTarget.nullable(), field: z.string().nullable(), value: z.string(), statement: z.string().max(2000) });

/**
 * "Corrigeren of aanvullen": one field with its new value and/or the person's own statement. The
 * old value stays in the history; the backend validates the value as the ordinary forms do.
 */
export function RectifyDialog({ request, onClose }: DialogProps) {
  const { t } = useTranslation();
  // A parent also corrects the household's address and IBAN; anyone else their own record.
  const targets: RectifiableTarget[] = request.subjectType === 'parent' ? ['parent', 'household'] : [request.subjectType];
  const targetId = (target: RectifiableTarget) => (target === 'household' ? (request.householdId ?? '') : request.subjectId);
  const form = useApiForm({
    schema: RectifyForm,
    defaultValues: { target: targets[0]!, field: null, value: '', statement: '' },
    mutation: useApiMutation('requests.rectify'),
    toInput: (v) => ({ id: request.id, changes: v.target && v.field ? [{ target: v.target, targetId: targetId(v.target), field: v.field, value: v.value }] : [], statement: v.statement }),
    // The backend reports the one change as `changes.0.value`: shown at the value field.
    fieldOf: (path) => (path === 'changes.0.value' ? 'value' : path),
    onSuccess: onClose,
  });
  const { control } = form;
  const target = useWatch({ control, name: 'target' });
  return (
    <FormDialog form={form} title={t('requests.rectifyTitle')} intro={<Text size="sm">{t('requests.rectifyText')}</Text>} onClose={onClose} submitLabel={t('requests.rectifySubmit')} size="md">
      {targets.length > 1 && <RadioField control={control} name="target" label={t('requests.rectifyTarget')} options={targets.map((tg) => ({ value: tg, label: t(`requests.rectifyTargets.${tg}`) }))} />}
      <SelectField
        control={control}
        name="field"
        label={t('requests.rectifyField')}
        data={(target ? RECTIFIABLE[target] : []).map((f) => ({ value: f, label: t(`requests.rectifyFields.${f}`) }))}
        clearable
        allowDeselect
      />
      <TextField control={control} name="value" label={t('requests.rectifyValue')} description={t('requests.rectifyValueHelp')} />
      <TextAreaField control={control} name="statement" label={t('requests.statement')} description={t('requests.statementHelp')} />
    </FormDialog>
  );
}

/** The aandachtsfunctionaris' decision whether meldcode information may go into this answer. */
/** `about`: which request it is, when the dialog opens away from the request's page (the officer's card). */
export function MeldcodeDecisionDialog({ requestId, about, onClose }: { requestId: string; about?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm({ schema: MeldcodeDecisionInput, defaultValues: { id: requestId, reason: '' }, mutation: useApiMutation('requests.meldcodeDecision'), onSuccess: onClose });
  const intro = (
    <Stack gap={4}>
      {about && (
        <Text size="sm" fw={600}>
          {about}
        </Text>
      )}
      <Text size="sm">{t('requests.meldcodeText')}</Text>
    </Stack>
  );
  return (
    <FormDialog form={form} title={t('requests.meldcodeTitle')} intro={intro} onClose={onClose} size="md">
      <RadioField
        control={form.control}
        name="decision"
        label={t('requests.meldcodeDecisionLabel')}
        required
        stacked
        options={MeldcodeDecisionInput.shape.decision.options.map((d) => ({ value: d, label: t(`requests.meldcodeDecisions.${d}`) }))}
      />
      <TextAreaField control={form.control} name="reason" label={t('requests.meldcodeReason')} required />
    </FormDialog>
  );
}

/**
 * Verwijdering: first the preview per category (erasable now, or kept with rule, legal basis and
 * end date), then an explicit confirmation; executing erases, closes the request and offers the letter.
 */
export function ErasureDialog({ request, onClose }: DialogProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const notify = useNotify();
  const preview = useQuery(apiQuery('requests.erasurePreview', { id: request.id }));
  const [confirming, setConfirming] = useState(false);
  const erase = useApiMutation('requests.erase', {
    onSuccess: () => {
      notify({ title: t('common.saved'), message: t('requests.erased') });
      onClose();
    },
  });
  const erasable = preview.data?.categories.filter((c) => c.erasableNow) ?? [];
  return (
    <AppModal onClose={onClose} title={t('requests.erasureTitle', { name: preview.data?.subjectName ?? '' })} size="xl">
      <QueryState query={preview}>
        {({ categories }) => (
          <Stack gap="md">
            <Text size="sm">{t('requests.erasureText')}</Text>
            <FormError message={erase.isError ? errorMessage(erase.error) : null} />
            <DataTable
              rows={categories}
              caption={t('requests.erasureCaption')}
              rowKey={(c) => c.category}
              tableProps={{ verticalSpacing: 'xs', withTableBorder: true }}
              columns={[
                { key: 'category', header: t('requests.erasureColumns.category'), cell: (c) => c.label },
                {
                  key: 'result',
                  header: t('requests.erasureColumns.result'),
                  whiteSpace: 'nowrap',
                  cell: (c) =>
                    c.erasableNow ? (
                      <Badge color="red" variant="light">
                        {t('requests.erasableNow')}
                      </Badge>
                    ) : (
                      <Stack gap={2}>
                        <Badge color="gray" variant="light">
                          {t('requests.kept')}
                        </Badge>
                        <Text size="xs">{c.keptUntil ? t('requests.keptUntil', { date: fmt.date(c.keptUntil) }) : (c.note ?? t('requests.keptOpenEnded'))}</Text>
                      </Stack>
                    ),
                },
                {
                  key: 'why',
                  header: t('requests.erasureColumns.why'),
                  cell: (c) =>
                    !c.erasableNow && (
                      <>
                        <Text size="sm">{c.rule}</Text>
                        <Text size="xs" c="dimmed">
                          {c.legalBasis}
                        </Text>
                      </>
                    ),
                },
              ]}
            />
            {confirming && (
              <Alert color="red" variant="light" title={t('requests.erasureConfirmTitle')} role="alert">
                {t('requests.erasureConfirmText', { count: erasable.length })}
              </Alert>
            )}
            <DialogButtons
              onCancel={onClose}
              label={confirming ? t('requests.erasureConfirm') : t('requests.erasureExecute')}
              pending={erase.isPending}
              // Everything retained: nothing to execute, so no red button inviting a click.
              color={erasable.length > 0 ? 'red' : undefined}
              disabled={erasable.length === 0}
              onConfirm={() => {
                if (confirming) erase.mutate({ id: request.id });
                else setConfirming(true);
              }}
            />
          </Stack>
        )}
      </QueryState>
    </AppModal>
  );
}

/** What the manager decides per processing in the dialog; 'none': the person did not object to it. */
const ObjectionForm = z
  .object({ decisions: z.array(z.object({ category: z.string(), outcome: z.enum(['none', ...OBJECTION_OUTCOMES]), reason: z.string().max(2000) })) })
  .superRefine((v, ctx) => {
    if (v.decisions.every((d) => d.outcome === 'none')) ctx.addIssue({ code: 'custom', message: zm('requests.objectionNeedsCategory'), path: ['decisions', 0, 'outcome'] });
    v.decisions.forEach((d, i) => {
      if (d.outcome === 'refused' && !d.reason.trim()) ctx.addIssue({ code: 'custom', message: zm('requests.objectionRefusalNeedsReason'), path: ['decisions', i, 'reason'] });
    });
  });

/**
 * "Bezwaar beoordelen" (AVG art. 21): per processing on legitimate interest (from the data map)
 * whether the person objected, and the decision — upheld (what then stops is shown) or refused with
 * the reasons for the letter, required at the field.
 */
export function ObjectionDialog({ request, onClose }: DialogProps) {
  const { t } = useTranslation();
  const categories = useQuery(apiQuery('requests.objectionCategories', { id: request.id }));
  return (
    <QueryState query={categories}>
      {(list) =>
        list.length === 0 ? (
          <AppModal onClose={onClose} title={t('requests.objectionTitle')} size="md">
            <Stack gap="md">
              <Text size="sm">{t('requests.objectionNone')}</Text>
              <DialogButtons onCancel={onClose} label={t('common.close')} pending={false} onConfirm={onClose} />
            </Stack>
          </AppModal>
        ) : (
          <ObjectionDecisionForm request={request} categories={list} onClose={onClose} />
        )
      }
    </QueryState>
  );
}

function ObjectionDecisionForm({ request, categories, onClose }: DialogProps & { categories: ObjectableCategory[] }) {
  const { t } = useTranslation();
  // The decisions as last submitted, to map the backend's error paths back to the form's rows.
  const latest = useRef<readonly { outcome: string }[]>([]);
  const form = useApiForm({
    schema: ObjectionForm,
    defaultValues: { decisions: categories.map((c) => ({ category: c.category, outcome: categories.length === 1 ? 'upheld' : 'none', reason: '' })) },
    mutation: useApiMutation('requests.objection'),
    toInput: (v) => ({ id: request.id, decisions: v.decisions.filter((d) => d.outcome !== 'none').map((d) => ({ category: d.category, outcome: d.outcome as 'upheld' | 'refused', reason: d.reason })) }),
    // The backend numbers only the processings decided on: map its index back to the row in the form.
    fieldOf: (path: string): string => {
      const match = /^decisions\.(\d+)\.(.+)$/.exec(path);
      if (!match) return path;
      const decided = latest.current.map((d, i) => ({ outcome: d.outcome, i })).filter((d) => d.outcome !== 'none');
      return `decisions.${decided[Number(match[1])]?.i ?? 0}.${match[2]}`;
    },
    onSuccess: onClose,
  });
  const decisions = useWatch({ control: form.control, name: 'decisions' });
  useEffect(() => {
    latest.current = decisions;
  }, [decisions]);
  return (
    <FormDialog form={form} title={t('requests.objectionTitle')} intro={<Text size="sm">{t('requests.objectionText')}</Text>} onClose={onClose} submitLabel={t('requests.objectionSubmit')} size="lg">
      {categories.map((c, i) => (
        <Fieldset key={c.category} legend={c.label}>
          <Stack gap="xs">
            <Text size="xs" c="dimmed">
              {c.purpose} — {c.legalBasis}
              {!c.hasData && ` ${t('requests.objectionNoData')}`}
            </Text>
            <RadioField
              control={form.control}
              name={`decisions.${i}.outcome`}
              label={t('requests.objectionOutcomeLabel', { label: c.label.toLowerCase() })}
              required
              options={(['none', ...OBJECTION_OUTCOMES] as const).map((o) => ({ value: o, label: t(`requests.objectionOutcomes.${o}`) }))}
            />
            {decisions[i]?.outcome === 'upheld' && <Text size="sm">{t('requests.objectionWhenUpheld', { effect: c.effect })}</Text>}
            {decisions[i]?.outcome === 'refused' && <TextAreaField control={form.control} name={`decisions.${i}.reason`} label={t('requests.objectionReason')} required />}
          </Stack>
        </Fieldset>
      ))}
    </FormDialog>
  );
}
