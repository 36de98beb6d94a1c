import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
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
    // 打印草稿: the sheet that alone prints (for the 审签) holds the draft as edited, unnumbered.
    await user.type(body, '{End}{Enter}请于期限内补正。');
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    await user.click(within(dialog).getByRole('button', { name: '打印草稿' }));
    expect(print).toHaveBeenCalledTimes(1);
    const sheet = document.querySelector<HTMLElement>('[data-document-print]')!;
    // In its own child of body, apart from the dialog's: the print stylesheet hides every other one.
    const own = [...document.body.children].find((c) => c.contains(sheet))!;
    expect(own.contains(dialog)).toBe(false);
    expect(within(sheet).getByRole('heading', { level: 1 })).toHaveTextContent(
      '政府信息公开申请补正告知书',
    );
    expect(sheet).toHaveTextContent('〔签发时编号〕王申请：');
    expect(within(sheet).getByRole('row', { name: '补正期限 2026年12月11日' })).toBeInTheDocument();
    const printed = [...sheet.querySelectorAll('p')].map((p) => p.textContent);
    expect(printed.at(-3)).toBe('请于期限内补正。');
    expect(printed.slice(-2)).toEqual(['长治市民政局', '2026年11月26日']);
    print.mockRestore();
    await user.click(within(dialog).getByRole('button', { name: '签发' }));
    expect(
      await screen.findByText('已签发补正告知书 长民公开〔2026〕1号，文书已保存为附件'),
    ).toBeInTheDocument();
  });
});

describe('the 「生成文书」 choices follow the application’s state', { timeout: 60_000 }, () => {
  it('offers the notices of the open steps, then only the 答复书 of the decision, with the remedies', async () => {
    const clerk = await as('clerk');
    const made = await clerk.post('/applications', {
      applicantType: 'natural_person',
      applicantName: '钱申请',
      contact: '13800000002',
      channel: 'online',
      receivedOn: '2026-11-20',
      description: '2025年临时救助资金使用情况',
    });
    const path = `/applications/${made.body.id}`;
    const act = async (action: string, body: object) => {
      const cur = await clerk.get(path);
      const r = await clerk.post(`${path}/${action}`, body, {
        'If-Match': cur.headers.get('etag')!,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    };
    await act('extend', {
      reason: '需要调取档案',
      approvedBy: '张主任',
      notifiedOn: '2026-11-25',
      approvedOn: '2026-11-25',
    });
    await act('fee-notice', { sentOn: '2026-11-25', method: 'per_page', count: 40 });
    await act('consult-third-party', {
      sentOn: '2026-11-26',
      party: 'third_party',
      name: '某公司',
    });
    const view = await renderWithProviders({ route: path, user: 'clerk' });
    await view.user.click(
      await screen.findByRole('button', { name: '生成文书' }, { timeout: 20_000 }),
    );
    let dialog = await screen.findByRole('dialog', { name: '生成文书' });
    // Neither the 补正告知书 (no correction asked) nor a 答复书 (not decided).
    expect(
      within(dialog)
        .getAllByRole('radio')
        .map((r) => (r as HTMLInputElement).value),
    ).toEqual(['extension', 'consultation', 'fee_notice']);
    for (const name of ['延期答复告知书', '征求第三方意见书', '收费通知书'])
      expect(within(dialog).getByRole('radio', { name })).toBeInTheDocument();
    expect(
      within(dialog).getByRole('heading', { name: '政府信息公开信息处理费收费通知书' }),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('row', { name: '应缴金额 100元' })).toBeInTheDocument();
    await view.user.click(within(dialog).getByRole('radio', { name: '征求第三方意见书' }));
    expect(
      within(dialog).getByRole('heading', { name: '政府信息公开征求第三方意见书' }),
    ).toBeInTheDocument();
    expect(within(dialog).getByText('某公司：')).toBeInTheDocument();
    view.unmount();

    await act('third-party-replied', {
      on: '2026-11-26',
      opinion: 'disagree',
      opinionText: '涉及商业秘密',
    });
    await act('decide', { outcome: '3.3.4', decidedOn: '2026-11-26' });
    const { user: again } = await renderWithProviders({ route: path, user: 'clerk' });
    await again.click(await screen.findByRole('button', { name: '生成文书' }, { timeout: 20_000 }));
    dialog = await screen.findByRole('dialog', { name: '生成文书' });
    expect(within(dialog).queryAllByRole('radio')).toEqual([]);
    expect(
      within(dialog).getByRole('heading', { name: '政府信息公开申请答复书' }),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByRole('row', { name: '依据 《中华人民共和国政府信息公开条例》第十五条' }),
    ).toBeInTheDocument();
    const body = within(dialog).getByRole('textbox', { name: /正文/ }) as HTMLTextAreaElement;
    expect(body.value).toContain(
      '如对本答复不服，可以自收到本答复书之日起六十日内向长治市人民政府申请行政复议，或者自收到本答复书之日起六个月内向有管辖权的人民法院提起行政诉讼。',
    );
  });
});
