import { describe, expect, it } from 'vitest';
import { enUS } from '@/locales/en-US';
import { zhCN } from '@/locales/zh-CN';

/**
 * Punctuation as each language writes it (issue #20): full-width ，：；？！（） in Chinese text,
 * ASCII in English. Every string of both catalogues (src/locales/**) is checked.
 */
function leaves(node: unknown, path = ''): [string, string][] {
  if (typeof node === 'string') return [[path, node]];
  if (node && typeof node === 'object')
    return Object.entries(node).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [];
}

const CJK = '\\u3400-\\u4dbf\\u4e00-\\u9fff';
/** ASCII , : ; ? ! ( ) with a Chinese character right before or after it. */
const ASCII_BY_CJK = new RegExp(`[${CJK}][,:;?!()]|[,:;?!()][${CJK}]`);
/** Any Chinese character, CJK punctuation (、。〈〉《》「」…) or full-width form (，：（）…). */
const NOT_ENGLISH = new RegExp(`[${CJK}\\u3000-\\u303f\\uff00-\\uffef]`);

/**
 * English strings that must carry Chinese: names shown in their own language, and examples of
 * what the office types (document numbers with 〔〕, which have no ASCII form).
 */
const ENGLISH_ALLOWED: Record<string, string> = {
  'validation.docNo':
    'Document numbers look like issuer code〔year〕number, e.g. 长民发〔2024〕12号',
  'catalogue.docNoHint': 'Issuer code〔year〕number, e.g. 长民发〔2024〕12号',
  'applications.records.replyNoPlaceholder': 'e.g. 长民政依复〔2026〕12号',
  'documents.numbering.intro':
    'Numbers read “prefix〔year〕n号”, e.g. 长民公开〔2026〕12号; each kind of document is numbered from 1 every year, and a number once used is never used again.',
};

describe('locale punctuation', () => {
  it('zh-CN: no ASCII ,:;?!() next to a Chinese character', () => {
    const bad = leaves(zhCN).filter(([, s]) => ASCII_BY_CJK.test(s));
    expect(bad).toEqual([]);
  });

  it('en-US: no Chinese characters or full-width punctuation (outside the named exceptions)', () => {
    const bad = leaves(enUS).filter(([k, s]) => NOT_ENGLISH.test(s) && ENGLISH_ALLOWED[k] !== s);
    expect(bad).toEqual([]);
  });

  it('the exceptions are still there, as written', () => {
    const en = Object.fromEntries(leaves(enUS));
    for (const [k, s] of Object.entries(ENGLISH_ALLOWED)) expect(en[k], k).toBe(s);
  });
});
