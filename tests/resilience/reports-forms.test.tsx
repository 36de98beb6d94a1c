import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '@mocks/db';
import { as } from '../api';
import {
  captureRequests,
  expectSameKey,
  faultInjector,
  findAlertWith,
  pickOption,
  renderApp,
  SERVER_503,
  type UserEv,
} from './helpers';
import { seedOn } from '../seed-day';

// Written for any day; pinned so that one run of it (on any TEST_TODAY) is enough.
seedOn('2026-11-26');

const DRAFT_2020 = 'gkwb.draft.report.narrative.2020.u-clerk';
const OVERVIEW = '一、总体情况';
const PROBLEMS = '五、存在的主要问题及改进情况';

async function openReport(year: number, user = 'clerk') {
  const view = await renderApp({ route: `/reports/annual/${year}`, user });
  await screen.findByRole('heading', { level: 1, name: new RegExp(`${year}`) });
  return view;
}
const box = (name: string | RegExp) => screen.getByRole('textbox', { name });
const status = () => screen.getByTestId('save-status');
/**
 * Types into a narrative field in one go (a paste; after what it holds): one change, so one
 * autosave, however slowly a loaded machine would type.
 */
async function write(user: UserEv, name: string | RegExp, text: string, scope?: HTMLElement) {
  await user.click(scope ? within(scope).getByRole('textbox', { name }) : box(name));
  await user.paste(text);
}
const NARRATIVE = '/reports/annual/2020/narrative';
const narrative2020 = async () =>
  (await (await as('leader')).get('/reports/annual/2020')).body.narrative;
/** Someone else (the admin) saves the 2020 narrative over `version`. */
async function saveTheirs(narrative: object, version: number) {
  const r = await (await as('admin')).put(NARRATIVE, narrative, { 'If-Match': `"${version}"` });
  expect(r.status).toBe(200);
}

describe('the narrative autosave under faults', () => {
  it('says saving failed, keeps the text as a draft, and the retry button saves it once', async () => {
    const faults = await faultInjector();
    const { user } = await openReport(2020);
    const puts = captureRequests('PUT', NARRATIVE);

    await faults.fail(503);
    await write(user, PROBLEMS, '信息更新不够及时');
    await waitFor(() => expect(status()).toHaveTextContent('保存失败'));
    expect(
      within(status()).getByText('内容已保存在本机，不会丢失；请检查网络后重试。'),
    ).toBeInTheDocument();
    expect(box(PROBLEMS)).toHaveValue('信息更新不够及时');
    expect(JSON.parse(localStorage.getItem(DRAFT_2020)!)).toMatchObject({
      problems: '信息更新不够及时',
      version: 1,
    });
    expect(db.settings.get('narrative:2020')).toBeUndefined();

    await faults.clear();
    await user.click(within(status()).getByRole('button', { name: '重试' }));
    await waitFor(() => expect(status()).toHaveTextContent('已保存'));
    expect(puts).toHaveLength(2);
    expect(puts.map((p) => p.ifMatch)).toEqual(['"1"', '"1"']);
    expect(await narrative2020()).toEqual({
      overview: '',
      problems: '信息更新不够及时',
      other: '',
      publishedOn: '',
      version: 2,
    });
    expect(localStorage.getItem(DRAFT_2020)).toBeNull();
  });

  it('after a failure, the next autosave (more typing once the server is back) saves everything', async () => {
    const faults = await faultInjector();
    const { user } = await openReport(2020);
    await faults.fail(503);
    await write(user, OVERVIEW, '本年度公开工作有序开展');
    await waitFor(() => expect(status()).toHaveTextContent('保存失败'));
    await faults.clear();
    await user.type(box(OVERVIEW), '。');
    await waitFor(() => expect(status()).toHaveTextContent('已保存'));
    expect((await narrative2020()).overview).toBe('本年度公开工作有序开展。');
    expect(localStorage.getItem(DRAFT_2020)).toBeNull();
  });
});

