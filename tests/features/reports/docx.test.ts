// @vitest-environment node
import JSZip from 'jszip';
import { Packer } from 'docx';
import { describe, expect, it } from 'vitest';
import { buildReportDocument, reportFileName, reportToBlob } from '@/features/reports/docx';
import type { AnnualReport } from '@/features/reports/types';
import { OUTCOME_GROUPS } from '@/lib/disclosure-template';
import { reportZh } from '@/locales/zh-CN/report';
import { as } from '../../api';

async function partOf(report: AnnualReport, name: string) {
  const buffer = await Packer.toBuffer(buildReportDocument(report));
  expect(buffer.subarray(0, 2).toString()).toBe('PK');
  const zip = await JSZip.loadAsync(buffer);
  return zip.file(name)!.async('string');
}
const documentXml = (report: AnnualReport) => partOf(report, 'word/document.xml');
/** The text of each paragraph in a heading style, with its level. */
const headingsOf = (xml: string) =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].flatMap((p) => {
    const style = p[0].match(/<w:pStyle w:val="Heading(\d)"\/>/);
    if (!style) return [];
    const text = [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    return [`${style[1]} ${text}`];
  });
/** The text of the document, runs joined per paragraph (labels may be split into several runs). */
const paragraphsOf = (xml: string) =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
  );

async function report2017(): Promise<AnnualReport> {
  const leader = await as('leader');
  const r = await leader.get<AnnualReport>('/reports/annual/2017');
  expect(r.status).toBe(200);
  return r.body;
}

