import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Application } from '@/features/applications/types';
import type { Locale } from '@/lib/i18n/core';
import { as } from '../../api';
import { seedOn } from '../../seed-day';
import { renderWithProviders } from '../../utils';

// Thursday 2026-11-26; receipt Mon 11-02.
seedOn('2026-11-26');

/** An application taken through consultation, extension and decision (ASCII free text). */
async function decided(): Promise<Application> {
  const clerk = await as('clerk');
  const r = await clerk.post<Application>('/applications', {
    applicantType: 'natural_person',
    applicantName: 'Zhao Liu',
    contact: '13900001111',
    channel: 'online',
    receivedOn: '2026-11-02',
    description: 'Relief payments 2026',
  });
  expect(r.status).toBe(201);
  const id = r.body.id;
  const steps: [string, Record<string, unknown>][] = [
    ['assign', { sectionId: 'social_assistance' }],
    [
      'consult-third-party',
      { sentOn: '2026-11-05', party: 'third_party', name: 'Acme Ltd', receivedOn: '2026-11-05' },
    ],
    ['third-party-replied', { on: '2026-11-10', opinion: 'agree' }],
    [
      'extend',
      {
        reason: 'many records',
        approvedBy: 'Director Li',
        approvedOn: '2026-11-20',
        notifiedOn: '2026-11-23',
      },
    ],
    [
      'decide',
      {
        outcome: '3.1',
        decidedOn: '2026-11-26',
        replyNo: 'R-12',
        deliveryMethod: 'email',
        deliveredOn: '2026-11-26',
      },
    ],
  ];
  for (const [action, body] of steps) {
    const current = (await clerk.get<Application>(`/applications/${id}`)).body;
    const s = await clerk.post(`/applications/${id}/${action}`, body, {
      'If-Match': `"${current.version}"`,
    });
    expect(s.status, `${action}: ${JSON.stringify(s.body)}`).toBe(200);
  }
  return (await clerk.get<Application>(`/applications/${id}`)).body;
}

async function history(app: Application, locale: Locale) {
  await renderWithProviders({ route: `/applications/${app.id}`, user: 'clerk', locale });
  const timeline = await screen.findByTestId('timeline');
  await waitFor(() => expect(timeline.querySelectorAll('.mantine-Timeline-item')).toHaveLength(6));
  return [...timeline.querySelectorAll('.mantine-Timeline-itemTitle')].map((e) => e.textContent);
}

describe("an application's history in the viewer's language (issue #20)", () => {
  it('reads in English in the English UI: no Chinese, no codes', async () => {
    const app = await decided();
    const titles = await history(app, 'en-US');
    expect(titles).toEqual([
      `Registered ${app.serialNo}, received on 2026-11-02`,
      'Assigned to Social Assistance Section',
      'Opinion of a third party (Acme Ltd) sought on 2026-11-05, received by them on 2026-11-05',
      'Reply received on 2026-11-10: Agrees to disclosure; the clock runs again',
      `Reply period extended by 20 working days to ${app.dueOn}, approved by Director Li on 2026-11-20: many records; applicant told on 2026-11-23`,
      'Decided on 2026-11-26: Disclosed (within the statutory period); reply ref. R-12; E-mail, delivered 2026-11-26',
    ]);
    for (const t of titles) expect(t).not.toMatch(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/);
  });

  it('reads in Chinese in the Chinese UI', async () => {
    const app = await decided();
    const titles = await history(app, 'zh-CN');
    const [y, m, d] = app.dueOn!.split('-').map(Number);
    expect(titles).toEqual([
      `登记 ${app.serialNo}，收到日期2026年11月2日`,
      '交社会救助科办理',
      '2026年11月5日征求第三方意见（Acme Ltd），2026年11月5日送达',
      '2026年11月10日收到意见回复：同意公开，恢复计时',
      `经Director Li同意（2026年11月20日），答复期限延长20个工作日至${y}年${m}月${d}日：many records；2026年11月23日告知申请人`,
      '2026年11月26日作出答复：予以公开（在法定期限内）；答复书文号R-12；电子邮件送达，2026年11月26日',
    ]);
  });
});
