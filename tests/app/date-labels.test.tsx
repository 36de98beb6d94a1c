import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Locale } from '@/lib/i18n/core';
import { seedOn } from '../seed-day';
import { renderWithProviders } from '../utils';

seedOn('2026-12-10');

/** The new letter's 收信日期 (today), its calendar opened: the header names the month. */
async function calendarHeader(locale: Locale, label: RegExp) {
  const { user } = await renderWithProviders({ route: '/letters/new', user: 'clerk', locale });
  const box = await screen.findByRole('textbox', { name: label });
  await user.click(box);
  await waitFor(() =>
    expect(document.querySelector('[class*="calendarHeaderLevel"]')).not.toBeNull(),
  );
  return document.querySelector('[class*="calendarHeaderLevel"]')!.textContent;
}

describe('the date picker speaks the locale (issue #20)', () => {
  it('zh-CN: 2026年12月', async () => {
    expect(await calendarHeader('zh-CN', /收信日期/)).toBe('2026年12月');
  });
  it('en-US: December 2026', async () => {
    expect(await calendarHeader('en-US', /^Received$/)).toBe('December 2026');
  });
});
