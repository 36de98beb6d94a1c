import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '@mocks/db';
import { as } from '../api';
import {
  captureRequests,
  countRecords,
  expectLoading,
  expectSameKey,
  faultInjector,
  findAlertWith,
  pickOption,
  renderApp,
  SERVER_503,
  type UserEv,
} from './helpers';
import { seedOn } from '../seed-day';

// The records below carry fixed dates of autumn 2026: run on a day after them.
seedOn('2026-11-26');

const SAVE_RETRY_HINT = '保存失败，您填写的内容已保留，可直接重试（不会重复登记）。';
const ENTRY_PATH = /^\/catalogue\/[0-9a-f-]{36}$/;
const total = (q?: string) => countRecords('catalogue', q);

/** The empty form for a new entry, as the clerk. */
async function openNewEntry() {
  const view = await renderApp({ route: '/catalogue/new', user: 'clerk' });
  await screen.findByRole('textbox', { name: '名称' });
  return view;
}

/** Types into a field in one go (a paste), which keeps long Chinese text fast in jsdom. */
async function enter(user: UserEv, el: HTMLElement, text: string) {
  await user.click(el);
  await user.paste(text);
}

const TITLE = '故障注入下新增的目录信息';
const SUMMARY = '服务器出错时不应丢失输入的内容概述。';
const DOC_NO = '长民发〔2026〕88号';

async function fillEntry(user: UserEv) {
  await enter(user, screen.getByRole('textbox', { name: '名称' }), TITLE);
  await pickOption(user, '分类', '社会救助');
  await pickOption(user, '文件类型', '行政规范性文件');
  await enter(user, screen.getByRole('textbox', { name: '文号' }), DOC_NO);
  await user.type(screen.getByRole('combobox', { name: '关键词' }), '救助{Enter}冬季{Enter}');
  await user.click(screen.getByRole('checkbox', { name: '政务微信' }));
  await enter(user, screen.getByRole('textbox', { name: '内容概述' }), SUMMARY);
}

function expectEntryKept() {
  expect(screen.getByRole('textbox', { name: '名称' })).toHaveValue(TITLE);
  expect(screen.getByRole('combobox', { name: '分类' })).toHaveValue('社会救助');
  expect(screen.getByRole('combobox', { name: '文件类型' })).toHaveValue('行政规范性文件');
  expect(screen.getByRole('textbox', { name: '文号' })).toHaveValue(DOC_NO);
  const keywords = screen
    .getByRole('combobox', { name: '关键词' })
    .closest<HTMLElement>('.mantine-TagsInput-root')!;
  expect(keywords).toHaveTextContent('救助');
  expect(keywords).toHaveTextContent('冬季');
  expect(screen.getByRole('checkbox', { name: '政府网站' })).toBeChecked();
  expect(screen.getByRole('checkbox', { name: '政务微信' })).toBeChecked();
  expect(screen.getByRole('textbox', { name: '内容概述' })).toHaveValue(SUMMARY);
}

/** A current, not withdrawn entry and its version. */
function someEntry() {
  const e = db.catalogue
    .all()
    .filter((x) => !x.withdrawn)
    .sort((a, b) => a.indexNo.localeCompare(b.indexNo))[0]!;
  return { id: e.id, version: e.version, title: e.title, indexNo: e.indexNo };
}

