import { beforeAll, describe, expect, it } from 'vitest';
import { describeAuditLogEvent } from '@/features/accounts/audit-events';
import { describeCatalogueEvent } from '@/features/catalogue/history';
import { loadLocale, translate, type Locale } from '@/lib/i18n/core';
import type { AuditEntry, Paged } from '@/types/api';
import { as } from '../../api';

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
const tx = (locale: Locale) => (key: string, p?: Record<string, string | number>) =>
  translate(locale, key, p);

beforeAll(() => loadLocale('en-US'));

describe('audit entries in the viewer’s language (issue #20)', () => {
  it('the audit log: sign-ins, account and calendar changes', async () => {
    const admin = await as('admin');
    const cal = (await admin.get<{ version: number }>('/calendar/years/2028')).body;
    const put = await admin.put(
      '/calendar/years/2028',
      { days: [{ date: '2028-01-03', workday: false, name: 'x' }], complete: false },
      { 'If-Match': `"${cal.version}"` },
    );
    expect(put.status).toBe(200);
    const log = (await admin.get<Paged<AuditEntry>>('/audit/log?pageSize=50')).body.items;
    const login = log.find((e) => e.action === 'login')!;
    expect(describeAuditLogEvent(login, tx('en-US'), 'en-US')).toMatch(/^Signed in \(.+\)$/);
    expect(describeAuditLogEvent(login, tx('zh-CN'), 'zh-CN')).toMatch(/^登录（.+）$/);
    const calendar = log.find((e) => e.action === 'update')!;
    expect(describeAuditLogEvent(calendar, tx('en-US'), 'en-US')).toBe(
      'Working calendar 2028 saved (1 adjusted, not yet complete)',
    );
    expect(describeAuditLogEvent(calendar, tx('zh-CN'), 'zh-CN')).toBe(
      '2028年工作日历：1天调整，未完整',
    );
    for (const e of log) expect(describeAuditLogEvent(e, tx('en-US'), 'en-US')).not.toMatch(CJK);
  });

  it('a catalogue entry’s history names the changed fields', () => {
    const entry = {
      detail: '修改《x》',
      event: { type: 'updated', params: { title: 'Relief rules', fields: 'docNo,publishedOn' } },
    };
    expect(describeCatalogueEvent(entry, tx('en-US'))).toBe(
      'Edited “Relief rules”: Document no., Published on',
    );
    expect(describeCatalogueEvent(entry, tx('zh-CN'))).toBe('修改《Relief rules》：文号、发布日期');
    expect(describeCatalogueEvent({ detail: '旧记录' }, tx('en-US'))).toBe('旧记录');
  });
});
