import { format, parseISO } from 'date-fns';
import { enGB, nl } from 'date-fns/locale';
import { useTranslation } from 'react-i18next';

/** Date formatting in the UI language (date-fns, Dutch by default). */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? enGB : nl;
  return {
    dateTime: (iso: string) => format(parseISO(iso), 'd MMM yyyy, HH:mm', { locale }),
    dateTimeSeconds: (iso: string) => format(parseISO(iso), 'd MMM yyyy, HH:mm:ss', { locale }),
  };
}

/** First block of a UUID: enough to tell ids apart on screen without showing whole ids. */
export const shortId = (id: string | null) => (id ? id.slice(0, 8) : '—');
