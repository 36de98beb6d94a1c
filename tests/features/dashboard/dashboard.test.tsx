import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { as } from '../../api';
import { renderWithProviders } from '../../utils';
import { seedOn } from '../../seed-day';

seedOn('2026-11-26');

const section = (name: string) => screen.getByRole('region', { name });
const tile = (name: RegExp) => screen.getByRole('link', { name });

describe('the leadership dashboard (/dashboard)', () => {
  it('shows every KPI of the year from GET /dashboard, each a link into its list', async () => {
    const api = (await (await as('clerk')).get('/dashboard?year=2026')).body;
    await renderWithProviders({ route: '/dashboard?year=2026', user: 'clerk' });
    await screen.findByRole('region', { name: '来信办理' });
    const received = tile(/^收到来信/);
    expect(received).toHaveAttribute('href', '/letters?year=2026&from=dashboard:received');
    expect(within(received).getByTestId('kpi-value')).toHaveTextContent(
      String(api.letters.received.value),
    );
    expect(within(received).getByTestId('kpi-change')).toHaveTextContent(/较上年同期 [↑↓]/);
    expect(tile(/^已办结/)).toHaveAttribute(
      'href',
      '/letters?year=2026&status=closed&from=dashboard:closed',
    );
    expect(within(section('来信办理')).getByRole('link', { name: /^在办超期/ })).toHaveAttribute(
      'href',
      '/letters?alert=overdue&sort=remainingWorkdays&from=dashboard:overdue',
    );
    expect(within(section('依申请公开')).getByRole('link', { name: /^在办超期/ })).toHaveAttribute(
      'href',
      '/applications?alert=overdue&from=dashboard:applications.overdue',
    );
    expect(tile(/^逾期公开/)).toHaveAttribute(
      'href',
      '/catalogue?timely=false&year=2026&from=dashboard:catalogue.late',
    );
    expect(within(tile(/^按期办结率/)).getByText(/\d+ \/ \d+ 件/)).toBeInTheDocument();
    expect(
      within(within(section('来信办理')).getByRole('link', { name: /^答复用时/ })).getByTestId(
        'kpi-value',
      ),
    ).toHaveTextContent(/^中位 \d+(\.\d)? 天$/);
  });

  it('each count tile opens a list whose total is the tile, and the list says where it came from', async () => {
    const { user, router } = await renderWithProviders({
      route: '/dashboard?year=2026',
      user: 'clerk',
    });
    await screen.findByRole('region', { name: '来信办理' });
    // [section, tile, the note on the list]
    // (Every tile's figure against its list's total: tests/mocks/dashboard.test.ts.)
    const tiles: [string, RegExp, string][] = [
      ['来信办理', /^在办超期/, '来自工作台：在办超期'],
      ['来信办理', /^满意率/, '来自工作台：满意率（回访）的计算依据'],
      ['依申请公开', /^尚在办理/, '来自工作台：尚在办理'],
    ];
    for (const [name, label, note] of tiles) {
      const link = within(await screen.findByRole('region', { name })).getByRole('link', {
        name: label,
      });
      const value = within(link).getByTestId('kpi-value').textContent!;
      // A rate's list: the cases it rests on (its "num / den 件").
      const n = /满意率/.test(label.source)
        ? link.textContent!.match(/回访答复 (\d+) 件/)![1]
        : value;
      await user.click(link);
      expect(await screen.findByTestId('origin-note')).toHaveTextContent(note);
      expect(await screen.findByText(`共 ${n} 条`)).toBeInTheDocument();
      await router.navigate(-1);
    }
  }, 60_000);

  it('及时公开率 opens the entries it rests on, says how many were late, and shows those', async () => {
    const { user } = await renderWithProviders({ route: '/dashboard?year=2026', user: 'clerk' });
    const region = await screen.findByRole('region', { name: '政府信息公开目录' });
    const late = within(within(region).getByRole('link', { name: /^逾期公开/ })).getByTestId(
      'kpi-value',
    ).textContent!;
    const rateTile = within(region).getByRole('link', { name: /^及时公开率/ });
    const [, num, den] = rateTile.textContent!.match(/(\d+) \/ (\d+) 件/)!;
    expect(Number(den) - Number(num)).toBe(Number(late)); // every published entry is dated
    expect(Number(late)).toBeGreaterThan(0);
    await user.click(rateTile);
    const note = await screen.findByTestId('origin-note');
    expect(note).toHaveTextContent('来自工作台：及时公开率的计算依据');
    expect(await within(note).findByTestId('origin-late')).toHaveTextContent(
      `其中 ${late} 条逾期公开`,
    );
    expect(await screen.findByText(`共 ${den} 条`)).toBeInTheDocument();
    await user.click(within(note).getByRole('button', { name: '只看逾期公开的' }));
    expect(await screen.findByText(`共 ${late} 条`)).toBeInTheDocument();
    expect(screen.getByTestId('origin-note')).toHaveTextContent('及时公开率的计算依据');
    await user.click(within(note).getByRole('button', { name: `显示全部 ${den} 条` }));
    expect(await screen.findByText(`共 ${den} 条`)).toBeInTheDocument();
  }, 60_000);

  it('the per-section table: each figure opens its letters; clearing the note keeps the list', async () => {
    const api = (await (await as('leader')).get('/dashboard?year=2026')).body;
    const { user, router } = await renderWithProviders({
      route: '/dashboard?year=2026',
      user: 'leader',
    });
    const table = await screen.findByTestId('section-table');
    const row = within(table).getByRole('row', { name: /^社会救助科/ });
    const s = api.sections.find((x: { sectionId: string }) => x.sectionId === 'social_assistance');
    expect(
      within(row)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual([String(s.inProgress), String(s.overdue), '100%', String(s.supervised)]);
    expect(row).toHaveTextContent(`${s.onTimeRate.numerator} / ${s.onTimeRate.denominator} 件`);
    await user.click(within(row).getByRole('link', { name: '社会救助科 · 已超期 2' }));
    expect(await screen.findByTestId('origin-note')).toHaveTextContent(
      '来自工作台：社会救助科 · 已超期',
    );
    expect(await screen.findByText('共 2 条')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '清除此条件' }));
    await waitFor(() => expect(screen.queryByTestId('origin-note')).not.toBeInTheDocument());
    expect(new URLSearchParams(router.state.location.search).get('alert')).toBe('overdue');
  });

  it('labels the assistance figures 示例数据 and links them to the month behind them', async () => {
    await renderWithProviders({ route: '/dashboard?year=2026', user: 'leader' });
    const s = await screen.findByRole('region', { name: '社会救助' });
    expect(within(s).getAllByText('示例数据')).toHaveLength(2);
    const persons = within(s).getByRole('link', { name: /^在保人数/ });
    expect(persons).toHaveAttribute('href', '/assistance?period=2026-10&program=rural_dibao');
    expect(persons).toHaveTextContent('2026年10月');
    expect(within(s).getByRole('link', { name: /^累计支出/ })).toHaveAttribute(
      'href',
      '/assistance?tab=charts&year=2026',
    );
  });

  it('shows no rate on fewer than 5 cases, and says why', async () => {
    await renderWithProviders({ route: '/dashboard?year=2017', user: 'leader' });
    await screen.findByRole('region', { name: '依申请公开' });
    const rate = tile(/^按期答复率/);
    expect(within(rate).getByTestId('kpi-value')).toHaveTextContent('—');
    expect(rate).toHaveTextContent('样本不足：仅 0 件，至少 5 件才计算比率');
    expect(within(tile(/^收到来信/)).getByTestId('kpi-value')).toHaveTextContent('17');
  });

  it('draws its charts lazily, each with a table of the same numbers', async () => {
    await renderWithProviders({ route: '/dashboard?year=2026', user: 'clerk' });
    const table = await screen.findByRole('table', { name: '来信数量：2026年与2025年（件）' });
    expect(within(table).getAllByRole('row')).toHaveLength(13);
    expect(
      screen.getByRole('table', { name: '社会救助支出：2026年与2025年（万元）' }),
    ).toBeInTheDocument();
  });

  it('changes year from the selector', async () => {
    const { user, router } = await renderWithProviders({ route: '/dashboard', user: 'clerk' });
    await screen.findByRole('region', { name: '来信办理' });
    await user.selectOptions(screen.getByRole('combobox', { name: '年度' }), '2017');
    await waitFor(() => expect(router.state.location.search).toBe('?year=2017'));
    await waitFor(() =>
      expect(within(tile(/^收到来信/)).getByTestId('kpi-value')).toHaveTextContent('17'),
    );
  });

  it('a handler sees their section only, without the assistance figures', async () => {
    await renderWithProviders({ route: '/dashboard', user: 'handler' });
    await screen.findByRole('region', { name: '来信办理' });
    expect(screen.queryByRole('region', { name: '社会救助' })).not.toBeInTheDocument();
  });
});
