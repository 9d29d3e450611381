import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path } from 'react-hook-form';
import type { z } from 'zod';
import { applyServerErrors, formResolver } from '../api/forms';
import type { FormHandle } from '../components/FormDialog';
import { useNotify } from '../components/Notifications';

/**
 * A console form: validated at the field with the shared zod schema (the service checks it again),
 * sent with `save`; the service's field errors land on their fields, anything else above the
 * form. On success the listed queries are read again, the notice is shown and the dialog closes.
 */
export function useConsoleForm<T extends FieldValues>(options: {
  schema: z.ZodType<unknown, T>;
  defaultValues: DefaultValues<T>;
  fields: readonly Path<T>[];
  save: (values: T) => Promise<unknown>;
  refresh: QueryKey;
  success: (values: T) => string;
  onDone: () => void;
  /** Runs instead of sending at once, to ask for a confirmation first; `send` sends. */
  onValid?: (values: T, send: (values: T) => void) => void;
}) {
  const notify = useNotify();
  const queryClient = useQueryClient();
  const form = useForm<T>({ resolver: formResolver(options.schema as never), defaultValues: options.defaultValues });
  const [formError, setFormError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: options.save,
    onSuccess: async (_answer, values) => {
      await queryClient.invalidateQueries({ queryKey: options.refresh });
      notify({ message: options.success(values) });
      options.onDone();
    },
    onError: (error) => setFormError(applyServerErrors(error, form.setError, options.fields)),
  });
  const handle: FormHandle = {
    submit: form.handleSubmit((values) => {
      setFormError(null);
      if (options.onValid) options.onValid(values, (confirmed) => save.mutate(confirmed));
      else save.mutate(values);
    }),
    formError,
    pending: save.isPending,
  };
  return { form, handle };
}
