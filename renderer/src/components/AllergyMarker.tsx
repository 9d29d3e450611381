import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The allergy marker (issue 17): icon and text, so it does not rely on colour alone. It says only
 * that allergies are recorded; the details are on the child's medical tab, where every read is audited.
 */
export function AllergyMarker({ size = 'sm' }: { size?: 'sm' | 'md' }) {
  const { t } = useTranslation();
  return (
    <Badge
      color="red"
      variant="light"
      size={size}
      leftSection={
        <svg aria-hidden="true" focusable="false" width="12" height="12" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round">
          <path d="M12 3 2 21h20L12 3z" />
          <path d="M12 10v5M12 18h.01" />
        </svg>
      }
      title={t('allergyMarker.help')}
    >
      {t('allergyMarker.label')}
    </Badge>
  );
}
