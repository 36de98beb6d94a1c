import { screen, within } from '@testing-library/react';
import type { renderWithProviders } from '../../utils';

// The first render of a lazy route (login, module load, queries) can take over a second when the
// whole suite runs in parallel: give findBy*/waitFor more room than the 1 s default.

export type UserEv = Awaited<ReturnType<typeof renderWithProviders>>['user'];

/**
 * Picks `option` in the Mantine Select labelled `label`. In jsdom every element measures 0×0, so
 * Mantine's `hideDetached` (on unless MantineProvider has env="test") keeps the open dropdown at
 * display:none: the listbox and its options are found with `hidden: true`, scoped to this Select.
 */
export async function pickOption(user: UserEv, label: string, option: string) {
  await user.click(screen.getByRole('combobox', { name: label }));
  const listbox = await screen.findByRole('listbox', { name: label, hidden: true });
  await user.click(within(listbox).getByRole('option', { name: option, hidden: true }));
}
