import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiCallError } from './client';
import i18n from '../i18n';

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
