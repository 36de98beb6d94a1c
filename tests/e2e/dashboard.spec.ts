import { expect, openAs, test } from './fixtures';

const thisYear = Number(
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(
    new Date(),
  ),
);

test('each card leads to the list behind it, with the same count', async ({ page }) => {
  await openAs(page, 'leader', '/dashboard');
  const letters = page.getByRole('region', { name: '来信办理' });
  const overdue = letters.getByRole('link', { name: /^在办超期/ });
  const n = (await overdue.getByTestId('kpi-value').textContent())!.trim();
  await overdue.click();
  await expect(page).toHaveURL(/\/letters\?alert=overdue/);
  await expect(page.getByText(`共 ${n} 条`)).toBeVisible();
  await expect(page.getByTestId('origin-note')).toHaveText(/^来自工作台：在办超期/);

  await page.goBack();
  const late = page.getByRole('region', { name: '政府信息公开目录' }).getByRole('link', {
    name: /^逾期公开/,
  });
  await late.click();
  await expect(page).toHaveURL(
    `/catalogue?timely=false&year=${thisYear}&from=dashboard:catalogue.late`,
  );
  await expect(page.getByTestId('origin-note')).toHaveText(/^来自工作台：逾期公开/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('a past year, and the same page in English', async ({ page }) => {
  await openAs(page, 'clerk', '/dashboard?year=2017');
  const received = page.getByRole('link', { name: /^收到来信/ });
  await expect(received.getByTestId('kpi-value')).toHaveText('17');
  await expect(page.getByTestId('dashboard-as-of')).toContainText('2017年12月31日');
  await page.evaluate(() => localStorage.setItem('gkwb.locale', 'en-US'));
  await page.reload();
  await expect(page.getByRole('link', { name: /^Letters received/ })).toBeVisible();
  await expect(page.getByText('Too few cases: 0; a rate needs at least 5').first()).toBeVisible();
});

test('prints the overview on one A4 landscape page, and the per-section table on a second', async ({
  page,
}) => {
  // A wide office screen: its charts are drawn wider than the printed page's columns.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openAs(page, 'leader', '/dashboard');
  await expect(page.getByRole('table', { name: /来信数量/ })).toBeAttached();
  await expect(page.locator('.recharts-surface').first()).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeHidden();
  await expect(page.getByRole('button', { name: '打印' })).toBeHidden();
  const pdf = await page.pdf({ format: 'A4', landscape: true, preferCSSPageSize: true });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages).toHaveLength(2);
  // Printing lays the page out at the paper's width at once, before a chart could measure again:
  // narrowed to A4 landscape in one go, each chart keeps its twelve months inside its card.
  const lastMonths = await page.evaluate(() => {
    document.body.style.width = '1062px';
    return [...document.querySelectorAll('.recharts-surface')].map((svg) => {
      const card = svg.closest('section')!.getBoundingClientRect();
      const ticks = [...svg.querySelectorAll('.recharts-cartesian-axis-tick-value')].filter((t) =>
        /月$/.test(t.textContent ?? ''),
      );
      const last = ticks.at(-1)!;
      return [ticks.length, last.textContent, last.getBoundingClientRect().right <= card.right];
    });
  });
  await page.evaluate(() => (document.body.style.width = ''));
  expect(lastMonths).toEqual([
    [12, '12月', true],
    [12, '12月', true],
  ]);
  // The table comes after the charts, on a page of its own.
  const table = page.getByTestId('section-table');
  const chart = page.locator('.recharts-surface').first();
  expect((await table.boundingBox())!.y).toBeGreaterThan((await chart.boundingBox())!.y);
});
