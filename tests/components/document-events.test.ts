import { describe, expect, it } from 'vitest';
import { describeSharedEvent, type AuditItem } from '@/components/audit-timeline';
import { translate, type Locale } from '@/lib/i18n/core';

/** An issued document's history entry, as the service stores it. */
const issued = (params: Record<string, string | number | boolean | null>): AuditItem => ({
  at: '2026-11-26T10:00:00+08:00',
  actor: { name: '李静' },
  action: 'document',
  detail: '',
  event: { type: 'document-issued', params },
});

const words = (locale: Locale, e: AuditItem) =>
  describeSharedEvent(e, (key, params) => translate(locale, key, params));

describe('an issued document in the history', () => {
  it('says when the 答复书’s 文号 became the decision’s 答复书文号, in each language', () => {
    const filled = issued({ kind: 'decision_open', docNo: '长民公开〔2026〕3号', replyNo: true });
    const plain = issued({ kind: 'decision_open', docNo: '长民公开〔2026〕4号' });
    expect(words('zh-CN', filled)).toBe(
      '签发答复书（予以公开） 长民公开〔2026〕3号，记为答复书文号',
    );
    expect(words('zh-CN', plain)).toBe('签发答复书（予以公开） 长民公开〔2026〕4号');
    expect(words('en-US', filled)).toMatch(
      /^Issued .+ 长民公开〔2026〕3号, recorded as the decision’s reply reference no\.$/,
    );
  });
});