describe('catalogue entry form under faults', () => {
  it('create under 503: says so, keeps every field, and a retry creates one entry with the same Idempotency-Key', async () => {
    const faults = await faultInjector();
    const { user, router } = await openNewEntry();
    await fillEntry(user);
    const before = await total();
    const stored = db.catalogue.all().length;
    const posts = captureRequests('POST', '/catalogue');

    await faults.fail(503);
    await user.click(screen.getByRole('button', { name: '保存' }));
    const alert = await findAlertWith(SERVER_503);
    expect(alert).toHaveTextContent(SAVE_RETRY_HINT);
    expect(posts).toHaveLength(1);
    expectEntryKept();
    expect(router.state.location.pathname).toBe('/catalogue/new');
    expect(db.catalogue.all()).toHaveLength(stored); // nothing written while it failed

    await faults.clear();
    await user.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(router.state.location.pathname).toMatch(ENTRY_PATH));
    expect(await screen.findByRole('heading', { name: TITLE })).toBeInTheDocument();
    expectSameKey(posts, 2);
    expect(await total()).toBe(before + 1);
    expect(await total(TITLE)).toBe(1);
    const created = db.catalogue.all().find((e) => e.title === TITLE)!;
    expect(created).toMatchObject({
      category: 'social_assistance',
      docType: 'normative',
      docNo: DOC_NO,
      keywords: ['救助', '冬季'],
      channels: ['website', 'wechat'],
      summary: SUMMARY,
    });
  });

  it('create: after a failed save the draft (with its key) survives a reload, and the retry still creates one', async () => {
    const faults = await faultInjector();
    const view = await openNewEntry();
    await fillEntry(view.user);
    const before = await total();
    const posts = captureRequests('POST', '/catalogue');
    await faults.fail(503);
    await view.user.click(screen.getByRole('button', { name: '保存' }));
    await findAlertWith(SERVER_503);
    view.unmount();
    await faults.clear();

    const { user, router } = await openNewEntry();
    expectEntryKept();
    await user.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(router.state.location.pathname).toMatch(ENTRY_PATH));
    expectSameKey(posts, 2);
    expect(await total()).toBe(before + 1);
  });

  it('create: discarding the failed draft starts a new entry with a new Idempotency-Key', async () => {
    const faults = await faultInjector();
    const { user } = await openNewEntry();
    await fillEntry(user);
    const posts = captureRequests('POST', '/catalogue');
    await faults.fail(503);
    await user.click(screen.getByRole('button', { name: '保存' }));
    await findAlertWith(SERVER_503);
    await faults.clear();

    await user.click(screen.getByRole('button', { name: '放弃草稿' }));
    expect(screen.getByRole('textbox', { name: '名称' })).toHaveValue('');
    expect(screen.queryByText(SERVER_503)).not.toBeInTheDocument();
    await enter(user, screen.getByRole('textbox', { name: '名称' }), '另一条目录信息');
    await pickOption(user, '分类', '社会救助');
    await pickOption(user, '文件类型', '其他');
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByRole('heading', { name: '另一条目录信息' })).toBeInTheDocument();
    expect(posts).toHaveLength(2);
    expect(posts[1]!.idempotencyKey).toMatch(/\S{8,}/);
    expect(posts[1]!.idempotencyKey).not.toBe(posts[0]!.idempotencyKey);
  });

  it('edit under 503: keeps the edits, and a retry saves once (version + 1)', async () => {
    const faults = await faultInjector();
    const e = someEntry();
    const { user, router } = await renderApp({ route: `/catalogue/${e.id}/edit`, user: 'clerk' });
    const title = await screen.findByRole('textbox', { name: '名称' });
    expect(title).toHaveValue(e.title);
    await user.clear(title);
    await enter(user, title, `${e.title}（修订）`);
    const summary = screen.getByRole('textbox', { name: '内容概述' });
    await user.clear(summary);
    await enter(user, summary, '修订后的内容概述');
    const patches = captureRequests('PATCH', `/catalogue/${e.id}`);

    await faults.fail(503);
    await user.click(screen.getByRole('button', { name: '保存' }));
    await findAlertWith(SERVER_503);
    expect(screen.getByRole('textbox', { name: '名称' })).toHaveValue(`${e.title}（修订）`);
    expect(screen.getByRole('textbox', { name: '内容概述' })).toHaveValue('修订后的内容概述');
    expect(db.catalogue.get(e.id)!.version).toBe(e.version);

    await faults.clear();
    await user.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/catalogue/${e.id}`));
    expect(await screen.findByRole('heading', { name: `${e.title}（修订）` })).toBeInTheDocument();
    expect(patches).toHaveLength(2);
    expect(patches.map((p) => p.ifMatch)).toEqual([`"${e.version}"`, `"${e.version}"`]);
    const saved = (await (await as('clerk')).get(`/catalogue/${e.id}`)).body;
    expect(saved).toMatchObject({
      version: e.version + 1,
      title: `${e.title}（修订）`,
      summary: '修订后的内容概述',
    });
  });

  it('a slow server: saving shows progress, the button is disabled, and a double click creates one entry', async () => {
    const faults = await faultInjector();
    const { user, router } = await openNewEntry();
    await enter(user, screen.getByRole('textbox', { name: '名称' }), TITLE);
    await pickOption(user, '分类', '社会救助');
    await pickOption(user, '文件类型', '其他');
    const before = await total();
    const posts = captureRequests('POST', '/catalogue');

    await faults.slow(800);
    const save = screen.getByRole('button', { name: '保存' });
    await user.dblClick(save);
    await waitFor(() => expectLoading(save));
    expect(router.state.location.pathname).toBe('/catalogue/new');
    await user.click(save); // a third, impatient click while it is still saving
    // The POST under way keeps its delay; the new entry's page need not wait too.
    await faults.clear();
    await waitFor(() => expect(router.state.location.pathname).toMatch(ENTRY_PATH));
    expect(posts).toHaveLength(1);
    expect(await total()).toBe(before + 1);
    expect(await total(TITLE)).toBe(1);
  });
});

describe('withdrawing a catalogue entry under faults', () => {
  it('keeps the dialog open with the message and the reason, and a retry withdraws once', async () => {
    const faults = await faultInjector();
    const e = someEntry();
    const { user } = await renderApp({ route: `/catalogue/${e.id}`, user: 'clerk' });
    await screen.findByRole('heading', { name: e.title });
    await user.click(screen.getByRole('button', { name: '撤回' }));
    const dialog = await screen.findByRole('dialog', { name: '撤回目录信息' });
    const reason = within(dialog).getByRole('textbox', { name: /撤回理由/ });
    await enter(user, reason, '文件已被新文件替代');
    const deletes = captureRequests('DELETE', `/catalogue/${e.id}`);

    await faults.fail(503);
    await user.click(within(dialog).getByRole('button', { name: '撤回' }));
    await findAlertWith(SERVER_503, dialog);
    expect(screen.getByRole('dialog', { name: '撤回目录信息' })).toBe(dialog);
    expect(within(dialog).getByRole('textbox', { name: /撤回理由/ })).toHaveValue(
      '文件已被新文件替代',
    );
    expect(db.catalogue.get(e.id)!.withdrawn).toBe(false);

    await faults.clear();
    await user.click(within(dialog).getByRole('button', { name: '撤回' }));
    expect(
      await screen.findByText(`已撤回 ${e.indexNo}《${e.title}》，记录保留`, {
        selector: '.mantine-Notification-description',
      }),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(deletes).toHaveLength(2);
    expect(deletes.map((d) => d.ifMatch)).toEqual([`"${e.version}"`, `"${e.version}"`]);
    const after = (await (await as('clerk')).get(`/catalogue/${e.id}`)).body;
    expect(after).toMatchObject({
      withdrawn: true,
      withdrawnReason: '文件已被新文件替代',
      version: e.version + 1,
    });
  });
});

const HEADER =
  '名称,分类,文件类型,发布机构,文号,生成日期,发布日期,公开属性,不予公开理由,公开渠道,有效性,废止日期,关键词,内容概述';

describe('the import wizard under faults', () => {
  it('a commit under 503 keeps the preview; the retry imports every row once, with the same key', async () => {
    const faults = await faultInjector();
    const { user, router } = await renderApp({ route: '/catalogue/import', user: 'clerk' });
    await screen.findByRole('button', { name: '选择文件' });
    const rows = Array.from(
      { length: 12 },
      (_, i) =>
        `故障导入测试${i + 1},政策文件,其他,长治市民政局,,2026-10-${String(i + 1).padStart(2, '0')},2026-11-0${(i % 5) + 3},主动公开,,政府网站,有效,,导入,故障注入下的导入`,
    );
    const file = new File([`\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`], 'faults.csv', {
      type: 'text/csv',
    });
    const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
    await user.upload(input, file);
    expect(await screen.findByTestId('import-summary')).toHaveTextContent(
      '预览（共 12 行，0 行有误）',
    );
    const before = await total();
    const stored = db.catalogue.all().length;
    const posts = captureRequests('POST', '/catalogue/import');

    await faults.fail(503);
    await user.click(screen.getByRole('button', { name: '全部导入' }));
    await findAlertWith(SERVER_503);
    // The preview is still there: no need to pick the file again.
    expect(screen.getByTestId('import-summary')).toHaveTextContent('预览（共 12 行，0 行有误）');
    expect(screen.getByText('faults.csv · 读取编码：UTF-8')).toBeInTheDocument();
    const preview = screen.getByRole('table', { name: /文件内容预览/ });
    expect(within(preview).getByText('故障导入测试1')).toBeInTheDocument();
    expect(within(preview).getByText('故障导入测试12')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '全部导入' })).toBeEnabled();
    expect(db.catalogue.all()).toHaveLength(stored); // nothing written while it failed

    await faults.clear();
    await user.click(screen.getByRole('button', { name: '全部导入' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/catalogue'));
    expectSameKey(posts, 2);
    expect(JSON.parse(posts[1]!.body).rows).toHaveLength(12);
    expect(await total()).toBe(before + 12);
    expect(await total('故障导入测试')).toBe(12);
  });
});