describe('the Word export of the annual report', () => {
  it('builds the 2017 report with three real tables, the exact labels and the 2017 figures', async () => {
    const report = await report2017();
    const xml = await documentXml(report);
    const paras = paragraphsOf(xml);

    expect(xml.match(/<w:tbl>/g)).toHaveLength(3);
    expect(paras).toContain('长治市民政局2017年政府信息公开工作年度报告');
    for (const heading of Object.values(reportZh.sections)) expect(paras).toContain(heading);

    // Table 三: every row label of the template, exactly, each in its own cell.
    const labels = [
      '一、本年新收政府信息公开申请数量',
      '二、上年结转政府信息公开申请数量',
      '三、本年度办理结果',
      ...OUTCOME_GROUPS.flatMap((g) =>
        g.leaves.length > 1 ? [g.label, ...g.leaves.map((l) => l.label)] : [g.label],
      ),
      '（七）总计',
      '四、结转下年度继续办理',
    ];
    expect(labels).toHaveLength(2 + 1 + 2 + 4 + 8 + 3 + 5 + 3 + 1 + 1);
    for (const label of labels) expect(paras).toContain(label);
    for (const head of [
      '申请人情况',
      '自然人',
      '法人或其他组织',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
      '总计',
    ])
      expect(paras).toContain(head);
    // Table 二 and 四 headers.
    for (const head of [
      '第二十条第（一）项',
      '本年制发件数',
      '行政规范性文件',
      '本年收费金额（单位：万元）',
      '行政强制',
    ])
      expect(paras).toContain(head);
    for (const head of [
      '行政复议',
      '行政诉讼',
      '未经复议直接起诉',
      '复议后起诉',
      '结果维持',
      '尚未审结',
    ])
      expect(paras).toContain(head);

    // The 2017 figures: 17 letters, 5 from the mayor's mailbox; 100 powers-list items; no fees.
    expect(paras).toContain(
      '本年度共收到群众来信 17 件，其中市长信箱转办 5 件；已办结 17 件，其中按期办结 17 件。',
    );
    expect(paras.some((p) => p.includes('主动公开权责清单 100 项'))).toBe(true);
    expect(paras).toContain('本年度未收取信息处理费。');
    // The narrative (sections 一, 五, 六) as paragraphs.
    expect(paras).toContain(report.narrative.problems);
    expect(paras).toContain('长治市民政局');
  });

  it('is A4 portrait with the office fonts, merged header cells and page numbers', async () => {
    const xml = await documentXml(await report2017());
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).not.toMatch(/w:orient="landscape"/);
    expect(xml).toContain('w:eastAsia="宋体"'); // the tables
    // The body and the headings' fonts live in the styles (Heading 1: 黑体, Heading 2: 楷体).
    const styles = await partOf(await report2017(), 'word/styles.xml');
    expect(styles).toContain('w:eastAsia="仿宋_GB2312"');
    expect(styles).toContain('w:ascii="FangSong"');
    const style = (id: string) =>
      styles.match(new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`))![0];
    expect(style('Heading1')).toContain('w:eastAsia="黑体"');
    expect(style('Heading1')).toContain('<w:outlineLvl w:val="0"/>');
    expect(style('Heading2')).toContain('w:eastAsia="楷体_GB2312"');
    expect(style('Heading2')).toContain('<w:outlineLvl w:val="1"/>');
    // colspan and rowspan as Word merges.
    expect(xml).toContain('<w:gridSpan w:val="7"/>');
    expect(xml).toContain('<w:gridSpan w:val="10"/>');
    expect(xml).toMatch(/<w:vMerge w:val="restart"\/>/);
    expect(xml).toMatch(/<w:vMerge w:val="continue"\/>|<w:vMerge\/>/);
    expect(xml).toContain('<w:tblHeader');
  });

  it('sets the six sections and the two sub-headings in Word heading styles (navigation pane, table of contents)', async () => {
    const report = await report2017();
    const headings = headingsOf(await documentXml(report));
    expect(headings).toEqual([
      ...Object.values(reportZh.sections).map((h) => `1 ${h}`),
      `2 ${reportZh.letters.heading}`,
      `2 ${reportZh.fees.heading}`,
    ]);
  });

  it('is signed with the publication date the office set, else with the day it was compiled', async () => {
    const report = await report2017();
    const compiled = report.compiledAt.slice(0, 10).split('-').map(Number);
    expect(
      paragraphsOf(
        await documentXml({ ...report, narrative: { ...report.narrative, publishedOn: '' } }),
      ),
    ).toContain(`${compiled[0]}年${compiled[1]}月${compiled[2]}日`);
    const paras = paragraphsOf(
      await documentXml({
        ...report,
        narrative: { ...report.narrative, publishedOn: '2018-01-20' },
      }),
    );
    expect(paras).toContain('2018年1月20日');
    expect(paras).not.toContain(`${compiled[0]}年${compiled[1]}月${compiled[2]}日`);
  });

  it('leaves out a section with nothing in it and numbers the rest on', async () => {
    const report = await report2017();
    const headings = headingsOf(
      await documentXml({
        ...report,
        narrative: { ...report.narrative, overview: '  \n ', problems: '' },
      }),
    );
    expect(headings.filter((h) => h.startsWith('1 '))).toEqual([
      '1 一、主动公开政府信息情况',
      '1 二、收到和处理政府信息公开申请情况',
      '1 三、政府信息公开行政复议、行政诉讼情况',
      '1 四、其他需要报告的事项',
    ]);
  });

  it('keeps every row of table 三 the same width in grid columns (the merges line up)', async () => {
    const xml = await documentXml(await report2017());
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    for (const table of tables) {
      const gridCols = table.match(/<w:gridCol /g)!.length;
      for (const row of table.match(/<w:tr>[\s\S]*?<\/w:tr>|<w:tr [\s\S]*?<\/w:tr>/g)!) {
        const cells = [...row.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)];
        const width = cells.reduce(
          (s, c) => s + Number(c[1]!.match(/w:gridSpan w:val="(\d+)"/)?.[1] ?? 1),
          0,
        );
        expect(width).toBe(gridCols);
      }
    }
  });

  it('names the file after the title and makes a Blob for the browser', async () => {
    const report = await report2017();
    expect(reportFileName(report)).toBe('长治市民政局2017年政府信息公开工作年度报告.docx');
    const blob = await reportToBlob(report);
    expect(blob.size).toBeGreaterThan(5000);
    const head = new Uint8Array(await blob.slice(0, 2).arrayBuffer());
    expect(String.fromCharCode(...head)).toBe('PK');
  });
});
