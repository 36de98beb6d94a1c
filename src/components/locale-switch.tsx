import { Button } from '@mantine/core';
import type { Locale } from '@/lib/i18n/core';
import { useI18n } from '@/lib/i18n/provider';

const LOCALES: { value: Locale; label: string; lang: string }[] = [
  { value: 'zh-CN', label: '中文', lang: 'zh-CN' },
  { value: 'en-US', label: 'English', lang: 'en' },
];

/**
 * The language switch of the header and the login page: two buttons, the current language
 * pressed, each label in its own language. Plain buttons, nothing measured on render (a
 * SegmentedControl's sliding indicator forced a layout of the whole page on every load).
 */
export function LocaleSwitch() {
  const { t, locale, setLocale } = useI18n();
  return (
    <Button.Group aria-label={t('header.locale')}>
      {LOCALES.map((l) => (
        <Button
          key={l.value}
          size="xs"
          variant={locale === l.value ? 'filled' : 'default'}
          aria-pressed={locale === l.value}
          lang={l.lang}
          onClick={() => setLocale(l.value)}
        >
          {l.label}
        </Button>
      ))}
    </Button.Group>
  );
}
