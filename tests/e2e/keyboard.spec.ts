import type { Page } from '@playwright/test';
import { apiInPage, expect, openAs, test } from './fixtures';

/** Press Tab until the focused element matches; fails after `max` presses. */
/** As a keyboard user would: the skip link, then into the page's content. */
async function skipToMain(page: Page) {
  await page.getByRole('link', { name: '跳到主要内容' }).focus();
  await page.keyboard.press('Enter');
}

async function tabTo(
  page: Page,
  matches: (el: { tag: string; text: string; label: string }) => boolean,
  max = 60,
) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      const id = a?.getAttribute('id');
      const label =
        (id && document.querySelector(`label[for="${id}"]`)?.textContent) ||
        a?.getAttribute('aria-label') ||
        '';
      return {
        tag: a?.tagName ?? '',
        text: (a?.textContent ?? '').trim(),
        label: label.replace(/\s*\*$/, '').trim(),
      };
    });
    if (matches(el)) return;
  }
  throw new Error('element not reached by Tab');
}

/**
 * Opens the focused select with ArrowDown, waits for its options (on a loaded machine the list
 * can take a moment), moves `moves` options down and takes that one; then checks it was taken.
 */
async function chooseOption(page: Page, label: string, moves = 1) {
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('listbox')).toBeVisible();
  for (let i = 0; i < moves; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('listbox')).toBeHidden();
  await expect(page.getByRole('combobox', { name: label, exact: true })).not.toHaveValue('');
}

test('register a letter with the keyboard only', async ({ page }) => {
  await openAs(page, 'clerk', '/letters/new');
  await expect(page.getByRole('heading', { name: '登记来信' })).toBeVisible();
  await skipToMain(page);
  await tabTo(page, (e) => e.label === '来源');
  await chooseOption(page, '来源');
  await tabTo(page, (e) => e.label === '类别');
  await chooseOption(page, '类别');
  await tabTo(page, (e) => e.label === '收信日期');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2026-11-03');
  await tabTo(page, (e) => e.label === '标题');
  await expect(page.getByRole('textbox', { name: '收信日期' })).toHaveValue(/2026/);
  await page.keyboard.type('键盘登记的来信');
  await page.keyboard.press('Tab');
  await page.keyboard.type('全程使用键盘完成登记。');
  await page.keyboard.press('Tab');
  await page.keyboard.type('键盘用户');
  await tabTo(page, (e) => e.tag === 'BUTTON' && e.text === '登记');
  await page.keyboard.press('Enter');
  // Nothing refused (a refused field would be marked and the page would stay).
  await expect(page).toHaveURL(/\/letters\/[0-9a-f-]{36}$/, { timeout: 20_000 });
  await expect(page.getByRole('heading', { name: '键盘登记的来信' })).toBeVisible();
});

test('close a replied letter with the keyboard only', async ({ page }) => {
  await openAs(page, 'clerk');
  const replied = await apiInPage<{ items: { id: string; serialNo: string }[] }>(
    page,
    'GET',
    '/letters?status=replied&pageSize=1',
  );
  const letter = replied.body.items[0]!;
  await page.goto(`/letters/${letter.id}`);
  await expect(page.getByTestId('serial-no')).toHaveText(letter.serialNo);
  await skipToMain(page);
  await tabTo(page, (e) => e.tag === 'BUTTON' && e.text === '办结');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  // The follow-up (回访): its method, then reached, then the citizen's opinion.
  await tabTo(page, (e) => e.label === '回访方式');
  await chooseOption(page, '回访方式', 0);
  await tabTo(page, (e) => e.label === '已联系上');
  await page.keyboard.press('Space');
  await tabTo(page, (e) => e.label === '满意');
  await page.keyboard.press('Space');
  await tabTo(page, (e) => e.tag === 'BUTTON' && e.text === '办结');
  await page.keyboard.press('Enter');
  await expect(page.getByText('办结成功')).toBeVisible();
  await expect(page.getByText(/已办结/).first()).toBeVisible();
});
