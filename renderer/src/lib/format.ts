import { useTranslation } from 'react-i18next';
import { appToday, isoDateIn } from '../../../shared/domain/clock';
import { nlDate, nlDateLong, nlDateTime, nlDateTimeShort } from '../../../shared/domain/dates';

/**
 * The one place where the UI formats dates, times, numbers and file sizes.
 *
 * - Dates read as on Dutch paper forms, `01-12-2026`, in both languages; `dateLong` spells the
 *   month in the UI language (`1 december 2026`, `1 December 2026`).
 * - Timestamps (UTC instants) are shown in office time, Europe/Amsterdam, whatever zone the PC is
 *   in: the same clock as the PDFs (shared/domain/dates.ts).
 * - Numbers and sizes follow the UI language: `27,5` and `3,1 MB` in Dutch, `27.5` and `3.1 MB` in English.
 */
interface Formats {
  /** `01-12-2026`; a timestamp gives its office-time day; nothing gives "—". */
  date: (iso: string | null | undefined) => string;
  /** `1 december 2026`. */
  dateLong: (iso: string) => string;
  /** `december 2026`, for a `YYYY-MM` month. */
  month: (yearMonth: string) => string;
  /** `01-12-2026 14:05` (office time). */
  dateTime: (iso: string) => string;
  /** `01-12-2026 14:05:09` (office time), for logs. */
  dateTimeSeconds: (iso: string) => string;
  /** `1 december 2026 om 14:05` (office time, as on the PDFs), for a single moment in a sentence or detail. */
  dateTimeLong: (iso: string) => string;
  /** `14:05` when the moment is today (app clock, office time), otherwise `01-12-2026 14:05`. */
  timeOrDateTime: (iso: string) => string;
  /** `27,5`. */
  number: (value: number) => string;
  /** `3,1 MB`, `12 kB`. */
  fileSize: (bytes: number) => string;
}

const OFFICE_TIME_ZONE = 'Europe/Amsterdam';
type Locale = 'nl-NL' | 'en-GB';

/** Instants carry a time (`2026-12-01T13:05:00Z`); calendar dates are `YYYY-MM-DD` only. */
const dayOf = (iso: string) => (iso.length > 10 ? isoDateIn(new Date(iso)) : iso);

function build(locale: Locale): Formats {
  // Calendar dates are formatted at UTC midnight, so no time zone can move them to another day.
  const longDate = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const monthYear = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: OFFICE_TIME_ZONE });
  const timeSeconds = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone: OFFICE_TIME_ZONE });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const oneDecimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  // Dutch: the PDFs' own function, so screen and paper spell a date alike.
  const dateLong = (iso: string) => (locale === 'nl-NL' ? nlDateLong(dayOf(iso)) : longDate.format(new Date(`${dayOf(iso)}T00:00:00Z`)));
  const dateTime = (iso: string) => nlDateTimeShort(new Date(iso));
  return {
    date: (iso) => (iso ? nlDate(dayOf(iso)) : '—'),
    dateLong,
    month: (yearMonth) => monthYear.format(new Date(`${yearMonth}-01T00:00:00Z`)),
    dateTime,
    dateTimeSeconds: (iso) => `${nlDate(dayOf(iso))} ${timeSeconds.format(new Date(iso))}`,
    // Dutch: the PDFs' own function (shared/domain/dates.ts), so screen and paper say it alike.
    dateTimeLong: (iso) => (locale === 'nl-NL' ? nlDateTime(new Date(iso)) : `${dateLong(iso)} at ${time.format(new Date(iso))}`),
    timeOrDateTime: (iso) => (dayOf(iso) === appToday() ? time.format(new Date(iso)) : dateTime(iso)),
    number: (value) => number.format(value),
    fileSize: (bytes) => (bytes >= 1024 * 1024 ? `${oneDecimal.format(bytes / 1024 / 1024)} MB` : `${number.format(Math.max(1, Math.round(bytes / 1024)))} kB`),
  };
}

const FORMATS: Record<Locale, Formats> = { 'nl-NL': build('nl-NL'), 'en-GB': build('en-GB') };

/** The formatters for a UI language: English for `en`, Dutch otherwise. */
export const formatsFor = (language: string): Formats => FORMATS[language === 'en' ? 'en-GB' : 'nl-NL'];

/** The formatters for the UI language of the moment. */
export function useFormat(): Formats {
  const { i18n } = useTranslation();
  return formatsFor(i18n.language);
}


/** "NL91ABNA0417164300" → "NL91 ABNA 0417 1643 00", as on a bank card. */
export const formatIban = (iban: string) => iban.replace(/(.{4})/g, '$1 ').trim();
