import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { PDF, PNG } from '../attachment-files';
import { apiInPage, expect, openAs, test, wcagViolations } from './fixtures';

test('attachments on a letter: upload a PDF and a PNG, preview the image, download the PDF, remove it', async ({
  page,
}) => {
  await openAs(page, 'clerk');
  const letters = await apiInPage<{ items: { id: string }[] }>(
    page,
    'GET',
    '/letters?status=assigned&pageSize=1',
  );
  await page.goto(`/letters/${letters.body.items[0]!.id}`);
  const panel = page.locator('section', { has: page.getByRole('heading', { name: '附件' }) });
  await expect(panel.getByText('暂无附件')).toBeVisible();

  // Two files at once, through the picker.
  await panel.locator('input[type=file]').setInputFiles([
    { name: '答复函.pdf', mimeType: 'application/pdf', buffer: Buffer.from(PDF) },
    { name: '现场照片.png', mimeType: 'image/png', buffer: Buffer.from(PNG) },
  ]);
  const rows = panel.getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText('答复函.pdf');
  await expect(rows.nth(2)).toContainText('现场照片.png');
  await expect(rows.nth(2)).toContainText('PNG 图片');
  expect(await wcagViolations(page, 'section:has(h3)')).toEqual([]);

  // The image, shown from the bytes fetched with the session (CSP: blob: images).
  await panel.getByRole('button', { name: '预览 现场照片.png' }).click();
  const dialog = page.getByRole('dialog', { name: '预览：现场照片.png' });
  const img = dialog.getByRole('img', { name: '现场照片.png' });
  await expect(img).toBeVisible();
  expect(
    await img.evaluate((el: HTMLImageElement) => [el.naturalWidth, el.src.slice(0, 5)]),
  ).toEqual([1, 'blob:']);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // The PDF, downloaded under its name with its bytes.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: '下载 答复函.pdf' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('答复函.pdf');
  expect([...readFileSync((await download.path())!)]).toEqual([...PDF]);

  // Removed by the clerk, after confirming; the history keeps it.
  await panel.getByRole('button', { name: '删除 答复函.pdf' }).click();
  const confirm = page.getByRole('dialog', { name: '删除附件' });
  await confirm.getByRole('button', { name: '删除' }).click();
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('现场照片.png');
  await expect(page.getByText('删除附件「答复函.pdf」', { exact: true })).toBeVisible();
});

test('a letter’s 转办单: drafted from the record, edited, issued with its 文号, stored as an attachment and in the history', async ({
  page,
}) => {
  await openAs(page, 'clerk');
  const letters = await apiInPage<{ items: { id: string; serialNo: string }[] }>(
    page,
    'GET',
    '/letters?status=assigned&pageSize=1',
  );
  const next = await apiInPage<{ year: number }>(page, 'GET', '/documents/next-numbers');
  const docNo = `长民信转〔${next.body.year}〕1号`;
  const letter = letters.body.items[0]!;
  await page.goto(`/letters/${letter.id}`);
  await page.getByRole('button', { name: '生成文书' }).click();
  const dialog = page.getByRole('dialog', { name: '生成文书' });
  await expect(dialog.getByTestId('doc-no')).toHaveText(`签发时编号（下一个：${docNo}）`);
  await expect(dialog.getByRole('row', { name: `来信编号 ${letter.serialNo}` })).toBeVisible();
  const body = dialog.getByRole('textbox', { name: /正文/ });
  await expect(body).toHaveValue(/^现将.+来信（/);
  await body.fill('请核实来信反映的问题。\n请于期限内办结。');
  expect(await wcagViolations(page, '[role=dialog]')).toEqual([]);
  // 打印草稿 for the 审签: on paper only the draft, as edited, on one A4 page (the app and the
  // dialog are not printed).
  await page.emulateMedia({ media: 'print' });
  const sheet = page.locator('[data-document-print]');
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('请核实来信反映的问题。');
  await expect(sheet).toContainText(letter.serialNo);
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('banner')).toBeHidden();
  const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
  expect(pdf.match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
  await page.emulateMedia({ media: 'screen' });
  await dialog.getByRole('button', { name: '签发' }).click();
  await expect(page.getByText(`已签发转办单 ${docNo}，文书已保存为附件`)).toBeVisible();

  const name = `来信转办单_${docNo}.docx`;
  const panel = page.locator('section', { has: page.getByRole('heading', { name: '附件' }) });
  await expect(panel.getByRole('row', { name: new RegExp(name) })).toBeVisible();
  await expect(page.getByText(`签发转办单 ${docNo}`, { exact: true })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: `下载 ${name}` }).click(),
  ]);
  const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
  const xml = await zip.file('word/document.xml')!.async('string');
  expect(xml).toContain(docNo);
  expect(xml).toContain('请核实来信反映的问题。');
  expect(xml).toContain(letter.serialNo);
});
