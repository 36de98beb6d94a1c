/**
 * A document generated from the record (转办单, 答复函, …) as a Word file in the 公文 layout it
 * shares with the annual report (src/lib/gongwen.ts: A4, GB/T 9704 margins, 方正小标宋 title,
 * 仿宋_GB2312 三号 body, page numbers "— 1 —"). Pure, and the same in the browser (the draft's
 * download) and the backend (the issued file, stored as an attachment).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
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
} from 'docx';
import { FONTS, gongwenPage, LINE, SIZE, TEXT_WIDTH, xmlSafe } from '@/lib/gongwen';
import type { OfficialDocument } from './rules';

const run = (text: string, font = FONTS.body, size = SIZE.body, bold = false) =>
  new TextRun({ text: xmlSafe(text), font, size, bold });

const body = (text: string, indent = true) =>
  new Paragraph({
    alignment: AlignmentType.BOTH,
    indent: indent ? { firstLine: SIZE.body * 20 } : undefined,
    spacing: LINE,
    children: [run(text)],
  });

const border = { style: BorderStyle.SINGLE, size: 6, color: '000000' };

function fieldsTable(fields: OfficialDocument['fields']): Table {
  const labelWidth = Math.round(TEXT_WIDTH * 0.24);
  const cell = (text: string, width: number, bold: boolean) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: 85, right: 85, top: 57, bottom: 57 },
      borders: { top: border, bottom: border, left: border, right: border },
      children: [
        new Paragraph({
          alignment: bold ? AlignmentType.CENTER : AlignmentType.START,
          children: [run(text, FONTS.body, SIZE.body - 4, bold)],
        }),
      ],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [labelWidth, TEXT_WIDTH - labelWidth],
    layout: TableLayoutType.FIXED,
    rows: fields.map(
      (f) =>
        new TableRow({
          cantSplit: true,
          children: [
            cell(f.label, labelWidth, true),
            cell(f.value, TEXT_WIDTH - labelWidth, false),
          ],
        }),
    ),
  });
}

export function buildOfficialDocument(doc: OfficialDocument): Document {
  const spacer = () => new Paragraph({ spacing: LINE, children: [] });
  const signature = (text: string) =>
    new Paragraph({
      alignment: AlignmentType.END,
      spacing: LINE,
      indent: { right: SIZE.body * 40 },
      children: [run(text)],
    });
  return new Document({
    title: xmlSafe(`${doc.title} ${doc.docNo}`),
    creator: xmlSafe(doc.organisation),
    styles: { default: { document: { run: { font: FONTS.body, size: SIZE.body } } } },
    sections: [
      {
        ...gongwenPage(),
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 280, line: 700, lineRule: LineRuleType.EXACT },
            children: [run(doc.title, FONTS.title, SIZE.title)],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { ...LINE, after: 280 },
            children: [run(doc.docNo)],
          }),
          ...(doc.addressee ? [body(doc.addressee, false)] : []),
          ...(doc.fields.length > 0 ? [fieldsTable(doc.fields), spacer()] : []),
          ...doc.paragraphs.map((p) => body(p)),
          spacer(),
          signature(doc.organisation),
          signature(doc.date),
        ],
      },
    ],
  });
}

/** The .docx bytes (Packer's ArrayBuffer works in the browser and in Node alike). */
export async function officialDocumentBytes(doc: OfficialDocument): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(buildOfficialDocument(doc)));
}
