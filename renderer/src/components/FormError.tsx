import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A form-level error (backend message in Dutch), announced to screen readers. */
export function FormError({ message }: { message: string | null }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <Alert color="red" variant="light" title={t('common.errorTitle')} role="alert">
      {message}
    </Alert>
  );
}
