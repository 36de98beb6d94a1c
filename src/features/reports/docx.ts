/**
 * The annual report as a Word document in the national template, the way offices lay it out
 * (GB/T 9704): A4 portrait, 仿宋_GB2312 三号 body, 黑体 headings, 楷体 sub-headings, 宋体 in the
 * tables, page numbers "— 1 —". Pure: a report and the (Chinese) labels in, a docx Document out.
 * Loaded with a dynamic import, so the docx package stays out of the main bundle.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IFontAttributesProperties,
  type IRunOptions,
} from 'docx';
import { FONTS, gongwenPage, LINE, SIZE, TEXT_WIDTH, xmlSafe } from '@/lib/gongwen';
import { reportZh } from '@/locales/zh-CN/report';
import {
  table2Grid,
  table3Grid,
  table4Grid,
  formatFigure,
  type Grid,
  type ReportLabels,
} from './tables';
import { signedOn, type AnnualReport } from './types';

const fill = (text: string, params: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));

/** A run of XML-safe text. */
const run = (text: string, opts: Omit<IRunOptions, 'text'>) =>
  new TextRun({ ...opts, text: xmlSafe(text) });

const para = (text: string, opts: { font?: IFontAttributesProperties; indent?: boolean } = {}) =>
  new Paragraph({
    alignment: AlignmentType.BOTH,
    indent: opts.indent === false ? undefined : { firstLine: SIZE.body * 20 },
    spacing: LINE,
    children: [run(text, { font: opts.font ?? FONTS.body, size: SIZE.body })],
  });
/**
 * Section headings in Word's own heading styles (Heading 1: 一、二、…; Heading 2: the sub-headings),
 * so the navigation pane and a table of contents find them; the styles carry the 公文 fonts.
 */
const heading = (text: string) =>
  new Paragraph({
    heading: HeadingLevel.HEADING_1,
    indent: { firstLine: SIZE.body * 20 },
    children: [run(text, {})],
  });
const subheading = (text: string) =>
  new Paragraph({
    heading: HeadingLevel.HEADING_2,
    indent: { firstLine: SIZE.body * 20 },
    children: [run(text, {})],
  });
const headingStyle = (f: IFontAttributesProperties, outlineLevel: number) => ({
  run: { font: f, size: SIZE.body, bold: false, italics: false, color: '000000' },
  paragraph: { spacing: LINE, outlineLevel, alignment: AlignmentType.BOTH },
});

/** 一、 二、 … or 1. 2. …: the numbering a section heading starts with. */
const NUMBERED = /^(?:[一二三四五六七八九十]+、|\d+\.\s*)/;
const ZH_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** A heading numbered as the `n`-th (0-based) of those the document keeps, in its own style. */
const renumber = (text: string, n: number) => {
  const m = text.match(NUMBERED);
  if (!m) return text;
  const rest = text.slice(m[0].length);
  return /^\d/.test(m[0]) ? `${n + 1}. ${rest}` : `${ZH_NUMERALS[n]}、${rest}`;
};
const paragraphs = (text: string) =>
  xmlSafe(text)
    .split(/[\r\n]+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => para(s));

function wordTable(grid: Grid): Table {
  const size = grid.id === 't2' ? SIZE.table : SIZE.smallTable;
  const widths = grid.widths.map((w) => Math.round((w / 100) * TEXT_WIDTH));
  const cell = (c: Grid['body'][number][number]) =>
    new TableCell({
      columnSpan: c.colSpan,
      rowSpan: c.rowSpan,
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: 57, right: 57, top: 28, bottom: 28 },
      children: [
        new Paragraph({
          alignment: c.kind === 'label' ? AlignmentType.START : AlignmentType.CENTER,
          children: [run(c.text, { font: FONTS.table, size, bold: c.kind === 'head' })],
        }),
      ],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      ...grid.head.map(
        (r) => new TableRow({ tableHeader: true, cantSplit: true, children: r.map(cell) }),
      ),
      ...grid.body.map((r) => new TableRow({ cantSplit: true, children: r.map(cell) })),
    ],
  });
}

/** The date under the signature: the publication date the office set, else the compilation day. */
const signatureDate = (report: AnnualReport, L: ReportLabels) => {
  const [y, m, d] = signedOn(report).split('-');
  return fill(L.docx.signatureDate, { year: y!, month: Number(m), day: Number(d) });
};

export function buildReportDocument(
  report: AnnualReport,
  labels: ReportLabels = reportZh,
): Document {
  const L = labels;
  const S = L.sections;
  const { catalogue, letters, fees, narrative } = report;
  const spacer = () => new Paragraph({ spacing: LINE, children: [] });
  const body = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 560, line: 700, lineRule: LineRuleType.EXACT },
      children: [
        run(fill(L.title, { organisation: report.organisation, year: report.year }), {
          font: FONTS.title,
          size: SIZE.title,
        }),
      ],
    }),
    // The template's six sections; one with nothing to say (a narrative left empty) is left
    // out and the rest numbered on.
    ...(
      [
        [S.overview, paragraphs(narrative.overview)],
        [
          S.proactive,
          [
            para(fill(L.proactiveText, catalogue)),
            wordTable(table2Grid(report.tables.proactive, L)),
            spacer(),
          ],
        ],
        [S.applications, [wordTable(table3Grid(report.tables.applications.rows, L)), spacer()]],
        [S.review, [wordTable(table4Grid(report.tables.review, L)), spacer()]],
        [S.problems, paragraphs(narrative.problems)],
        [
          S.other,
          [
            ...paragraphs(narrative.other),
            subheading(L.letters.heading),
            para(
              fill(L.letters.text, {
                ...letters,
                mayor: letters.mayorMailbox,
                onTime: letters.closedOnTime,
              }),
            ),
            subheading(L.fees.heading),
            para(
              fees.amount > 0
                ? fill(L.fees.text, { amount: formatFigure(fees.amount) })
                : L.fees.none,
            ),
          ],
        ],
      ] as [string, (Paragraph | Table)[]][]
    )
      .filter(([, content]) => content.length > 0)
      .flatMap(([title, content], n) => [heading(renumber(title, n)), ...content]),
    spacer(),
    new Paragraph({
      alignment: AlignmentType.END,
      spacing: LINE,
      indent: { right: SIZE.body * 40 },
      children: [run(report.organisation, { font: FONTS.body, size: SIZE.body })],
    }),
    new Paragraph({
      alignment: AlignmentType.END,
      spacing: LINE,
      indent: { right: SIZE.body * 40 },
      children: [run(signatureDate(report, L), { font: FONTS.body, size: SIZE.body })],
    }),
  ];
  return new Document({
    title: xmlSafe(fill(L.title, { organisation: report.organisation, year: report.year })),
    creator: xmlSafe(report.organisation),
    styles: {
      default: {
        document: { run: { font: FONTS.body, size: SIZE.body } },
        heading1: headingStyle(FONTS.heading, 0),
        heading2: headingStyle(FONTS.subheading, 1),
      },
    },
    sections: [
      {
        ...gongwenPage(),
        children: body,
      },
    ],
  });
}

export const reportFileName = (report: AnnualReport, labels: ReportLabels = reportZh) =>
  `${fill(labels.title, { organisation: report.organisation, year: report.year })}.docx`;

export const reportToBlob = (report: AnnualReport, labels: ReportLabels = reportZh) =>
  Packer.toBlob(buildReportDocument(report, labels));
