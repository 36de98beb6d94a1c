import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { captureRequests, pickOption } from '../../resilience/helpers';
import { renderWithProviders } from '../../utils';
import { seedOn } from '../../seed-day';

// 2026-09-01 + 20 working days (国庆 in between) is long past on this day.
seedOn('2026-11-26');

type View = Awaited<ReturnType<typeof renderWithProviders>>;

async function openNew(locale: 'zh-CN' | 'en-US' = 'zh-CN') {
  const view = await renderWithProviders({ route: '/catalogue/new', user: 'clerk', locale });
  await screen.findByRole(
    'textbox',
    { name: locale === 'zh-CN' ? '名称' : 'Title' },
    {
      timeout: 20_000,
    },
  );
  return view;
}

/**
 * Replaces the date in the field `label` and leaves it: in one go (a paste), or typed a key at a
 * time (each key renders the whole form again, so one test types and the others paste).
 */
async function typeDate({ user }: View, label: string, date: string, typed = false) {
  const field = screen.getByRole('textbox', { name: label });
  await user.clear(field);
  if (typed) await user.type(field, date);
  else await user.paste(date);
  await user.tab();
}

async function fill(view: View, formedOn: string, publishedOn?: string) {
  const { user } = view;
  await user.click(screen.getByRole('textbox', { name: '名称' }));
  await user.paste('2026年第三季度低保资金发放情况');
  await pickOption(user, '分类', '社会救助');
  await pickOption(user, '文件类型', '其他');
  await typeDate(view, '生成日期', formedOn);
  if (publishedOn) await typeDate(view, '发布日期', publishedOn);
}

describe('catalogue entry form', { timeout: 60_000 }, () => {
  it('has no preset document type (规章 last), and asks for one', async () => {
    const { user } = await openNew();
    const docType = screen.getByRole('combobox', { name: '文件类型' });
    expect(docType).toHaveValue('');
    await user.click(docType);
    const listbox = await screen.findByRole('listbox', { name: '文件类型', hidden: true });
    expect(
      within(listbox)
        .getAllByRole('option', { hidden: true })
        .map((o) => o.textContent),
    ).toEqual(['行政规范性文件', '其他', '规章']);
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(docType).toHaveAttribute('aria-invalid', 'true'));
    expect(docType).toHaveAccessibleDescription(/必填/);
  });

  it('warns before saving an entry published late; going back sends nothing, saving anyway creates it', async () => {
    const view = await openNew();
    const posts = captureRequests('POST', '/catalogue');
    await fill(view, '2026-09-01', '2026-11-20');
    await view.user.click(screen.getByRole('button', { name: '保存' }));
    const dialog = await screen.findByRole('dialog', { name: '该条目已超过公开时限' });
    expect(dialog).toHaveTextContent(
      '生成日期 2026年9月1日 起20个工作日的公开期限为 2026年9月29日，发布日期 2026年11月20日 已超期',
    );
    await view.user.click(within(dialog).getByRole('button', { name: '返回修改' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(posts).toHaveLength(0);

    await view.user.click(screen.getByRole('button', { name: '保存' }));
    const again = await screen.findByRole('dialog', { name: '该条目已超过公开时限' });
    await view.user.click(within(again).getByRole('button', { name: '仍然保存' }));
    await waitFor(() =>
      expect(view.router.state.location.pathname).toMatch(/^\/catalogue\/[^/]+$/),
    );
    expect(posts).toHaveLength(1);
  });

  it('warns about an unpublished entry whose limit has passed, not about a timely one', async () => {
    const view = await openNew();
    await fill(view, '2026-09-01');
    await view.user.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByRole('dialog', { name: '该条目已超过公开时限' })).toHaveTextContent(
      '公开期限 2026年9月29日 已过，尚未发布',
    );
    await view.user.click(screen.getByRole('button', { name: '返回修改' }));
    await typeDate(view, '生成日期', '2026-11-20', true);
    await view.user.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() =>
      expect(view.router.state.location.pathname).toMatch(/^\/catalogue\/[^/]+$/),
    );
    expect(screen.queryByRole('dialog', { name: '该条目已超过公开时限' })).toBeNull();
  });

  it('speaks English', async () => {
    const view = await openNew('en-US');
    expect(screen.getByRole('combobox', { name: 'Document type' })).toHaveAttribute(
      'placeholder',
      'Choose the document type',
    );
    await view.user.click(screen.getByRole('textbox', { name: 'Title' }));
    await view.user.paste('Late entry');
    await pickOption(view.user, 'Category', 'Social assistance');
    await pickOption(view.user, 'Document type', 'Other');
    await typeDate(view, 'Formed on', '2026-09-01');
    await view.user.click(screen.getByRole('button', { name: 'Save' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'This entry is already past the publication limit',
    });
    expect(within(dialog).getByRole('button', { name: 'Save anyway' })).toBeInTheDocument();
  });
});
