import type { Page } from '@playwright/test';
import { expect, openAs, test, wcagViolations } from './fixtures';

/**
 * Dialogs are where a page's scan does not reach (they exist only while open), and dark mode
 * changes every contrast: all WCAG 2.x A/AA rules of axe on the working dialogs, in both schemes.
 */
async function openFirst(page: Page, list: string, row: string) {
  await page.goto(list);
  await page.getByTestId(row).first().getByRole('link').first().click();
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the working dialogs pass axe (${scheme})`, async ({ page }) => {
    // Dark: switched on the home page, which is scanned too; light: straight to the first list.
    const firstList = '/letters?status=registered';
    await openAs(page, 'clerk', scheme === 'dark' ? '/' : firstList);
    if (scheme === 'dark') {
      await page.getByRole('button', { name: '切换明暗主题' }).click();
      await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
      expect(await wcagViolations(page), 'dashboard').toEqual([]);
      await page.goto(firstList);
    }
    const scan = async (name: string, open: () => Promise<void>) => {
      await open();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toBeVisible();
      expect(await wcagViolations(page, '[role=dialog]'), name).toEqual([]);
      await page.keyboard.press('Escape');
      await expect(dialog).toHaveCount(0);
    };

    // A registered letter: transfer (转办).
    await page.getByTestId('letter-row').first().getByRole('link').first().click();
    await scan('letter: assign', () =>
      page.getByRole('button', { name: '转办', exact: true }).click(),
    );

    // An open application: the fee notice (its quote table) and the decision.
    await openFirst(page, '/applications?status=in_progress', 'application-row');
    await scan('application: fee notice', () =>
      page.getByRole('button', { name: '收费通知', exact: true }).click(),
    );
    await scan('application: decide', () =>
      page.getByRole('button', { name: '作出答复', exact: true }).click(),
    );

    // Publishing this month's assistance figures (a month in progress: the warning, the totals).
    const month = new Date().toISOString().slice(0, 7);
    await page.goto(`/assistance?period=${month}&program=urban_dibao`);
    await scan('assistance: publish', async () => {
      await page.getByRole('button', { name: '公开本月数据' }).click();
      await expect(page.getByRole('dialog').getByRole('table')).toBeVisible();
    });

    // 修改密码 from the user menu.
    await scan('change password', async () => {
      await page.getByTestId('user-menu').click();
      await page.getByRole('menuitem', { name: '修改密码' }).click();
    });
  });
}
