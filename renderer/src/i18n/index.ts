import i18n from 'i18next';
import { z } from 'zod';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { nl } from './nl';

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const LANGUAGE_KEY = 'kop.language';

function storedLanguage(): Language {
  const value = localStorage.getItem(LANGUAGE_KEY);
  return value === 'en' ? 'en' : 'nl';
}

void i18n.use(initReactI18next).init({
  resources: { nl: { translation: nl }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'nl',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false }, // React escapes already
  initAsync: false,
});

/** zod's own messages (a wrong type, a too long text) follow the UI language too. */
function applyLanguage(language: string) {
  document.documentElement.lang = language;
  z.config(language === 'en' ? z.locales.en() : z.locales.nl());
}
applyLanguage(i18n.language);
i18n.on('languageChanged', (language) => {
  applyLanguage(language);
  localStorage.setItem(LANGUAGE_KEY, language);
});

export const currentLanguage = (): Language => (i18n.language === 'en' ? 'en' : 'nl');

export default i18n;
