// Screenshots of every page in both locales, for people to look at (not a test).
// Usage: node tests/e2e/screens.mjs [baseURL] [outDir]
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';

const base = process.argv[2] ?? 'http://127.0.0.1:4173';
const out = process.argv[3] ?? 'screenshots-tmp';
mkdirSync(out, { recursive: true });
const pages = (
  process.env.PAGES ??
  '/dashboard,/letters,/letters/new,/applications,/catalogue,/assistance,/reports/annual/2017,/settings'
).split(',');
const users = (process.env.USERS ?? 'clerk').split(',');
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
for (const user of users) {
  for (const locale of ['zh-CN', 'en-US']) {
    const ctx = await browser.newContext({
      viewport: { width: Number(process.env.WIDTH ?? 1440), height: 900 },
      locale,
      timezoneId: 'Asia/Shanghai',
    });
    const page = await ctx.newPage();
    page.on(
      'console',
      (m) => m.type() === 'error' && console.log(`[console] ${user} ${locale}: ${m.text()}`),
    );
    page.on('pageerror', (e) => console.log(`[pageerror] ${e}`));
    await page.goto(`${base}/login`);
    await page.evaluate((l) => localStorage.setItem('gkwb.locale', l), locale);
    await page.reload();
    await page.locator('input[autocomplete=username]').waitFor();
    if (process.env.SHOT_LOGIN) await page.screenshot({ path: `${out}/login-${locale}.png` });
    await page.locator('input[autocomplete=username]').fill(user);
    await page.locator('input[autocomplete=current-password]').fill('demo123');
    await page.locator('button[type=submit]').click();
    await page.getByTestId('user-menu').waitFor();
    for (const p of pages) {
      await page.goto(`${base}${p}`);
      // Not 'networkidle': the live-events stream stays open. Loading placeholders gone, then a beat.
      await page.locator('h1').first().waitFor({ timeout: 20_000 });
      await page
        .locator('[aria-busy=true]')
        .first()
        .waitFor({ state: 'detached', timeout: 20_000 })
        .catch(() => {});
      await page.waitForTimeout(800);
      const name = `${user}-${locale}-${p.replace(/\//g, '_').replace(/^_/, '') || 'root'}.png`;
      await page.screenshot({ path: `${out}/${name}`, fullPage: true });
      console.log(`${out}/${name}`);
    }
    await ctx.close();
  }
}
await browser.close();
