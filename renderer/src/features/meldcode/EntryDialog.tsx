import { Alert, Group, Radio, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Controller, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { IsoDate } from '../../../../shared/api/clients.schemas';
import type { AddEntryInput, MeldcodeCase, MeldcodeEntry } from '../../../../shared/api/meldcode.schemas';
import { PAYLOAD_SCHEMAS } from '../../../../shared/api/meldcode.schemas';
import { appToday } from '../../../../shared/domain/clock';
import type { EntryKind } from '../../../../shared/domain/meldcode';
import { CheckboxField, DateField, RadioField, TextAreaField, TextField } from '../../components/fields';
import { FormDialog } from '../../components/FormDialog';
import { useApiForm, withFormShape } from '../../components/useApiForm';
import type { Catalogue } from '../../i18n/nl';
import { useFormat } from '../../lib/format';
import { useCaseMutation } from './api';

/** The form of any entry kind: a date and the kind's payload (validated by the kind's shared schema). */
// A type alias (not an interface): useApiForm's form values must be a plain record type.
type EntryForm = {
  occurredOn: string;
  payload: Record<string, unknown>;
};
type FieldLabels = Catalogue['meldcode']['fields'];
/** A payload key that has a label of the same name in the catalogue. */
type PayloadField = { [K in keyof FieldLabels]: FieldLabels[K] extends string ? K : never }[keyof FieldLabels];

/** Empty payload per kind; its keys are also the fields the backend may name in an error. */
function emptyPayload(kind: EntryKind, file: MeldcodeCase): Record<string, unknown> {
  switch (kind) {
    case 'signal':
      return { observation: '', observedBy: '' };
    case 'consultation':
      return { consultedWith: null, consultedName: '', anonymousAdvice: false, advice: '' };
    case 'parent_conversation':
      return { withWhom: '', conductedBy: '', summary: '' };
    case 'parent_conversation_skipped':
      return { reason: '' };
    case 'vertrouwensinspecteur':
      return { inspectorName: '', advice: '' };
    case 'weighing':
      return { q1Suspicion: null, q2Unsafe: null, q3HelpPossible: null, q4Cooperation: null, q5LastingSafety: null, explanation: '' };
    case 'decision':
      return {
        outcome: file.progress.reportRequired ? 'report' : null,
        decidedBy: '',
        helpDescription: '',
        parentInformed: true,
        parentInformedOn: '',
        notInformedReason: '',
        anonymous: false,
        anonymousReason: '',
        explanation: '',
      };
    case 'correction':
      return { text: '' };
  }
}

/**
 * Records one entry of a case: the fields of its kind, with the meldcode's rules as guidance
 * (the backend enforces them and its reasons appear at the field or above the form).
 */
export function EntryDialog({ file, kind, corrects, onClose }: { file: MeldcodeCase; kind: EntryKind; corrects?: MeldcodeEntry; onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const form = useApiForm({
    // One form for eight payload shapes: the schema of this kind validates it, so the loose
    // Record type is only what the form holds while typing.
    schema: withFormShape<EntryForm>()(z.object({ occurredOn: IsoDate('Datum'), payload: PAYLOAD_SCHEMAS[kind] })),
    defaultValues: { occurredOn: appToday(), payload: emptyPayload(kind, file) },
    mutation: useCaseMutation('meldcode.addEntry'),
    // The payload was validated by this kind's schema; the backend validates it again.
    toInput: (values) => ({ caseId: file.id, kind, occurredOn: values.occurredOn, payload: values.payload, ...(corrects ? { correctsEntryId: corrects.id } : {}) }) as AddEntryInput,
    success: () => t('meldcode.saved'),
    onSuccess: onClose,
  });
  const { control } = form;
  const q1 = useWatch({ control, name: 'payload.q1Suspicion' });
  const closesCase = kind === 'weighing' && q1 === false;

  return (
    <FormDialog
      form={form}
      title={t(`meldcode.add.${kind}`)}
      onClose={onClose}
      submitLabel={closesCase ? t('meldcode.closeDialog.submit') : t(`meldcode.add.${kind}`)}
      submitColor={closesCase ? 'red' : undefined}
      size="xl"
    >
      {corrects && <Alert color="blue" variant="light">{t('meldcode.fields.correctionOf', { kind: t(`meldcode.kinds.${corrects.kind}`), date: fmt.date(corrects.occurredOn) })}</Alert>}
      <DateField control={control} name="occurredOn" label={t('meldcode.fields.occurredOn')} required maw={220} autoFocus />
      <KindFields kind={kind} file={file} control={control} />
      {closesCase && (
        <Alert color="red" variant="light" role="alert">
          {t('meldcode.fields.q1NoWarning')}
        </Alert>
      )}
      <Text size="xs" c="dimmed">
        {t('meldcode.appendOnly')}
      </Text>
    </FormDialog>
  );
}

/** The props binding a field to `payload.<name>`, labelled by the catalogue's text of that name. */
function usePayloadField(control: Control<EntryForm>) {
  const { t } = useTranslation();
  return (name: PayloadField) => ({ control, name: `payload.${name}` as const, label: t(`meldcode.fields.${name}`) });
}

const answerOf = (value: unknown) => (value === true ? 'yes' : value === false ? 'no' : value === null ? null : 'unknown');

/** An afwegingskader question (or another yes/no); optionally "cannot be judged yet" (null). */
function YesNoField({ control, name, allowUnknown = false, yesLabel, noLabel }: { control: Control<EntryForm>; name: PayloadField; allowUnknown?: boolean; yesLabel?: string; noLabel?: string }) {
  const { t } = useTranslation();
  return (
    <Controller
      control={control}
      name={`payload.${name}`}
      render={({ field, fieldState }) => (
        <Radio.Group
          label={t(`meldcode.fields.${name}`)}
          withAsterisk={!allowUnknown}
          // "unknown" is the radio for null when null is a real answer ("nog niet te beoordelen").
          value={allowUnknown && field.value === null ? 'unknown' : answerOf(field.value)}
          onChange={(value) => { field.onChange(value === 'yes' ? true : value === 'no' ? false : null); }}
          error={fieldState.error?.message}
        >
          <Group gap="lg" mt="xs">
            <Radio value="yes" label={yesLabel ?? t('meldcode.values.yes')} />
            <Radio value="no" label={noLabel ?? t('meldcode.values.no')} />
            {allowUnknown && <Radio value="unknown" label={t('meldcode.fields.q5Unknown')} />}
          </Group>
        </Radio.Group>
      )}
    />
  );
}

function KindFields({ kind, file, control }: { kind: EntryKind; file: MeldcodeCase; control: Control<EntryForm> }) {
  const { t } = useTranslation();
  const field = usePayloadField(control);
  switch (kind) {
    case 'signal':
      return (
        <>
          <TextField {...field('observedBy')} required />
          <TextAreaField {...field('observation')} required minRows={3} description={t('meldcode.fields.observationHelp')} />
        </>
      );
    case 'consultation':
      return <ConsultationFields control={control} />;
    case 'parent_conversation':
      return (
        <>
          <TextField {...field('withWhom')} required />
          <TextField {...field('conductedBy')} required />
          <TextAreaField {...field('summary')} required minRows={3} />
        </>
      );
    case 'parent_conversation_skipped':
      return <TextAreaField {...field('reason')} required minRows={3} description={t('meldcode.fields.reasonHelp')} />;
    case 'vertrouwensinspecteur':
      return (
        <>
          <TextField {...field('inspectorName')} />
          <TextAreaField {...field('advice')} required minRows={3} />
        </>
      );
    case 'weighing':
      return <WeighingFields control={control} />;
    case 'decision':
      return <DecisionFields control={control} file={file} />;
    case 'correction':
      return <TextAreaField {...field('text')} required minRows={3} />;
  }
}

function ConsultationFields({ control }: { control: Control<EntryForm> }) {
  const { t } = useTranslation();
  const field = usePayloadField(control);
  const consultedWith = useWatch({ control, name: 'payload.consultedWith' });
  return (
    <>
      <RadioField
        {...field('consultedWith')}
        required
        stacked
        options={(['colleague', 'veilig_thuis'] as const).map((value) => ({ value, label: t(`meldcode.fields.consultedWithOptions.${value}`) }))}
      />
      <TextField {...field('consultedName')} />
      {consultedWith === 'veilig_thuis' && <CheckboxField {...field('anonymousAdvice')} />}
      <TextAreaField {...field('advice')} required minRows={3} />
    </>
  );
}

function WeighingFields({ control }: { control: Control<EntryForm> }) {
  const { t } = useTranslation();
  const field = usePayloadField(control);
  const [q1, q2] = useWatch({ control, name: ['payload.q1Suspicion', 'payload.q2Unsafe'] });
  return (
    <>
      <YesNoField control={control} name="q1Suspicion" />
      {q1 === true && <YesNoField control={control} name="q2Unsafe" />}
      {q1 === true && q2 === true && <Notice>{t('meldcode.fields.q2YesNotice')}</Notice>}
      {q1 === true && q2 === false && (
        <>
          <YesNoField control={control} name="q3HelpPossible" />
          <YesNoField control={control} name="q4Cooperation" />
          <YesNoField control={control} name="q5LastingSafety" allowUnknown />
        </>
      )}
      <TextAreaField {...field('explanation')} required minRows={3} />
    </>
  );
}

function DecisionFields({ control, file }: { control: Control<EntryForm>; file: MeldcodeCase }) {
  const { t } = useTranslation();
  const field = usePayloadField(control);
  const [outcome, informed, anonymous] = useWatch({ control, name: ['payload.outcome', 'payload.parentInformed', 'payload.anonymous'] });
  const reportRequired = file.progress.reportRequired !== null;
  const reports = outcome === 'report' || outcome === 'both';
  return (
    <>
      <RadioField
        {...field('outcome')}
        required
        stacked
        options={(['help', 'report', 'both'] as const).map((value) => ({
          value,
          label: t(`meldcode.fields.outcomes.${value}`),
          disabled: value === 'help' && reportRequired,
          ...(value === 'help' && reportRequired ? { description: t('meldcode.fields.helpNotAllowed') } : {}),
        }))}
      />
      <TextField {...field('decidedBy')} required />
      {(outcome === 'help' || outcome === 'both') && <TextAreaField {...field('helpDescription')} required minRows={3} />}
      {reports && (
        <>
          <YesNoField control={control} name="parentInformed" yesLabel={t('meldcode.fields.parentInformedYes')} noLabel={t('meldcode.fields.parentInformedNo')} />
          {informed === true ? (
            <DateField control={control} name="payload.parentInformedOn" label={t('meldcode.fields.parentInformedOn')} required maw={220} />
          ) : (
            <TextAreaField {...field('notInformedReason')} required minRows={3} />
          )}
          <CheckboxField {...field('anonymous')} />
          {anonymous === true && <TextAreaField {...field('anonymousReason')} required minRows={3} />}
        </>
      )}
      <TextAreaField {...field('explanation')} minRows={3} />
    </>
  );
}

function Notice({ children }: { children: ReactNode }) {
  return (
    <Alert color="red" variant="light">
      {children}
    </Alert>
  );
}
