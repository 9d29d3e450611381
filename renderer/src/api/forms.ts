import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldError, FieldErrors, FieldValues, Path, Resolver, UseFormSetError } from 'react-hook-form';
import { localize } from '../../../shared/i18n/translate';
import { ApiCallError } from './client';
import i18n, { currentLanguage } from '../i18n';

/** Replaces every message in a react-hook-form error tree by its text in the UI language. */
function localizeErrors(errors: FieldErrors, language: 'nl' | 'en'): FieldErrors {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(errors)) {
    if (!value || typeof value !== 'object') continue;
    const fieldError = value as FieldError & Record<string, unknown>;
    out[name] = typeof fieldError.message === 'string' && 'type' in fieldError
      ? { ...fieldError, message: localize(fieldError.message, language) }
      : localizeErrors(fieldError as FieldErrors, language);
  }
  return out as FieldErrors;
}

/**
 * The form resolver: validates with the shared zod schema (the same one the backend uses) and
 * shows its messages — catalogue references from `zm()` — in the UI language.
 */
export const formResolver = ((...args: Parameters<typeof zodResolver>) => {
  // zodResolver's overloads carry the schema's input and output types; the wrapper keeps its signature (cast below).
  const resolve = zodResolver(...args) as unknown as Resolver<FieldValues>;
  const localized: Resolver<FieldValues> = async (values, context, options) => {
    const result = await resolve(values, context, options);
    return { ...result, errors: localizeErrors(result.errors, currentLanguage()) } as typeof result;
  };
  return localized;
}) as typeof zodResolver;

/**
 * Puts the backend's field errors (dotted paths such as `manager.password`) on the form fields
 * and focuses the first one. Returns the message for the alert above the form, or null when
 * every detail found its field.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): string | null {
  if (!(error instanceof ApiCallError)) return i18n.t('errors.unexpected');
  let placed = false;
  for (const [path, message] of Object.entries(error.details)) {
    const field = fields.find((candidate) => candidate === path);
    if (field) {
      setError(field, { type: 'server', message }, { shouldFocus: !placed });
      placed = true;
    }
  }
  return placed ? null : error.message;
}

/** The message to show for any failed call. */
export const errorMessage = (error: unknown) => (error instanceof ApiCallError ? error.message : i18n.t('errors.unexpected'));
