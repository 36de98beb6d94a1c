import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../utils';
import { seedOn } from '../seed-day';

seedOn('2026-11-26');

/** The header's controls (and with them the shortcuts) arrive after the first paint. */
const ready = () => screen.findByRole('button', { name: /用户菜单/ }, { timeout: 30_000 });

// The first render of the signed-in app (its lazy routes) is slow on a loaded machine.
describe('keyboard shortcuts and the help drawer', { timeout: 60_000 }, () => {
  it('「N」 opens the letter form for the office', async () => {
    const { user, router } = await renderWithProviders({ route: '/catalogue', user: 'clerk' });
    await ready();
    await user.keyboard('n');
    await waitFor(() => expect(router.state.location.pathname).toBe('/letters/new'));
    expect(await screen.findByRole('heading', { name: '登记来信' })).toBeInTheDocument();
  });

  it('「N」 does nothing for a role that does not register letters', async () => {
    const { user, router } = await renderWithProviders({ route: '/letters', user: 'handler' });
    await ready();
    await user.keyboard('n');
    expect(router.state.location.pathname).toBe('/letters');
  });

  it('letters typed into a field stay there; 「/」 goes to the list’s search first', async () => {
    const { user, router } = await renderWithProviders({ route: '/catalogue', user: 'clerk' });
    await ready();
    await user.keyboard('/');
    const search = await screen.findByRole('textbox', { name: /搜索/ });
    expect(search).toHaveFocus();
    await user.keyboard('n');
    expect(search).toHaveValue('n');
    expect(router.state.location.pathname).toBe('/catalogue');
  });

  it('「?」 opens the help with the shortcuts and the workflows and their basis', async () => {
    const { user } = await renderWithProviders({ route: '/dashboard', user: 'clerk' });
    await ready();
    await user.keyboard('?');
    const drawer = await screen.findByRole('dialog', { name: '帮助' });
    expect(within(drawer).getByText('登记来信')).toBeInTheDocument();
    expect(within(drawer).getByRole('heading', { name: '依申请公开' })).toBeInTheDocument();
    expect(
      within(drawer).getByText(/依据：《政府信息公开条例》（2019）第三十条至第三十六条/),
    ).toBeInTheDocument();
  });

  it('the handler’s help lists only their workflows and no 「N」', async () => {
    const { user } = await renderWithProviders({ route: '/letters', user: 'handler' });
    await user.click(await ready());
    await user.click(await screen.findByRole('menuitem', { name: /帮助与快捷键/, hidden: true }));
    const drawer = await screen.findByRole('dialog', { name: '帮助' });
    expect(within(drawer).queryByText('登记来信')).not.toBeInTheDocument();
    expect(within(drawer).queryByRole('heading', { name: '年度报告' })).not.toBeInTheDocument();
    expect(within(drawer).getByRole('heading', { name: '来信办理' })).toBeInTheDocument();
  });

  it('Ctrl+Enter in a form field submits that form', async () => {
    const { user } = await renderWithProviders({ route: '/letters/new', user: 'clerk' });
    await ready();
    const field = await screen.findByLabelText(/来信人/);
    await user.click(field);
    fireEvent.keyDown(field, { key: 'Enter', code: 'Enter', ctrlKey: true });
    // Submitted empty: the form's own messages next to its required fields.
    expect((await screen.findAllByText('必填')).length).toBeGreaterThan(1);
  });
});
