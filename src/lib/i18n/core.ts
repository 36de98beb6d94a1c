/**
 * Tiny typed i18n core with no React: used by the UI (through the provider) and by the mock
 * backend (to word validation messages in the caller's Accept-Language).
 */
import { zhCN, type Messages } from '@/locales/zh-CN';

export type Locale = 'zh-CN' | 'en-US';
export const LOCALES: Locale[] = ['zh-CN', 'en-US'];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<Messages>;
export type Params = Record<string, string | number>;

/**
 * The default locale's catalogue ships with the first screen; the other is fetched when chosen
 * (`loadLocale`), so nobody downloads a language they do not read.
 */
const catalogs: Partial<Record<Locale, Messages>> = { 'zh-CN': zhCN };

export function registerCatalog(locale: Locale, messages: Messages) {
  catalogs[locale] = messages;
}

const isLocaleLoaded = (locale: Locale) => catalogs[locale] !== undefined;

export async function loadLocale(locale: Locale): Promise<void> {
  if (isLocaleLoaded(locale)) return;
  if (locale === 'en-US') registerCatalog(locale, (await import('@/locales/en-US')).enUS);
}

/** The whole catalogue of a loaded locale (the default one until the other has arrived). */
export const messagesOf = (locale: Locale): Messages => catalogs[locale] ?? zhCN;

function lookup(messages: Messages, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export function isMessageKey(key: string): key is MessageKey {
  return lookup(zhCN, key) !== undefined;
}

/** Translate a key; `{name}` placeholders are filled from params. Unknown keys come back as is. */
export function translate(locale: Locale, key: string, params?: Params): string {
  const text = lookup(messagesOf(locale), key) ?? lookup(zhCN, key) ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  );
}

export function toLocale(value: string | null | undefined): Locale {
  if (!value) return DEFAULT_LOCALE;
  return value.toLowerCase().startsWith('en') ? 'en-US' : 'zh-CN';
}
