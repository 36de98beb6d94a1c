// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { decodeText } from '@/lib/text-decode';

/** 「标题,分类\r\n低保,政策文件」 as Chinese Excel's 「CSV（逗号分隔）」 saves it (GBK). */
const GBK = Uint8Array.from([
  0xb1, 0xea, 0xcc, 0xe2, 0x2c, 0xb7, 0xd6, 0xc0, 0xe0, 0x0d, 0x0a, 0xb5, 0xcd, 0xb1, 0xa3, 0x2c,
  0xd5, 0xfe, 0xb2, 0xdf, 0xce, 0xc4, 0xbc, 0xfe,
]);
const TEXT = '标题,分类\r\n低保,政策文件';

describe('decodeText', () => {
  it('reads UTF-8, with or without its byte-order mark', () => {
    const utf8 = new TextEncoder().encode(TEXT);
    expect(decodeText(utf8)).toEqual({ text: TEXT, encoding: 'utf-8' });
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({
      text: TEXT,
      encoding: 'utf-8',
    });
  });

  it('reads a file that is not UTF-8 as GB18030 (GBK), and says so', () => {
    expect(decodeText(GBK)).toEqual({ text: TEXT, encoding: 'gb18030' });
  });

  it('reads UTF-16 (「Unicode 文本」) by its byte-order mark', () => {
    const le = [
      0xff,
      0xfe,
      ...[...TEXT].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]),
    ];
    expect(decodeText(Uint8Array.from(le))).toEqual({ text: TEXT, encoding: 'utf-16le' });
  });

  it('plain ASCII is UTF-8', () => {
    expect(decodeText(new TextEncoder().encode('a,b\r\n1,2')).encoding).toBe('utf-8');
  });
});
