/**
 * Vietnamese first, English switchable (issue #9; UI.md principle 1: "English is a translation,
 * never the source"). The pages write their Vietnamese text as the key — `t('Gửi kết quả')` — and
 * i18next returns it as is in Vietnamese, or its translation from i18n/en.ts in English. A test
 * checks that every key the pages use has an English translation.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { EN } from './i18n/en.js';
import { setNumberLocale } from './format.js';

const STORAGE_KEY = 'xeploai.lang';

/** The language chosen before (stored in the browser), else Vietnamese. */
export function initialLanguage(): 'vi' | 'en' {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/** Starts i18next with the stored language. */
export async function initI18n(): Promise<void> {
  const lng = initialLanguage();
  setNumberLocale(lng);
  document.documentElement.lang = lng;
  await i18next.use(initReactI18next).init({
    lng,
    fallbackLng: false,
    keySeparator: false,
    nsSeparator: false,
    returnEmptyString: false,
    interpolation: { escapeValue: false },
    resources: { vi: { translation: {} }, en: { translation: EN } },
  });
}

/** Switches the language of every page and remembers it. */
export async function setLanguage(lang: 'vi' | 'en'): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
  setNumberLocale(lang);
  document.documentElement.lang = lang;
  await i18next.changeLanguage(lang);
}


/** The key marker lives apart (no browser globals), so pure modules and their tests can use it. */
export { tk } from './tk.js';
