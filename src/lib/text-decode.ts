/**
 * Text files as Chinese offices save them: Excel's and WPS's 「CSV（逗号分隔）」 is written in the
 * system's code page — GBK, read here as its superset GB18030 — unless the user picked 「CSV UTF-8」;
 * 「Unicode 文本」 is UTF-16 with a byte-order mark. Whatever is valid UTF-8 is taken as UTF-8 (plain
 * ASCII reads the same in all three).
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  try {
    // fatal: one byte sequence that is not UTF-8 and the file is not UTF-8. The BOM is dropped.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}
