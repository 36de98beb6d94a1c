import { useHotkeys } from '@mantine/hooks';
import { useNavigate } from 'react-router';
import { paths } from '@/config/paths';
import { useUser } from '@/lib/session';
import { roleMayOpen } from '../nav';

/** The form of the focused element (a dialog's or the page's), submitted as its button would. */
function submitFocusedForm() {
  const active = document.activeElement;
  const form =
    active instanceof HTMLElement
      ? (active.closest('form') ?? active.closest('[role=dialog]')?.querySelector('form') ?? null)
      : null;
  form?.requestSubmit();
}

/**
 * The app's keyboard shortcuts: 「/」 focuses the page's search field (the input a list marks
 * `data-shortcut="search"`), 「N」 registers a letter (for the
 * roles that register), 「?」 opens the help, and Ctrl+Enter (⌘+Enter) submits the dialog or form
 * the focus is in. Letters and 「/」 are ignored while typing in a field; Ctrl+Enter works there.
 */
export function useShortcuts(openHelp: () => void) {
  const navigate = useNavigate();
  const user = useUser();
  // Not behind an open dialog: 「N」 there would leave what the user was entering.
  const unlessDialog = (action: () => void) => () => {
    if (!document.querySelector('[role=dialog]')) action();
  };
  useHotkeys([
    [
      '/',
      unlessDialog(() =>
        document.querySelector<HTMLInputElement>('main [data-shortcut="search"]')?.focus(),
      ),
    ],
    [
      'n',
      unlessDialog(() => {
        if (roleMayOpen(user.role, paths.letterNew)) void navigate(paths.letterNew);
      }),
    ],
    // 「?」 is Shift+/ on the keyboards used here; the character decides, whatever the layout.
    ['shift+?', unlessDialog(openHelp)],
    ['?', unlessDialog(openHelp)],
  ]);
  useHotkeys([['mod+Enter', submitFocusedForm]], []);
}
