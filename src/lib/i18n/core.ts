/**
 * Tiny typed i18n core with no React: used by the UI (through the provider) and by the mock
 * backend (to word validation messages in the caller's Accept-Language).
 */
import type { Messages } from '@/locales/zh-CN';
import { shellZh } from '@/locales/zh-CN/shell';

export type Locale = 'zh-CN' | 'en-US';
export const LOCALES: Locale[] = ['zh-CN', 'en-US'];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<Messages>;
export type Params = Record<string, string | number>;

/**
 * The catalogues loaded so far. The first screen (sign-in) ships only the default locale's
 * shell (`src/locales/zh-CN/shell.ts`); the rest of it arrives with the first signed-in page
 * (`loadAllMessages`, run by the signed-in routes), and the other locale, whole, when it is chosen
 * (`loadLocale`), so nobody downloads a language they do not read or pages they cannot open yet.
 */
const catalogs: Partial<Record<Locale, Messages>> = { 'zh-CN': shellZh as unknown as Messages };
let zhComplete = false;

export function registerCatalog(locale: Locale, messages: Messages) {
  catalogs[locale] = messages;
  if (locale === 'zh-CN') zhComplete = true;
}

export async function loadLocale(locale: Locale): Promise<void> {
  if (locale === 'en-US' && !catalogs[locale])
    registerCatalog(locale, (await import('@/locales/en-US')).enUS);
}

/**
 * The whole default catalogue (every page's texts, and the fallback for the other locale): the
 * signed-in routes wait for it before they render (src/app/routes.tsx).
 */
export async function loadAllMessages(): Promise<void> {
  if (!zhComplete) registerCatalog('zh-CN', (await import('@/locales/zh-CN')).zhCN);
}

/** The whole catalogue of a loaded locale (the default one until the other has arrived). */
export const messagesOf = (locale: Locale): Messages => catalogs[locale] ?? catalogs['zh-CN']!;

function lookup(messages: Messages, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export function isMessageKey(key: string): key is MessageKey {
  return lookup(catalogs['zh-CN']!, key) !== undefined;
}

/** Translate a key; `{name}` placeholders are filled from params. Unknown keys come back as is. */
export function translate(locale: Locale, key: string, params?: Params): string {
  const text = lookup(messagesOf(locale), key) ?? lookup(catalogs['zh-CN']!, key) ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  );
}

export function toLocale(value: string | null | undefined): Locale {
  if (!value) return DEFAULT_LOCALE;
  return value.toLowerCase().startsWith('en') ? 'en-US' : 'zh-CN';
}
