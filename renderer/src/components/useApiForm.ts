import { useState, type FormEvent } from 'react';
import { useForm, type DefaultValues, type FieldErrors, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ApiCallError } from '../api/client';
import { applyServerErrors, formResolver } from '../api/forms';
import { useNotify } from './Notifications';

/** What a form needs of a mutation: TanStack's `useMutation` result (or two of them behind one `mutate`). */
export interface FormMutation<TInput, TResult> {
  mutate: (input: TInput, callbacks: { onSuccess: (result: TResult) => void; onError: (error: unknown) => void }) => void;
  isPending: boolean;
}

/** Without `toInput` the form's validated values are the method's input. */
type InputMapping<TValues, TInput> = [TValues] extends [TInput] ? { toInput?: (values: TValues) => TInput } : { toInput: (values: TValues) => TInput };

interface Options<TForm extends FieldValues, TValues, TInput, TResult> {
  /** The shared zod schema (the one the backend validates with), or one built on it. */
  schema: z.ZodType<TValues, TForm>;
  defaultValues?: DefaultValues<TForm>;
  /** Values that follow data loaded later (react-hook-form's `values`), instead of defaults. */
  values?: TForm;
  mutation: FormMutation<TInput, TResult>;
  /** The toast after success, titled "Opgeslagen". */
  success?: (result: TResult, values: TValues) => string;
  onSuccess?: (result: TResult, values: TValues) => void;
  /** Empties the form after success, for the next entry. */
  resetOnSuccess?: boolean;
  /** Runs instead of sending at once, e.g. to ask for a confirmation first; `send` sends. */
  onValid?: (values: TValues, send: (values: TValues) => void) => void;
  /** The backend names fields of the method input; a form that nests or renames them maps the name here. */
  fieldOf?: (serverPath: string) => string;
  /**
   * After a failed call, once the field errors are at their fields: `message` is what is left for
   * the alert above the form (null when every detail found its field); the return value is shown.
   */
  onError?: (error: unknown, message: string | null) => string | null;
  /** Only these fields take server errors (default: every field the form holds). */
  fields?: readonly Path<TForm>[];
}

interface ApiFormHandle<TForm extends FieldValues, TValues> extends UseFormReturn<TForm, unknown, TValues> {
  errors: FieldErrors<TForm>;
  /** The message for the alert above the form. */
  formError: string | null;
  pending: boolean;
  submit: (event?: FormEvent) => void;
  /** Sends validated values (after a confirmation asked for in `onValid`). */
  send: (values: TValues) => void;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** Every dotted path in the form's values (`household.parents.0.bsn`): where a server error can go. */
function fieldPaths(value: unknown, prefix = ''): string[] {
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((item, index) => [String(index), item]) : isRecord(value) ? Object.entries(value) : [];
  return entries.flatMap(([key, item]) => [`${prefix}${key}`, ...fieldPaths(item, `${prefix}${key}.`)]);
}

function renameDetails(error: unknown, fieldOf: ((serverPath: string) => string) | undefined): unknown {
  if (!fieldOf || !(error instanceof ApiCallError)) return error;
  return new ApiCallError(error.code, error.message, Object.fromEntries(Object.entries(error.details).map(([path, message]) => [fieldOf(path), message])));
}

/**
 * A form on an API method: react-hook-form with the shared zod schema, the mutation, the backend's
 * field errors at their fields (the first one focused), the remaining message for the alert above
 * the form, the submit state and a success toast.
 */
export function useApiForm<TForm extends FieldValues, TValues, TInput, TResult>(
  options: Options<TForm, TValues, TInput, TResult> & InputMapping<TValues, TInput>,
): ApiFormHandle<TForm, TValues> {
  const { t } = useTranslation();
  const notify = useNotify();
  const [formError, setFormError] = useState<string | null>(null);
  const methods = useForm<TForm, unknown, TValues>({
    resolver: formResolver(options.schema),
    ...(options.values ? { values: options.values } : { defaultValues: options.defaultValues }),
  });
  // InputMapping makes `toInput` required unless the values already are the input.
  const toInput = options.toInput ?? ((values: TValues) => values as unknown as TInput);

  const fail = (error: unknown) => {
    // The paths come from this form's own values (or the given list), so they are paths of TForm.
    const fields = (options.fields ?? fieldPaths(methods.getValues())) as readonly Path<TForm>[];
    const message = applyServerErrors(renameDetails(error, options.fieldOf), methods.setError, fields);
    setFormError(options.onError ? options.onError(error, message) : message);
  };

  const send = (values: TValues) => {
    setFormError(null);
    options.mutation.mutate(toInput(values), {
      onSuccess: (result) => {
        if (options.resetOnSuccess) methods.reset();
        if (options.success) notify({ title: t('common.saved'), message: options.success(result, values) });
        options.onSuccess?.(result, values);
      },
      onError: fail,
    });
  };

  const submit = (event?: FormEvent) => {
    void methods.handleSubmit((values) => {
      if (options.onValid) options.onValid(values, send);
      else send(values);
    })(event);
  };

  return { ...methods, errors: methods.formState.errors, formError, pending: options.mutation.isPending, submit, send };
}

/**
 * For the shared schemas wrapped in `noIdDocumentFields` (BSN-controle, identificatie): they first
 * accept any record (to refuse ID-number or copy fields with an explanation), so their input type
 * says nothing about the fields. The form declares its own field shape; the schema still validates
 * every value on submit.
 */
export const withFormShape =
  <TForm extends FieldValues>() =>
  <S extends z.ZodType>(schema: S) =>
    schema as unknown as z.ZodType<z.output<S>, TForm>;
