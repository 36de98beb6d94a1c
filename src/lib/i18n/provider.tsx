import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { setApiLocale } from '@/lib/api-client';
import {
  DEFAULT_LOCALE,
  loadLocale,
  toLocale,
  translate,
  type Locale,
  type MessageKey,
  type Params,
} from './core';

const STORAGE_KEY = 'gkwb.locale';

interface I18nValue {
  locale: Locale;
  setLocale: (l: Locale) => void;
  t: (key: MessageKey, params?: Params) => string;
  /** Translate a key that arrives as data (e.g. a validation message key); falls back to the text. */
  tx: (key: string, params?: Params) => string;
}

const I18nContext = createContext<I18nValue | null>(null);

export function initialLocale(): Locale {
  try {
    return toLocale(localStorage.getItem(STORAGE_KEY) ?? DEFAULT_LOCALE);
  } catch {
    return DEFAULT_LOCALE;
  }
}

function applyLocale(locale: Locale) {
  document.documentElement.lang = locale;
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  setApiLocale(locale);
}

export function I18nProvider({
  children,
  locale: fixed,
}: {
  children: ReactNode;
  locale?: Locale;
}) {
  const [locale, setLocaleState] = useState<Locale>(() => fixed ?? initialLocale());
  applyLocale(locale);
  useEffect(() => {
    document.title = translate(locale, 'app.title');
  }, [locale]);
  const setLocale = useCallback((l: Locale) => {
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      /* private mode: keep it for this page only */
    }
    // Switch once the catalogue is here (instant for the default one; one small chunk otherwise).
    // If it cannot be fetched (offline), stay in the current language rather than show keys.
    loadLocale(l).then(
      () => setLocaleState(l),
      () => undefined,
    );
  }, []);
  const value = useMemo<I18nValue>(
    () => ({
      locale,
      setLocale,
      t: (key, params) => translate(locale, key, params),
      tx: (key, params) => translate(locale, key, params),
    }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n must be used inside <I18nProvider>');
  return ctx;
}
