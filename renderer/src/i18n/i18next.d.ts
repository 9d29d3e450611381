import 'i18next';
import type { Catalogue } from './nl';

// Typed translation keys: a wrong key in t('…') is a compile error.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalogue };
  }
}
