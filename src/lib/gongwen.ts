/**
 * The page of a Chinese official document (公文, GB/T 9704) in Word: fonts, sizes, A4 margins and
 * the fixed line pitch, and text made safe for Word's XML. Shared by the annual report and the
 * documents issued from a record, so both look like the bureau's paper.
 */
import {
  AlignmentType,
  Footer,
  LineRuleType,
  PageNumber,
  Paragraph,
  TextRun,
  type IFontAttributesProperties,
} from 'docx';

const font = (eastAsia: string, latin: string): IFontAttributesProperties => ({
  ascii: latin,
  hAnsi: latin,
  cs: latin,
  eastAsia,
});
export const FONTS = {
  title: font('方正小标宋简体', 'SimSun'),
  body: font('仿宋_GB2312', 'FangSong'),
  heading: font('黑体', 'SimHei'),
  subheading: font('楷体_GB2312', 'KaiTi'),
  table: font('宋体', 'SimSun'),
};
/** Sizes in half-points: 二号 22pt, 三号 16pt, 四号 14pt, 五号 10.5pt, 小五 9pt. */
export const SIZE = { title: 44, body: 32, footer: 28, table: 21, smallTable: 18 };
/** A4 (twips) with GB/T 9704 margins: 天头 37 mm, 订口 28 mm, text area 156 × 225 mm. */
export const PAGE = {
  width: 11906,
  height: 16838,
  top: 2098,
  bottom: 1984,
  left: 1587,
  right: 1474,
};
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
export const LINE = { line: 560, lineRule: LineRuleType.EXACT };

/**
 * Text as XML 1.0 allows it (#x9, #xA, #xD, #x20–#xD7FF, #xE000–#xFFFD, #x10000–#x10FFFF): other
 * control characters, lone surrogates and U+FFFE/U+FFFF are dropped. docx escapes markup
 * (`<`, `&`, quotes) but writes these as they are, and Word then refuses the whole file as corrupt.
 * Everything typed by a user (narrative, organisation name) reaches the document through here.
 */
export const xmlSafe = (text: string) =>
  text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');

/** A section's A4 page with the 公文 margins and the page number centred below: 「— 1 —」. */
export const gongwenPage = () => ({
  properties: {
    page: {
      size: { width: PAGE.width, height: PAGE.height },
      margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
    },
  },
  footers: {
    default: new Footer({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new TextRun({
              children: ['— ', PageNumber.CURRENT, ' —'],
              font: FONTS.table,
              size: SIZE.footer,
            }),
          ],
        }),
      ],
    }),
  },
});
