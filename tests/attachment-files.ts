/** Small files of every accepted type (and some impostors), for the attachment tests. */
import JSZip from 'jszip';

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const utf16 = (s: string) => [...s].flatMap((c) => [c.charCodeAt(0), 0]);
const bytes = (...parts: (number[] | Uint8Array)[]) => new Uint8Array(parts.flatMap((p) => [...p]));

export const PDF = bytes(
  ascii('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer <<>>\n%%EOF\n'),
);
export const JPEG = bytes(
  [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10],
  ascii('JFIF'),
  [0, 1, 2, 0xff, 0xd9],
);
/** A 1×1 transparent PNG (valid, so a browser can draw it). */
export const PNG = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  ),
  (c) => c.charCodeAt(0),
);
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
export const DOC = bytes(
  OLE2,
  new Uint8Array(504),
  utf16('Root Entry'),
  [0, 0],
  utf16('WordDocument'),
);
export const XLS = bytes(OLE2, new Uint8Array(504), utf16('Root Entry'), [0, 0], utf16('Workbook'));
export const EXE = bytes(
  ascii('MZ'),
  new Uint8Array(64),
  ascii('This program cannot be run in DOS mode'),
);

async function zip(files: Record<string, string>) {
  const z = new JSZip();
  for (const [name, text] of Object.entries(files)) z.file(name, text);
  return new Uint8Array(await z.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}
export const docx = () =>
  zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' });
export const xlsx = () =>
  zip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' });
export const ofd = () => zip({ 'OFD.xml': '<ofd:OFD/>', 'Doc_0/Document.xml': '<ofd:Document/>' });
/** A zip that is none of them. */
export const plainZip = () => zip({ 'readme.txt': 'hello' });
