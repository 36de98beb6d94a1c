import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '@mocks/db';
import { renderWithProviders } from '../../utils';
import { seedOn } from '../../seed-day';
import { pickOption, type UserEv } from '../letters/helpers';

/** pickOption inside a dialog (the page behind has a select of the same name). */
async function pick(user: UserEv, dialog: HTMLElement, label: string, option: string) {
  const box = within(dialog).getByRole('combobox', { name: label });
  await user.click(box);
  // Its own listbox (the one it controls), not the filter's of the same name.
  await waitFor(() => expect(box.getAttribute('aria-controls')).toBeTruthy());
  const listbox = document.getElementById(box.getAttribute('aria-controls')!)!;
  await user.click(within(listbox).getByRole('option', { name: option, hidden: true }));
}

// Nothing here depends on the day; pinned so that one run serves every date.
seedOn('2026-11-26');

describe('系统设置 → 用户 (admin)', { timeout: 60_000 }, () => {
  it('filters by role; adds a section officer, the section required for that role; shows the one-time password once', async () => {
    const { user } = await renderWithProviders({ route: '/settings?tab=users', user: 'admin' });
    expect(await screen.findByTestId('user-row-handler2', {}, { timeout: 20_000 })).toBeVisible();
    await pickOption(user, '角色', '局领导');
    await waitFor(() => expect(screen.queryByTestId('user-row-handler2')).not.toBeInTheDocument());
    expect(screen.getByTestId('user-row-leader')).toBeVisible();

    await user.click(screen.getByRole('button', { name: '新增用户' }));
    const dialog = await screen.findByRole('dialog', { name: '新增用户' });
    await user.type(within(dialog).getByRole('textbox', { name: /用户名/ }), 'chenmin');
    await user.type(within(dialog).getByRole('textbox', { name: /姓名/ }), '陈敏');
    await pick(user, dialog, '角色', '科室经办人');
    await user.click(within(dialog).getByRole('button', { name: '新增用户' }));
    expect(await within(dialog).findByText('科室经办人必须选择科室')).toBeVisible();
    expect(db.users.size).toBe(5);
    await pick(user, dialog, '科室', '养老服务科');
    await user.click(within(dialog).getByRole('button', { name: '新增用户' }));

    // The new account's one-time password is hashed first (PBKDF2, 600,000 iterations: seconds on
    // a loaded 2-core machine beside another worker's hashing).
    const shown = await screen.findByRole('dialog', { name: '一次性密码' }, { timeout: 40_000 });
    const password = within(shown).getByTestId('temporary-password').textContent!;
    expect(password).toMatch(/^[A-Za-z2-9]{12}$/);
    const stored = [...db.users.map.values()].find((u) => u.username === 'chenmin')!;
    expect(stored).toMatchObject({ sectionId: 'elderly', mustChangePassword: true });
    expect(stored.passwordHash).not.toContain(password);
    await user.click(within(shown).getByRole('button', { name: '我已记下' }));
    await waitFor(() => expect(screen.queryByTestId('temporary-password')).not.toBeInTheDocument());
  });

  it('an administrator cannot disable their own account (the menu item is off)', async () => {
    const { user } = await renderWithProviders({ route: '/settings?tab=users', user: 'admin' });
    await screen.findByTestId('user-row-admin', {}, { timeout: 20_000 });
    await user.click(screen.getByRole('button', { name: '系统管理员 的操作' }));
    expect(await screen.findByRole('menuitem', { name: '停用', hidden: true })).toBeDisabled();
  });
});
