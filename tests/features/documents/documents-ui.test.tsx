import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { LetterRecord } from '@/features/letters/types';
import { db } from '@mocks/db';
import { as } from '../../api';
import { renderWithProviders } from '../../utils';
import { seedOn } from '../../seed-day';

seedOn('2026-11-26');

describe('documents from the record', { timeout: 60_000 }, () => {
  it('系统设置 → 文号: the next number follows the prefix as typed; a bad prefix is refused next to its field', async () => {
    const { user } = await renderWithProviders({
      route: '/settings?tab=document-numbering',
      user: 'admin',
    });
    const field = await screen.findByRole(
      'textbox',
      { name: '来信转办单机关代字' },
      { timeout: 20_000 },
    );
    await waitFor(() =>
      expect(screen.getByTestId('next-transfer')).toHaveTextContent(
        '下一个文号：长民信转〔2026〕1号',
      ),
    );
    await user.clear(field);
    await user.type(field, '长民办');
    expect(screen.getByTestId('next-transfer')).toHaveTextContent('下一个文号：长民办〔2026〕1号');
    await user.type(field, '〔');
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(
      await screen.findByText('机关代字为1至20个汉字、字母或数字，不含括号、空格'),
    ).toBeInTheDocument();
    await user.clear(field);
    await user.type(field, '长民办');
    await user.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(async () =>
      expect((await (await as('admin')).get('/settings/document-numbering')).body.transfer).toEqual(
        {
          prefix: '长民办',
        },
      ),
    );
  });

  it('a leader sees no 「生成文书」; a section officer may issue only the 答复函, once the letter is answered', async () => {
    const own = db.letters
      .all()
      .find((l: LetterRecord) => l.status === 'assigned' && l.sectionId === 'social_assistance')!;
    const view = await renderWithProviders({ route: `/letters/${own.id}`, user: 'leader' });
    expect(
      await screen.findByRole('heading', { name: '附件' }, { timeout: 20_000 }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '生成文书' })).toBeNull();
    view.unmount();
    await renderWithProviders({ route: `/letters/${own.id}`, user: 'handler' });
    const card = (
      await screen.findByRole('heading', { name: '文书' }, { timeout: 20_000 })
    ).closest('section')!;
    expect(
      within(card as HTMLElement).getByText(
        '本件暂无可生成的文书（转办后可生成转办单，答复后可生成答复函）。',
      ),
    ).toBeInTheDocument();
    expect(within(card as HTMLElement).queryByRole('button', { name: '生成文书' })).toBeNull();
  });
});

describe('an application’s 告知书 in the UI', { timeout: 60_000 }, () => {
  it('offers the 补正告知书 while the correction is awaited, drafted from the record, and issues it', async () => {
    const clerk = await as('clerk');
    const made = await clerk.post('/applications', {
      applicantType: 'natural_person',
      applicantName: '王申请',
      contact: '13800000000',
      channel: 'online',
      receivedOn: '2026-11-26',
      description: '2025年低保资金发放明细',
    });
    const path = `/applications/${made.body.id}`;
    const etag = made.headers.get('etag')!;
    const asked = await clerk.post(
      `${path}/request-correction`,
      { note: '请明确年份', requestedOn: '2026-11-26', correctionDueOn: '2026-12-11' },
      { 'If-Match': etag },
    );
    expect(asked.status).toBe(200);
    const { user } = await renderWithProviders({ route: path, user: 'clerk' });
    await user.click(await screen.findByRole('button', { name: '生成文书' }, { timeout: 20_000 }));
    const dialog = await screen.findByRole('dialog', { name: '生成文书' });
    expect(
      within(dialog).getByRole('heading', { name: '政府信息公开申请补正告知书' }),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByRole('row', { name: '补正期限 2026年12月11日' }),
    ).toBeInTheDocument();
    const body = within(dialog).getByRole('textbox', { name: /正文/ });
    expect((body as HTMLTextAreaElement).value).toContain('请您于2026年12月11日前对申请作出补正');
    await user.click(within(dialog).getByRole('button', { name: '签发' }));
    expect(
      await screen.findByText('已签发补正告知书 长民公开〔2026〕1号，文书已保存为附件'),
    ).toBeInTheDocument();
  });
});
