import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { captureDownloads } from '../../downloads';
import { renderWithProviders } from '../../utils';
import { seedOn } from '../../seed-day';

seedOn('2026-11-26');

/**
 * A catalogue file as Chinese Excel's 「CSV（逗号分隔）」 saves it — GBK, no byte-order mark: the
 * header, one good row, and one whose 分类 (政策法規) and 公开渠道 (传真) are not in the lists.
 */
const GBK_FILE =
  'w/uzxiy31sDgLM7EvP7A4NDNLLeisry7+rm5LM7EusUsyfqzycjVxtost6KyvMjVxtosuau/qsr00NQssrvT6Lmrv6rA7dPJLLmrv6rH/rXALNPQ0KfQ1Cy3z9a5yNXG2iy52Lz8tMosxNrI3bjFyvYNCrnY09pHQku1vMjrtcTNqNaqLNX+st/OxLz+LMbky/sss6TWzsrQw/HV/r7WLCwyMDI2LTEwLTA5LDIwMjYtMTAtMTIs1ve2r7mrv6osLNX+uK7N+NW+LNPQ0KcsLLW8yOss08NHQkuxo7TmtcTOxLz+DQq12rb+zPXQxc+iLNX+st+3qNKOLMbky/sss6TWzsrQw/HV/r7WLCwyMDI2LTEwLTA5LDIwMjYtMTAtMTIs1ve2r7mrv6osLLSr1eYs09DQpywstbzI6yy31sDgus3H/rXAtryyu7bUDQo=';
const gbkFile = () =>
  new File([Uint8Array.from(atob(GBK_FILE), (c) => c.charCodeAt(0))], '目录.csv', {
    type: 'text/csv',
  });

const downloads = captureDownloads();

async function upload(locale: 'zh-CN' | 'en-US') {
  const view = await renderWithProviders({ route: '/catalogue/import', user: 'clerk', locale });
  await screen.findByRole('button', { name: locale === 'zh-CN' ? '选择文件' : 'Choose a file' });
  await view.user.upload(document.querySelector<HTMLInputElement>('input[type=file]')!, gbkFile());
  await screen.findByTestId('import-summary');
  return view;
}

describe('the catalogue import wizard', () => {
  it('reads a GBK file, says so, previews every row in words and names each bad value with the allowed ones', async () => {
    await upload('zh-CN');
    expect(screen.getByTestId('import-summary')).toHaveTextContent('预览（共 2 行，1 行有误）');
    expect(screen.getByText('目录.csv · 读取编码：GB18030（GBK）')).toBeInTheDocument();

    const preview = screen.getByRole('table', { name: '文件内容预览（第 1–2 行，共 2 行）' });
    const [, good, bad] = within(preview).getAllByRole('row');
    expect(within(good!).getByText('关于GBK导入的通知')).toBeInTheDocument();
    expect(within(good!).getByText('可导入')).toBeInTheDocument();
    expect(within(good!).getByText('政策文件')).toBeInTheDocument();
    expect(within(bad!).getByText('有误')).toBeInTheDocument();
    const badCells = within(bad!)
      .getAllByRole('cell')
      .filter((c) => c.getAttribute('aria-invalid') === 'true')
      .map((c) => c.textContent);
    expect(badCells).toEqual(['政策法規', '传真']);

    const errors = screen.getByTestId('import-errors');
    expect(errors).toHaveTextContent(
      '第 3 行 · 分类：「政策法規」不在可选值中（可选：机构职能、政策文件、发展规划、',
    );
    expect(errors).toHaveTextContent('第 3 行 · 公开渠道：「传真」不在可选值中（可选：政府网站、');
    expect(screen.getByRole('button', { name: '全部导入' })).toBeDisabled();
  });

  it('offers the errors as a file named in the UI language', async () => {
    const { user } = await upload('zh-CN');
    await user.click(screen.getByRole('button', { name: '下载错误清单' }));
    expect(downloads.map((d) => d.name)).toEqual(['政务公开目录_导入错误_2026-11-26.csv']);
    const lines = (await downloads[0]!.blob.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('行号,列,填写的值,问题');
    expect(lines[1]).toMatch(/^3,分类,政策法規,"?不在可选值中（可选：机构职能、政策文件/);
    expect(lines[2]).toMatch(/^3,公开渠道,传真,/);
  });

  it('in English, the preview and the errors are in English', async () => {
    await upload('en-US');
    expect(screen.getByText('目录.csv · Read as GB18030 (GBK)')).toBeInTheDocument();
    const preview = screen.getByRole('table', { name: 'File preview (rows 1–2 of 2)' });
    expect(within(preview).getByText('Policy documents')).toBeInTheDocument();
    expect(within(preview).getByText('Government website')).toBeInTheDocument();
    expect(screen.getByTestId('import-errors')).toHaveTextContent(
      'Row 3 · Category: “政策法規” is not one of the allowed values (allowed: ',
    );
  });
});
