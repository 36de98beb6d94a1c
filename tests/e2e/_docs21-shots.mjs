import { chromium } from '@playwright/test';
const base = 'http://127.0.0.1:4471';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const width of [1440, 390]) for (const locale of ['zh-CN', 'en-US']) {
  const ctx = await browser.newContext({ viewport: { width, height: 900 }, locale, timezoneId: 'Asia/Shanghai' });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.log(`[pageerror] ${e}`));
  await page.goto(`${base}/login`);
  await page.evaluate((l) => localStorage.setItem('gkwb.locale', l), locale);
  await page.reload();
  await page.locator('input[autocomplete=username]').fill('admin');
  await page.locator('input[autocomplete=current-password]').fill('demo123');
  await page.locator('button[type=submit]').click();
  await page.getByTestId('user-menu').waitFor();
  await page.goto(`${base}/settings?tab=document-numbering`);
  await page.getByTestId('next-transfer').waitFor();
  await page.screenshot({ path: `/tmp/docs21-shots/settings-${locale}-${width}.png`, fullPage: true });
  await page.goto(`${base}/letters?status=replied`);
  await page.locator('tbody tr a, [data-testid=letter-card] a').first().click();
  await page.getByRole('button', { name: locale === 'zh-CN' ? '生成文书' : 'Generate document' }).click();
  await page.getByRole('dialog').waitFor();
  await page.waitForTimeout(600);
  await page.screenshot({ path: `/tmp/docs21-shots/dialog-${locale}-${width}.png`, fullPage: false });
  await ctx.close();
}
await browser.close();
