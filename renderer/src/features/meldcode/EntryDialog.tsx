import { Alert, Button, Checkbox, Group, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { Controller, useForm, useWatch, type Control, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { IsoDate } from '../../../../shared/api/clients.schemas';
import type { AddEntryInput, MeldcodeCase, MeldcodeEntry } from '../../../../shared/api/meldcode.schemas';
import { PAYLOAD_SCHEMAS } from '../../../../shared/api/meldcode.schemas';
import type { EntryKind } from '../../../../shared/domain/meldcode';
import type { Catalogue } from '../../i18n/nl';
import { applyServerErrors, formResolver } from '../../api/forms';
import { AppModal } from '../../components/AppModal';
import { FormError } from '../../components/FormError';
import { useNotify } from '../../components/Notifications';
import { DateField } from '../children/common';
import { formatDate } from '../children/format';
import { useCaseMutation } from './api';
import { appToday } from '../../../../shared/domain/clock';

/** The form of any entry kind: a date and the kind's payload (validated by the kind's shared schema). */
interface EntryForm {
  occurredOn: string;
  payload: Record<string, unknown>;
}
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
  const notify = useNotify();
  const [formError, setFormError] = useState<string | null>(null);
  const defaults = emptyPayload(kind, file);
  const schema = z.object({ occurredOn: IsoDate('Datum'), payload: PAYLOAD_SCHEMAS[kind] });
  const { control, handleSubmit, setError } = useForm<EntryForm>({
    // One form for eight payload shapes: the schema of this kind validates it, so the loose
    // Record type is only what the form holds while typing.
    resolver: formResolver(schema) as unknown as Resolver<EntryForm>,
    defaultValues: { occurredOn: appToday(), payload: defaults },
  });
  const add = useCaseMutation('meldcode.addEntry', {
    onSuccess: () => {
      notify({ title: t('common.saved'), message: t('meldcode.saved') });
      onClose();
    },
    onError: (error) => {
      setFormError(applyServerErrors(error, setError, ['occurredOn', ...Object.keys(defaults).map((key) => `payload.${key}` as const)]));
    },
  });
  const q1 = useWatch({ control, name: 'payload.q1Suspicion' });
  const closesCase = kind === 'weighing' && q1 === false;

  const submit = (values: EntryForm) => {
    setFormError(null);
    const input = { caseId: file.id, kind, occurredOn: values.occurredOn, payload: values.payload, ...(corrects ? { correctsEntryId: corrects.id } : {}) };
    // The payload was validated by this kind's schema above; the backend validates it again.
    add.mutate(input as AddEntryInput);
  };

  return (
    <AppModal onClose={onClose} title={t(`meldcode.add.${kind}`)} size="xl">
      <form noValidate onSubmit={(event) => void handleSubmit(submit)(event)}>
        <Stack gap="md">
          <FormError message={formError} />
          {corrects && <Alert color="blue" variant="light">{t('meldcode.fields.correctionOf', { kind: t(`meldcode.kinds.${corrects.kind}`), date: formatDate(corrects.occurredOn) })}</Alert>}
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
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={closesCase ? 'red' : undefined} loading={add.isPending}>
              {closesCase ? t('meldcode.closeDialog.submit') : t(`meldcode.add.${kind}`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

type FieldProps = { control: Control<EntryForm>; name: PayloadField; required?: boolean; description?: string };

function TextField({ control, name, required = false }: FieldProps) {
  const { t } = useTranslation();
  return (
    <Controller
      control={control}
      name={`payload.${name}`}
      render={({ field, fieldState }) => (
        <TextInput
          label={t(`meldcode.fields.${name}`)}
          withAsterisk={required}
          autoComplete="off"
          value={typeof field.value === 'string' ? field.value : ''}
          onChange={field.onChange}
          onBlur={field.onBlur}
          name={field.name}
          ref={field.ref}
          error={fieldState.error?.message}
        />
      )}
    />
  );
}

function LongText({ control, name, required = false, description }: FieldProps) {
  const { t } = useTranslation();
  return (
    <Controller
      control={control}
      name={`payload.${name}`}
      render={({ field, fieldState }) => (
        <Textarea
          label={t(`meldcode.fields.${name}`)}
          description={description}
          withAsterisk={required}
          autosize
          minRows={3}
          value={typeof field.value === 'string' ? field.value : ''}
          onChange={field.onChange}
          onBlur={field.onBlur}
          name={field.name}
          ref={field.ref}
          error={fieldState.error?.message}
        />
      )}
    />
  );
}

function CheckField({ control, name }: FieldProps) {
  const { t } = useTranslation();
  return (
    <Controller
      control={control}
      name={`payload.${name}`}
      render={({ field }) => <Checkbox label={t(`meldcode.fields.${name}`)} checked={field.value === true} onChange={(event) => { field.onChange(event.currentTarget.checked); }} />}
    />
  );
}

/** A choice between options; `null` in the form means "not answered". */
function ChoiceField({ control, name, options, required = false, description }: FieldProps & { options: { value: string; label: string; disabled?: boolean; description?: string }[] }) {
  const { t } = useTranslation();
  return (
    <Controller
      control={control}
      name={`payload.${name}`}
      render={({ field, fieldState }) => (
        <Radio.Group label={t(`meldcode.fields.${name}`)} description={description} withAsterisk={required} value={typeof field.value === 'string' ? field.value : null} onChange={field.onChange} error={fieldState.error?.message}>
          <Stack gap="xs" mt="xs">
            {options.map((option) => (
              <Radio key={option.value} value={option.value} label={option.label} disabled={option.disabled} description={option.description} />
            ))}
          </Stack>
        </Radio.Group>
      )}
    />
  );
}

const answerOf = (value: unknown) => (value === true ? 'yes' : value === false ? 'no' : value === null ? null : 'unknown');

/** An afwegingskader question (or another yes/no); optionally "cannot be judged yet" (null). */
function YesNoField({ control, name, allowUnknown = false, yesLabel, noLabel }: FieldProps & { allowUnknown?: boolean; yesLabel?: string; noLabel?: string }) {
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
  switch (kind) {
    case 'signal':
      return (
        <>
          <TextField control={control} name="observedBy" required />
          <LongText control={control} name="observation" required description={t('meldcode.fields.observationHelp')} />
        </>
      );
    case 'consultation':
      return <ConsultationFields control={control} />;
    case 'parent_conversation':
      return (
        <>
          <TextField control={control} name="withWhom" required />
          <TextField control={control} name="conductedBy" required />
          <LongText control={control} name="summary" required />
        </>
      );
    case 'parent_conversation_skipped':
      return <LongText control={control} name="reason" required description={t('meldcode.fields.reasonHelp')} />;
    case 'vertrouwensinspecteur':
      return (
        <>
          <TextField control={control} name="inspectorName" />
          <LongText control={control} name="advice" required />
        </>
      );
    case 'weighing':
      return <WeighingFields control={control} />;
    case 'decision':
      return <DecisionFields control={control} file={file} />;
    case 'correction':
      return <LongText control={control} name="text" required />;
  }
}

function ConsultationFields({ control }: { control: Control<EntryForm> }) {
  const { t } = useTranslation();
  const consultedWith = useWatch({ control, name: 'payload.consultedWith' });
  return (
    <>
      <ChoiceField
        control={control}
        name="consultedWith"
        required
        options={(['colleague', 'veilig_thuis'] as const).map((value) => ({ value, label: t(`meldcode.fields.consultedWithOptions.${value}`) }))}
      />
      <TextField control={control} name="consultedName" />
      {consultedWith === 'veilig_thuis' && <CheckField control={control} name="anonymousAdvice" />}
      <LongText control={control} name="advice" required />
    </>
  );
}

function WeighingFields({ control }: { control: Control<EntryForm> }) {
  const { t } = useTranslation();
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
      <LongText control={control} name="explanation" required />
    </>
  );
}

function DecisionFields({ control, file }: { control: Control<EntryForm>; file: MeldcodeCase }) {
  const { t } = useTranslation();
  const [outcome, informed, anonymous] = useWatch({ control, name: ['payload.outcome', 'payload.parentInformed', 'payload.anonymous'] });
  const reportRequired = file.progress.reportRequired !== null;
  const reports = outcome === 'report' || outcome === 'both';
  return (
    <>
      <ChoiceField
        control={control}
        name="outcome"
        required
        options={(['help', 'report', 'both'] as const).map((value) => ({
          value,
          label: t(`meldcode.fields.outcomes.${value}`),
          disabled: value === 'help' && reportRequired,
          ...(value === 'help' && reportRequired ? { description: t('meldcode.fields.helpNotAllowed') } : {}),
        }))}
      />
      <TextField control={control} name="decidedBy" required />
      {(outcome === 'help' || outcome === 'both') && <LongText control={control} name="helpDescription" required />}
      {reports && (
        <>
          <YesNoField control={control} name="parentInformed" yesLabel={t('meldcode.fields.parentInformedYes')} noLabel={t('meldcode.fields.parentInformedNo')} />
          {informed === true ? (
            <DateField control={control} name="payload.parentInformedOn" label={t('meldcode.fields.parentInformedOn')} required maw={220} />
          ) : (
            <LongText control={control} name="notInformedReason" required />
          )}
          <CheckField control={control} name="anonymous" />
          {anonymous === true && <LongText control={control} name="anonymousReason" required />}
        </>
      )}
      <LongText control={control} name="explanation" />
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
