import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CatalogueEntry } from '@/features/catalogue/types';
import type { Letter } from '@/features/letters/types';
import { db } from '@mocks/db';
import { staleBy } from '@/app/live-updates';
import { as } from '../api';
import { renderWithProviders } from '../utils';
import { seedOn } from '../seed-day';

seedOn('2026-11-26');

/** Live updates reach the page within a few seconds (the stream, then a 0.3 s batch, then the refetch). */
const LIVE = { timeout: 15_000 };

// The first render of the signed-in app (its lazy routes) is slow on a loaded machine.
describe('live updates in the app (GET /events)', { timeout: 60_000 }, () => {
  it('a section officer’s open list shows a letter the office just transferred to them, without a reload', async () => {
    await renderWithProviders({ route: '/letters', user: 'handler' });
    await screen.findByRole('heading', { name: /来信办理/ }, { timeout: 30_000 });
    // The header's controls arrive after the first paint, and the stream with them.
    await screen.findByRole('button', { name: /用户菜单/ }, { timeout: 30_000 });
    expect(screen.queryByText('实时：新转办的来信')).not.toBeInTheDocument();
    const clerk = await as('clerk');
    const l = (
      await clerk.post<Letter>('/letters', {
        source: 'website',
        category: 'help',
        subject: '实时：新转办的来信',
        content: '内容',
        citizenName: '李四',
        receivedOn: '2026-11-25',
      })
    ).body;
    await clerk.post(
      `/letters/${l.id}/assign`,
      { sectionId: 'social_assistance' },
      { 'If-Match': `"${l.version}"` },
    );
    expect(await screen.findByText('实时：新转办的来信', undefined, LIVE)).toBeInTheDocument();
  });

  it('an open edit form is told that someone else saved the record; what was typed stays; saving gets the conflict, then applies', async () => {
    const entry = db.catalogue.all()[0]! as unknown as CatalogueEntry;
    const { user } = await renderWithProviders({
      route: `/catalogue/${entry.id}/edit`,
      user: 'clerk',
    });
    const title = await screen.findByRole('textbox', { name: '名称' }, { timeout: 30_000 });
    await screen.findByRole('button', { name: /用户菜单/ }, { timeout: 30_000 });
    await user.clear(title);
    await user.type(title, '我的修改');

    const admin = await as('admin');
    const theirs = await admin.patch(
      `/catalogue/${entry.id}`,
      { title: '对方的修改' },
      { 'If-Match': `"${entry.version}"` },
    );
    expect(theirs.status).toBe(200);
    const notice = await screen.findByRole('status', undefined, LIVE);
    expect(within(notice).getByText('其他用户刚刚修改了这条记录')).toBeInTheDocument();
    expect(title).toHaveValue('我的修改');

    await user.click(screen.getByRole('button', { name: /保存/ }));
    expect(await screen.findByText(/再次保存将以您的修改为准/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /保存/ }));
    await waitFor(() => expect(db.catalogue.get(entry.id)?.title).toBe('我的修改'));
  });
});

describe('what an event makes stale', () => {
  it('an event of a record refetches its attachments (a file added, removed, or a document issued)', () => {
    const keys = staleBy(
      { entity: 'application', id: 'a1', version: 3, action: 'updated' },
      'me',
    ) as unknown[];
    expect(keys).toContainEqual(['attachments', 'list', 'applications', 'a1']);
    expect(
      staleBy({ entity: 'review', id: 'r1', version: 1, action: 'updated' }, 'me'),
    ).toContainEqual(['attachments', 'list', 'reviews', 'r1']);
  });
});
