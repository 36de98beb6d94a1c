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
