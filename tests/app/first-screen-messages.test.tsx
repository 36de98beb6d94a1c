import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { zhCN } from '@/locales/zh-CN';
import { shellZh } from '@/locales/zh-CN/shell';
import { seedOn } from '../seed-day';

seedOn('2026-11-26');

/** A key shown as is (translate() returns unknown keys unchanged): `letters.register`, … */
const RAW_KEY = new RegExp(`\\b(${Object.keys(zhCN).join('|')})\\.[a-zA-Z]`);

/** The page's visible text (Mantine's style elements left out). */
function pageText() {
  const body = document.body.cloneNode(true) as HTMLElement;
  body.querySelectorAll('style, script').forEach((e) => e.remove());
  return body.textContent ?? '';
}

describe('the first screen carries only its own texts', () => {
  it('the shell is a small part of the catalogue', () => {
    const size = (o: unknown) => new TextEncoder().encode(JSON.stringify(o)).length;
    expect(Object.keys(shellZh)).toEqual([
      'app',
      'nav',
      'header',
      'roles',
      'auth',
      'errors',
      'validation',
      'sections',
    ]);
    expect(size(shellZh)).toBeLessThan(size(zhCN) / 3);
  });

  it('the sign-in page, its errors and the first signed-in page read as text, not keys', async () => {
    // A fresh module graph: the i18n core as the first screen has it (the shell only), not the
    // whole catalogue the mock backend registered in this test process.
    vi.resetModules();
    const core = await import('@/lib/i18n/core');
    expect(core.isMessageKey('auth.submit')).toBe(true);
    expect(core.isMessageKey('letters.register')).toBe(false);
    const { renderWithProviders } = await import('../utils');
    const { user, unmount } = await renderWithProviders({ route: '/login' });
    await user.click(await screen.findByRole('button', { name: '登录' }));
    expect(await screen.findAllByText('必填')).toHaveLength(2);
    await user.type(screen.getByLabelText(/用户名/), 'clerk');
    await user.type(screen.getByLabelText(/密码/), 'wrong');
    await user.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByText('用户名或密码错误')).toBeInTheDocument();
    expect(pageText().match(RAW_KEY)?.[0] ?? null).toBeNull();

    // Signing in loads the rest before the first signed-in page renders.
    await user.clear(screen.getByLabelText(/密码/));
    await user.type(screen.getByLabelText(/密码/), 'demo123');
    await user.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByRole('heading', { level: 1, name: '我的待办' })).toBeInTheDocument();
    expect(core.isMessageKey('letters.register')).toBe(true);
    expect(pageText().match(RAW_KEY)?.[0] ?? null).toBeNull();
    unmount();
  });
});
