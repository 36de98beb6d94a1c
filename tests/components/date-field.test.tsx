import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { AppProviders } from '@/app/provider';
import { DateField, DateRangeField } from '@/components/date-field';
import type { Locale } from '@/lib/i18n/core';
import { createQueryClient } from '@/lib/query-client';
import { seedOn } from '../seed-day';

// Typed and shown dates do not depend on the day: one run is enough (tests/run-all.mjs).
seedOn('2026-11-26');

/** A DateField with its value shown beside it, as a form holds it. */
function Field({ initial = null }: { initial?: string | null }) {
  const [value, setValue] = useState<string | null>(initial);
  return (
    <>
      <DateField label="日期" value={value} onChange={setValue} clearable />
      <output aria-label="value">{value ?? 'null'}</output>
    </>
  );
}

const renderIn = (locale: Locale, initial?: string | null) =>
  render(
    <AppProviders queryClient={createQueryClient({ retry: false })} locale={locale}>
      <Field initial={initial} />
      <button type="button">elsewhere</button>
    </AppProviders>,
  );

const input = () => screen.getByRole('textbox', { name: '日期' });
const value = () => screen.getByRole('status', { name: 'value' }).textContent;

describe('DateField: the locale’s date, any written form typed', () => {
  it('shows 2026年9月30日 in Chinese, with the Chinese placeholder', () => {
    renderIn('zh-CN', '2026-09-30');
    expect(input()).toHaveValue('2026年9月30日');
    expect(input()).toHaveAttribute('placeholder', 'YYYY年M月D日');
  });

  it('shows 2026-09-30 in English, with the English placeholder', () => {
    renderIn('en-US', '2026-09-30');
    expect(input()).toHaveValue('2026-09-30');
    expect(input()).toHaveAttribute('placeholder', 'YYYY-MM-DD');
  });

  it.each([
    ['zh-CN', '2026-09-30', '2026年9月30日'],
    ['zh-CN', '2026/9/30', '2026年9月30日'],
    ['zh-CN', '2026.9.30', '2026年9月30日'],
    ['zh-CN', '2026年9月30日', '2026年9月30日'],
    ['en-US', '2026-09-30', '2026-09-30'],
    ['en-US', '2026/9/30', '2026-09-30'],
    ['en-US', '2026.9.30', '2026-09-30'],
    ['en-US', '2026年9月30日', '2026-09-30'],
  ] as const)(
    '%s: typing %s gives 2026-09-30, shown as %s on leaving',
    async (locale, typed, shown) => {
      renderIn(locale);
      const user = userEvent.setup();
      await user.type(input(), typed);
      expect(value()).toBe('2026-09-30');
      await user.click(screen.getByRole('button', { name: 'elsewhere' }));
      expect(input()).toHaveValue(shown);
    },
  );

  it('a day that does not exist is never taken (only the real day typed on the way to it)', async () => {
    renderIn('zh-CN', '2026-02-01');
    const user = userEvent.setup();
    await user.clear(input());
    await user.type(input(), '2026-02-30');
    // 2026-02-3 is a day, typed on the way to 2026-02-30; the 30th of February is not.
    expect(value()).toBe('2026-02-03');
    await user.click(screen.getByRole('button', { name: 'elsewhere' }));
    expect(input()).toHaveValue('2026年2月3日');
  });
});

describe('DateRangeField', () => {
  const renderRange = (locale: Locale) =>
    render(
      <AppProviders queryClient={createQueryClient({ retry: false })} locale={locale}>
        <DateRangeField
          label="收信日期范围"
          value={['2026-09-01', '2026-09-30']}
          onChange={() => {}}
        />
      </AppProviders>,
    );

  it('writes the range as the locale writes dates', () => {
    renderRange('zh-CN');
    expect(screen.getByRole('button', { name: '收信日期范围' })).toHaveTextContent(
      '2026年9月1日 至 2026年9月30日',
    );
  });

  it('in English too', () => {
    renderRange('en-US');
    expect(screen.getByRole('button', { name: '收信日期范围' })).toHaveTextContent(
      '2026-09-01 – 2026-09-30',
    );
  });
});
