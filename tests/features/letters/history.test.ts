import { describe, expect, it } from 'vitest';
import { describeLetterEvent } from '@/features/letters/history';
import { registerCatalog, translate, type Locale } from '@/lib/i18n/core';
import { enUS } from '@/locales/en-US';

registerCatalog('en-US', enUS);
const say = (locale: Locale) => (entry: Parameters<typeof describeLetterEvent>[0]) =>
  describeLetterEvent(entry, (k, p) => translate(locale, k, p), locale);

describe('letter history entries in the viewer’s language (issue #20)', () => {
  const closed = {
    detail: '办结（按期），2026-11-05电话回访（李静）：基本满意',
    event: {
      type: 'closed',
      params: {
        onTime: true,
        method: 'phone',
        followUpOn: '2026-11-05',
        by: '李静',
        reached: true,
        satisfaction: 'basically_satisfied',
        closeReason: null,
      },
    },
  };

  it('words codes and dates per language: no Chinese codes in English, no English codes in Chinese', () => {
    expect(say('zh-CN')(closed)).toBe('办结（按期），2026年11月5日电话回访（李静）：基本满意');
    const en = say('en-US')(closed);
    expect(en).toBe('Closed (on time); follow-up on 2026-11-05, Phone, by 李静: Mostly satisfied');
    expect(en).not.toMatch(/basically_satisfied|按期|电话/);
  });

  it('联系不上 and a reason for closing anyway', () => {
    const e = {
      ...closed,
      event: {
        type: 'closed',
        params: { ...closed.event.params, reached: false, satisfaction: null, onTime: false },
      },
    };
    expect(say('zh-CN')(e)).toBe('办结（超期），2026年11月5日电话回访（李静）：联系不上');
    const unhappy = {
      ...closed,
      event: {
        type: 'closed',
        params: { ...closed.event.params, satisfaction: 'unsatisfied', closeReason: '超出政策' },
      },
    };
    expect(say('zh-CN')(unhappy)).toMatch(/：不满意；办结理由：超出政策$/);
  });

  it('sections, reply methods and extensions', () => {
    const assigned = {
      detail: '转办至社会救助科：请办理',
      event: { type: 'assigned', params: { sectionId: 'social_assistance', note: '请办理' } },
    };
    expect(say('zh-CN')(assigned)).toBe('转办至社会救助科：请办理');
    expect(say('en-US')(assigned)).toMatch(/^Transferred to .+: 请办理$/);
    const replied = {
      detail: '答复',
      event: { type: 'replied', params: { method: 'in_person', repliedOn: '2026-11-04' } },
    };
    expect(say('zh-CN')(replied)).toBe('当面答复，答复日期2026年11月4日');
    expect(say('en-US')(replied)).toBe('Answered (In person) on 2026-11-04');
    const approved = {
      detail: 'x',
      event: {
        type: 'extension-approved',
        params: {
          days: 5,
          from: '2026-11-09',
          to: '2026-11-16',
          reason: '核查',
          requestedBy: '王强',
        },
      },
    };
    expect(say('zh-CN')(approved)).toBe(
      '批准王强的延期申请，延期5个工作日（2026年11月9日 → 2026年11月16日）：核查',
    );
  });

  it('entries stored before events (free text only), or of an unknown type, read as stored', () => {
    const old = { detail: '办结（按期），满意度：satisfied' };
    expect(say('en-US')(old)).toBe(old.detail);
    expect(say('zh-CN')({ detail: '旧记录', event: { type: 'future-kind', params: {} } })).toBe(
      '旧记录',
    );
  });
});
