import type { FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { ApiCallError } from '../../api/client';
import { formResolver } from '../../api/forms';

/**
 * The backend names fields relative to the method's input (`parents.0.bsn`); a form that nests
 * that input under a key (`household.parents.0.bsn`) gets the details re-keyed before
 * `applyServerErrors` puts them on the fields.
 */
export function withFieldPrefix(error: unknown, prefix: string): unknown {
  if (!(error instanceof ApiCallError)) return error;
  const details = Object.fromEntries(Object.entries(error.details).map(([key, message]) => [`${prefix}${key}`, message]));
  return new ApiCallError(error.code, error.message, details);
}

/**
 * zodResolver for the shared schemas wrapped in `noIdDocumentFields` (BSN-controle, identificatie):
 * they first accept any record (to refuse ID-number or copy fields with an explanation), so their
 * input type says nothing about the fields. The form declares its own field shape; the schema still
 * validates every value on submit.
 */
export function recordSchemaResolver<TForm extends FieldValues, S extends z.ZodType<unknown, Record<string, unknown>>>(schema: S) {
  return formResolver(schema) as unknown as Resolver<TForm, unknown, z.output<S>>;
}
