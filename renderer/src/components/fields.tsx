import { Checkbox, Group, NumberInput, Radio, Select, Stack, Textarea, TextInput, type SelectProps, type TextareaProps, type TextInputProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { Controller, type Control, type ControllerFieldState, type ControllerRenderProps, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

/**
 * Form fields bound to a react-hook-form field by `control` and `name`: the value, the blur, the
 * ref (for focusing the first error) and the field's error message, including the backend's.
 */
interface Bound<T extends FieldValues, V> {
  /** The form's control; V is what the form's schema makes of the values. */
  control: Control<T, unknown, V>;
  name: FieldPath<T>;
  label: string;
  required?: boolean;
  /** Takes the focus when the dialog opens. */
  autoFocus?: boolean;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

interface Rendered<T extends FieldValues> {
  field: ControllerRenderProps<T, FieldPath<T>>;
  fieldState: ControllerFieldState;
}

/** What every bound input takes from its field: blur, name, ref (to focus the first error) and the error message. */
export const boundProps = <T extends FieldValues>({ field, fieldState }: Rendered<T>) => ({ onBlur: field.onBlur, name: field.name, ref: field.ref, error: fieldState.error?.message });

/** Label, asterisk and initial focus of a field. */
const heading = (label: string, required: boolean, autoFocus: boolean) => ({ label, withAsterisk: required, 'data-autofocus': autoFocus || undefined });

export function TextField<T extends FieldValues, V = T>({ control, name, label, required = false, autoFocus = false, ...input }: Bound<T, V> & Omit<TextInputProps, 'name' | 'label' | 'value' | 'onChange' | 'error'>) {
  return (
    <Controller
      control={control}
      name={name}
      render={(bound) => <TextInput {...heading(label, required, autoFocus)} autoComplete="off" {...input} {...boundProps(bound)} value={text(bound.field.value)} onChange={bound.field.onChange} />}
    />
  );
}

export function TextAreaField<T extends FieldValues, V = T>({ control, name, label, required = false, autoFocus = false, ...input }: Bound<T, V> & Omit<TextareaProps, 'name' | 'label' | 'value' | 'onChange' | 'error'>) {
  return (
    <Controller
      control={control}
      name={name}
      render={(bound) => <Textarea {...heading(label, required, autoFocus)} autosize minRows={2} {...input} {...boundProps(bound)} value={text(bound.field.value)} onChange={bound.field.onChange} />}
    />
  );
}

export function CheckboxField<T extends FieldValues, V = T>({ control, name, label, description }: Omit<Bound<T, V>, 'required' | 'autoFocus'> & { description?: ReactNode }) {
  return (
    <Controller
      control={control}
      name={name}
      render={(bound) => (
        <Checkbox label={label} description={description} {...boundProps(bound)} checked={bound.field.value === true} onChange={(event) => { bound.field.onChange(event.currentTarget.checked); }} />
      )}
    />
  );
}

export interface Choice {
  value: string;
  label: string;
  description?: string;
  disabled?: boolean;
}

/** One of a few options as radio buttons: in a row, or stacked when they carry descriptions. */
export function RadioField<T extends FieldValues, V = T>({
  control,
  name,
  label,
  required = false,
  options,
  stacked = false,
  description,
  autoFocus = false,
}: Bound<T, V> & { options: readonly Choice[]; stacked?: boolean; description?: ReactNode }) {
  const Layout = stacked ? Stack : Group;
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Radio.Group label={label} description={description} withAsterisk={required} value={text(field.value) || null} onChange={field.onChange} error={fieldState.error?.message}>
          <Layout gap={stacked ? 'xs' : 'lg'} mt="xs">
            {options.map((option, index) => (
              <Radio key={option.value} value={option.value} label={option.label} description={option.description} disabled={option.disabled} data-autofocus={(autoFocus && index === 0) || undefined} />
            ))}
          </Layout>
        </Radio.Group>
      )}
    />
  );
}

export function SelectField<T extends FieldValues, V = T>({ control, name, label, required = false, autoFocus = false, ...select }: Bound<T, V> & Omit<SelectProps, 'name' | 'label' | 'value' | 'onChange' | 'error'>) {
  return (
    <Controller
      control={control}
      name={name}
      render={(bound) => <Select {...heading(label, required, autoFocus)} allowDeselect={false} {...select} {...boundProps(bound)} value={text(bound.field.value) || null} onChange={bound.field.onChange} />}
    />
  );
}

/** "12-3-2023", "12/03/2023" or "12.03.2023" → "2023-03-12"; anything else is returned as typed (and fails validation). */
function dutchDateToIso(text: string): string {
  const trimmed = text.trim();
  const match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(trimmed);
  if (!match) return trimmed;
  const [, day, month, year] = match;
  return `${year!}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
}

const isoToDutch = (value: unknown) =>
  typeof value === 'string' ? (/^\d{4}-\d{2}-\d{2}$/.test(value) ? value.split('-').reverse().join('-') : value) : '';

/**
 * A date typed as dd-mm-jjjj, kept in the form as `YYYY-MM-DD` (what the shared schemas want).
 * Not `<input type="date">`: its display follows the browser's language, not the app's, so the
 * same screen could show 03/12/2026 — a text field shows the Dutch notation everywhere.
 */
export function DateField<T extends FieldValues, V = T>({ control, name, label, required = false, description, autoFocus = false, maw }: Bound<T, V> & { description?: string; maw?: number }) {
  const { t } = useTranslation();
  return (
    <Controller
      control={control}
      name={name}
      render={(bound) => (
        <TextInput
          {...heading(label, required, autoFocus)}
          description={description}
          placeholder={t('clients.datePlaceholder')}
          inputMode="numeric"
          autoComplete="off"
          maw={maw}
          {...boundProps(bound)}
          value={isoToDutch(bound.field.value)}
          onChange={(event) => { bound.field.onChange(dutchDateToIso(event.currentTarget.value)); }}
        />
      )}
    />
  );
}

/** A whole number (months, places): empty stays empty, so the schema's "verplicht" message shows at the field. */
export function WholeNumberField<T extends FieldValues, V = T>({
  control,
  name,
  label,
  required = false,
  autoFocus = false,
  description,
  min,
  max,
  maw,
}: Bound<T, V> & { description?: string; min?: number; max?: number; maw?: number }) {
  return (
    <Controller
      control={control}
      name={name}
      render={(bound) => (
        <NumberInput
          {...heading(label, required, autoFocus)}
          description={description}
          min={min}
          max={max}
          allowDecimal={false}
          allowNegative={false}
          maw={maw}
          {...boundProps(bound)}
          value={typeof bound.field.value === 'number' ? bound.field.value : ''}
          onChange={(value) => { bound.field.onChange(typeof value === 'number' ? value : undefined); }}
        />
      )}
    />
  );
}
