import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { notifications } from '@mantine/notifications';
import { File as NodeFile } from 'node:buffer';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Attachment } from '@/features/attachments/types';
import type { Letter } from '@/features/letters/types';
import { as, call } from '../../api';
import { PDF, PNG } from '../../attachment-files';
import { renderWithProviders } from '../../utils';
import { seedOn } from '../../seed-day';

seedOn('2026-11-26');

/**
 * jsdom's File and FormData cannot be read by Node's fetch (which the mock's XHR interception
 * hands the body to): the upload's files and form are Node's here, as a browser's are its own.
 */
const File = NodeFile as unknown as typeof globalThis.File;
/** Node's own FormData (jsdom's replaces the global; fetch's Response still makes Node's). */
const NodeFormData = (
  await new Response('', {
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  }).formData()
).constructor;
let made: Blob[] = [];
beforeEach(() => {
  notifications.clean();
  vi.stubGlobal('FormData', NodeFormData);
  made = [];
  Object.assign(URL, {
    createObjectURL: (b: Blob) => {
      made.push(b);
      return `blob:test/${made.length}`;
    },
    revokeObjectURL: () => undefined,
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

/** An assigned letter of the handler's section (社会救助科). */
async function sectionLetter() {
  const clerk = await as('clerk');
  const items = (
    await clerk.get<{ items: Letter[] }>(
      '/letters?status=assigned&sectionId=social_assistance&pageSize=5',
    )
  ).body.items;
  return items[0]!;
}
async function attach(letter: Letter, name: string, data: Uint8Array) {
  const clerk = await as('clerk');
  const form = new FormData();
  form.append('file', new File([data as Uint8Array<ArrayBuffer>], name));
  const r = await call<Attachment>('POST', `/letters/${letter.id}/attachments`, {
    token: clerk.token,
    form,
  });
  expect(r.status).toBe(201);
  return r.body;
}
const panel = async () =>
  (await screen.findByRole('heading', { name: '附件' })).closest('section')!;

describe('attachments panel on a letter', () => {
  it('files dropped on the upload area are uploaded like picked ones', async () => {
    const letter = await sectionLetter();
    await renderWithProviders({ route: `/letters/${letter.id}`, user: 'handler' });
    const el = await panel();
    expect(await within(el).findByText('暂无附件')).toBeInTheDocument();
    const area = within(el).getByTestId('attachment-drop');
    const files = [
      new File([PDF], '来信扫描件.pdf', { type: 'application/pdf' }),
      new File([PNG], '信封.png', { type: 'image/png' }),
    ];
    fireEvent.dragOver(area, { dataTransfer: { files, types: ['Files'] } });
    fireEvent.drop(area, { dataTransfer: { files, types: ['Files'] } });
    await waitFor(() => expect(within(el).getAllByRole('row')).toHaveLength(3));
    expect(
      within(el)
        .getAllByRole('row')
        .slice(1)
        .map((r) => within(r).getAllByRole('cell')[0]!.textContent),
    ).toEqual(['来信扫描件.pdf', '信封.png']);
    expect(within(el).getByText('已上传「来信扫描件.pdf」')).toBeInTheDocument();
  });

  it('the section officer uploads several files with progress; a refused one says why, by name', async () => {
    const letter = await sectionLetter();
    const { user } = await renderWithProviders({ route: `/letters/${letter.id}`, user: 'handler' });
    const el = await panel();
    expect(await within(el).findByText('暂无附件')).toBeInTheDocument();
    const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
    expect(input.multiple).toBe(true);
    await user.upload(input, [
      new File([PDF], '答复函.pdf', { type: 'application/pdf' }),
      new File([PNG], '现场照片.png', { type: 'image/png' }),
      // A PNG named .pdf: the backend reads its content and refuses it.
      new File([PNG], '伪装.pdf', { type: 'application/pdf' }),
      // Never sent: too large for the limit.
      new File([new Uint8Array(20 * 1024 * 1024 + 1)], '太大.pdf'),
    ]);
    expect(
      await within(el).findByText('「太大.pdf」上传失败：「太大.pdf」超过 20 MB 的大小限制'),
    ).toBeInTheDocument();
    expect(
      await within(el).findByText(
        '「伪装.pdf」上传失败：「伪装.pdf」的内容是PNG 图片，与扩展名 .pdf 不符',
      ),
    ).toBeInTheDocument();
    await waitFor(() => expect(within(el).getAllByRole('row')).toHaveLength(3));
    const rows = within(el).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual([
      '答复函.pdf',
      '现场照片.png',
    ]);
    expect(within(rows[0]!).getByText('PDF 文件')).toBeInTheDocument();
    expect(within(el).getByText('已上传「答复函.pdf」')).toBeInTheDocument();
    // A section officer does not remove.
    expect(within(el).queryByRole('button', { name: /^删除/ })).toBeNull();
    // The letter's history names the files.
    expect(await screen.findByText(/添加附件「答复函.pdf」/)).toBeInTheDocument();
  });

  it('a leader reads only; the clerk removes after confirming, and the list follows', async () => {
    const letter = await sectionLetter();
    await attach(letter, '扫描件.pdf', PDF);
    const view = await renderWithProviders({ route: `/letters/${letter.id}`, user: 'leader' });
    let el = await panel();
    expect(await within(el).findByText('扫描件.pdf')).toBeInTheDocument();
    expect(within(el).getByText('您只能查看附件')).toBeInTheDocument();
    expect(document.querySelector('input[type=file]')).toBeNull();
    expect(within(el).queryByRole('button', { name: '删除 扫描件.pdf' })).toBeNull();
    view.unmount();

    const { user } = await renderWithProviders({ route: `/letters/${letter.id}`, user: 'clerk' });
    el = await panel();
    await user.click(await within(el).findByRole('button', { name: '删除 扫描件.pdf' }));
    const dialog = await screen.findByRole('dialog', { name: '删除附件' });
    expect(dialog).toHaveTextContent('删除附件「扫描件.pdf」？删除记录将保留在办理记录中。');
    await user.click(within(dialog).getByRole('button', { name: '删除' }));
    expect(await within(el).findByText('暂无附件')).toBeInTheDocument();
    expect(await screen.findByText('已删除附件「扫描件.pdf」')).toBeInTheDocument();
  });

  it('previews an image from the bytes fetched with the session', async () => {
    const letter = await sectionLetter();
    await attach(letter, '现场照片.png', PNG);
    const { user } = await renderWithProviders({ route: `/letters/${letter.id}`, user: 'clerk' });
    const el = await panel();
    await user.click(await within(el).findByRole('button', { name: '预览 现场照片.png' }));
    const dialog = await screen.findByRole('dialog', { name: '预览：现场照片.png' });
    const img = await within(dialog).findByRole('img', { name: '现场照片.png' });
    expect(img.getAttribute('src')).toBe('blob:test/1');
    // The bytes shown are the file's, as the backend sent them for a preview.
    expect(new Uint8Array(await made[0]!.arrayBuffer())).toEqual(PNG);
  });
});
