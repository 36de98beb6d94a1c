/**
 * Tiny typed i18n core with no React: used by the UI (through the provider) and by the mock
 * backend (to word validation messages in the caller's Accept-Language).
 */
import { enUS } from '@/locales/en-US';
import { zhCN, type Messages } from '@/locales/zh-CN';

export type Locale = 'zh-CN' | 'en-US';
export const LOCALES: Locale[] = ['zh-CN', 'en-US'];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<Messages>;
export type Params = Record<string, string | number>;

const catalogs: Record<Locale, Messages> = { 'zh-CN': zhCN, 'en-US': enUS };

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
  const text = lookup(catalogs[locale], key) ?? lookup(zhCN, key) ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  );
}

export function toLocale(value: string | null | undefined): Locale {
  if (!value) return DEFAULT_LOCALE;
  return value.toLowerCase().startsWith('en') ? 'en-US' : 'zh-CN';
}