describe('two clerks writing the same narrative (If-Match)', () => {
  /** The clerk's text saved once (version 2), then someone else saves over it (version 3). */
  async function setUpConflict() {
    const view = await openReport(2020);
    await write(view.user, OVERVIEW, '甲：第一稿');
    await waitFor(() => expect(status()).toHaveTextContent('已保存'));
    expect((await narrative2020()).version).toBe(2);
    await saveTheirs({ overview: '乙：另一位同事的文字', problems: '乙：问题', other: '' }, 2);
    const puts = captureRequests('PUT', NARRATIVE);
    await write(view.user, OVERVIEW, '，补充');
    const conflict = await screen.findByTestId('narrative-conflict');
    expect(conflict).toHaveAttribute('role', 'alert');
    expect(conflict).toHaveTextContent('文字部分已被他人修改');
    expect(conflict).toHaveTextContent('版本 3');
    expect(within(conflict).getByTestId('theirs-overview')).toHaveTextContent(
      '乙：另一位同事的文字',
    );
    expect(within(conflict).getByTestId('theirs-problems')).toHaveTextContent('乙：问题');
    expect(within(conflict).queryByTestId('theirs-other')).not.toBeInTheDocument();
    expect(status()).toHaveTextContent('未保存：他人已修改');
    // Nothing overwritten, nothing lost.
    expect(box(OVERVIEW)).toHaveValue('甲：第一稿，补充');
    expect((await narrative2020()).overview).toBe('乙：另一位同事的文字');
    expect(JSON.parse(localStorage.getItem(DRAFT_2020)!)).toMatchObject({
      overview: '甲：第一稿，补充',
    });
    expect(puts.map((p) => p.ifMatch)).toEqual(['"2"']);
    return { ...view, conflict, puts };
  }

  it('keep mine: saved over the current version (4), once', async () => {
    const { user, conflict, puts } = await setUpConflict();
    await user.click(within(conflict).getByRole('button', { name: '保留我的文字' }));
    await waitFor(() => expect(status()).toHaveTextContent('已保存'));
    expect(screen.queryByTestId('narrative-conflict')).not.toBeInTheDocument();
    expect(puts.map((p) => p.ifMatch)).toEqual(['"2"', '"3"']);
    expect(await narrative2020()).toEqual({
      overview: '甲：第一稿，补充',
      problems: '',
      other: '',
      publishedOn: '',
      version: 4,
    });
    expect(localStorage.getItem(DRAFT_2020)).toBeNull();
  });

  it('a draft kept through a failure and a reload is not saved over what someone saved meanwhile', async () => {
    const faults = await faultInjector();
    const first = await openReport(2020);
    await faults.fail(503);
    await write(first.user, PROBLEMS, '甲：离线时写的问题');
    await waitFor(() => expect(status()).toHaveTextContent('保存失败'));
    first.unmount();
    await faults.clear();
    await saveTheirs({ overview: '', problems: '乙：已保存的问题', other: '' }, 1);

    const puts = captureRequests('PUT', NARRATIVE);
    const again = await openReport(2020);
    const conflict = await screen.findByTestId('narrative-conflict');
    expect(within(conflict).getByTestId('theirs-problems')).toHaveTextContent('乙：已保存的问题');
    expect(box(PROBLEMS)).toHaveValue('甲：离线时写的问题');
    expect(puts.map((p) => p.ifMatch)).toEqual(['"1"']);
    expect((await narrative2020()).problems).toBe('乙：已保存的问题');

    await again.user.click(within(conflict).getByRole('button', { name: '保留我的文字' }));
    await waitFor(() => expect(status()).toHaveTextContent('已保存'));
    expect(puts.map((p) => p.ifMatch)).toEqual(['"1"', '"2"']);
    expect(await narrative2020()).toMatchObject({ problems: '甲：离线时写的问题', version: 3 });
  });

  it('take theirs: the fields show the current text, nothing is sent, and later edits save over it', async () => {
    const { user, conflict, puts } = await setUpConflict();
    await user.click(within(conflict).getByRole('button', { name: '采用对方的文字' }));
    expect(screen.queryByTestId('narrative-conflict')).not.toBeInTheDocument();
    expect(box(OVERVIEW)).toHaveValue('乙：另一位同事的文字');
    expect(box(PROBLEMS)).toHaveValue('乙：问题');
    expect(status()).toHaveTextContent('已保存');
    expect(localStorage.getItem(DRAFT_2020)).toBeNull();
    expect((await narrative2020()).version).toBe(3);
    expect(puts).toHaveLength(1);

    await write(user, PROBLEMS, '（已核对）');
    await waitFor(() => expect(status()).toHaveTextContent('已保存'));
    await waitFor(() => expect(puts).toHaveLength(2));
    expect(puts[1]!.ifMatch).toBe('"3"');
    expect(await narrative2020()).toEqual({
      overview: '乙：另一位同事的文字',
      problems: '乙：问题（已核对）',
      other: '',
      publishedOn: '',
      version: 4,
    });
  });
});

describe('registering a review case under faults', () => {
  it('keeps what was entered, and a retry creates exactly one case with the same Idempotency-Key', async () => {
    const faults = await faultInjector();
    const clerk = await as('clerk');
    const { user } = await openReport(2026);
    await user.click(screen.getByRole('button', { name: '登记案件' }));
    const dialog = await screen.findByRole('dialog', { name: '登记行政复议、行政诉讼案件' });
    await pickOption(user, '类型', '行政复议', dialog);
    await pickOption(user, '结果', '结果维持', dialog);
    const filed = within(dialog).getByRole('textbox', { name: /申请\/立案日期/ });
    await user.clear(filed);
    await user.paste('2026-03-02');
    await user.tab();
    await write(user, /审结日期/, '2026-05-10', dialog);
    await user.tab();
    const before = (await clerk.get('/reviews')).body.length as number;
    const posts = captureRequests('POST', '/reviews');

    await faults.fail(503);
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    const alert = await findAlertWith(SERVER_503, dialog);
    expect(alert).toHaveTextContent('保存失败，您填写的内容已保留，可直接重试（不会重复登记）。');
    expect(screen.getByRole('dialog', { name: '登记行政复议、行政诉讼案件' })).toBe(dialog);
    expect(within(dialog).getByRole('combobox', { name: '类型' })).toHaveValue('行政复议');
    expect(within(dialog).getByRole('combobox', { name: '结果' })).toHaveValue('结果维持');
    expect(within(dialog).getByRole('textbox', { name: /申请\/立案日期/ })).toHaveValue(
      '2026年3月2日',
    );
    expect(within(dialog).getByRole('textbox', { name: /审结日期/ })).toHaveValue('2026年5月10日');
    expect(db.reviews.all()).toHaveLength(before);

    await faults.clear();
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(await screen.findByText('已保存行政复议案件（2026年3月2日立案）')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expectSameKey(posts, 2);
    const after = (await clerk.get('/reviews')).body as { filedOn: string; kind: string }[];
    expect(after).toHaveLength(before + 1);
    expect(after.filter((r) => r.filedOn === '2026-03-02' && r.kind === 'review')).toHaveLength(1);
  });
});
