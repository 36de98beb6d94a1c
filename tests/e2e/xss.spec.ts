import { readFileSync } from 'node:fs';
import { apiInPage, expect, openAs, test } from './fixtures';

/** Payloads saved in every text field and rendered in every view: nothing may execute. */
const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=1</script>',
  '"><svg onload=window.__xss=1>',
  'javascript:window.__xss=1',
  '<a href="javascript:window.__xss=1">点我</a>',
  "{{constructor.constructor('window.__xss=1')()}}",
  '=HYPERLINK("http://evil.example","点我")',
];
const P = PAYLOADS.join(' ');

test('XSS payloads in letters, applications, catalogue and the report render as text and stay inert in exports', async ({
  page,
}) => {
  page.on('dialog', (d) => {
    throw new Error(`dialog opened: ${d.message()}`);
  });
  await openAs(page, 'clerk');
  const letter = await apiInPage<{ id: string; version: number }>(page, 'POST', '/letters', {
    source: 'website',
    category: 'complaint',
    subject: `XSS ${PAYLOADS[0]}`.slice(0, 200),
    content: P,
    citizenName: '<b>x</b>',
    citizenPhone: '13800000000',
    receivedOn: '2026-11-02',
  });
  expect(letter.status).toBe(201);
  const app = await apiInPage<{ id: string }>(page, 'POST', '/applications', {
    applicantType: 'natural_person',
    applicantName: PAYLOADS[2],
    contact: PAYLOADS[1]!.slice(0, 100),
    channel: 'online',
    receivedOn: '2026-11-02',
    description: P,
  });
  expect(app.status).toBe(201);
  const entry = await apiInPage<{ id: string }>(page, 'POST', '/catalogue', {
    title: 'XSS <img src=x onerror=window.__xss=1>',
    category: 'news',
    docType: 'other',
    publisher: '长治市民政局',
    formedOn: '2026-11-02',
    attribute: 'proactive',
    channels: ['website'],
    summary: P.replace(/^=/, ''),
    keywords: ['<svg onload=x>'],
  });
  expect(entry.status).toBe(201);
  const year = new Date().getFullYear();
  const report = await apiInPage<{ narrative: { version: number } }>(
    page,
    'GET',
    `/reports/annual/${year}`,
  );
  const narrative = await apiInPage(
    page,
    'PUT',
    `/reports/annual/${year}/narrative`,
    { overview: P, problems: P, other: P },
    { 'If-Match': `"${report.body.narrative.version}"` },
  );
  expect(narrative.status).toBe(200);

  const views = [
    `/letters?q=XSS`,
    `/letters/${letter.body.id}`,
    `/applications`,
    `/applications/${app.body.id}`,
    `/catalogue?q=XSS`,
    `/catalogue/${entry.body.id}`,
    `/reports/annual/${year}`,
  ];
  for (const v of views) {
    await page.goto(v);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForTimeout(300);
    expect(
      await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
    ).toBeUndefined();
    expect(await page.locator('main img[src="x"], main svg[onload], main script').count()).toBe(0);
  }
  // The payload is shown as text.
  await page.goto(`/letters/${letter.body.id}`);
  await expect(
    page.getByText('<script>window.__xss=1</script>', { exact: false }).first(),
  ).toBeVisible();

  // Print view of the report renders the same text.
  await page.goto(`/reports/annual/${year}`);
  await page.emulateMedia({ media: 'print' });
  expect(
    await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
  ).toBeUndefined();
  await page.emulateMedia({ media: 'screen' });

  // CSV export: the formula payload comes out neutralised; the phone masked.
  await page.goto('/letters?q=XSS');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出 CSV' }).click(),
  ]);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv).toContain('138****0000');
  expect(csv).not.toContain('13800000000');
  for (const cell of csv.split(/,|\r\n/)) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+@]/);
});

test('the production build runs under a Content-Security-Policy that blocks inline scripts', async ({
  page,
  allowConsole,
}) => {
  allowConsole(/Content Security Policy|Refused to execute inline script/);
  await page.goto('/login');
  const csp = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("object-src 'none'");
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.body.appendChild(s);
  });
  expect(
    await page.evaluate(() => (window as unknown as { __inline?: number }).__inline),
  ).toBeUndefined();
});
