import { apiInPage, expect, login, requestsSettle, test } from './fixtures';

/**
 * The mock backend in two tabs of one browser: each answers from its own memory over the shared
 * IndexedDB store, so changes take turns (Web Locks) and start from what the other tab wrote.
 */
test('two tabs on the IndexedDB mock: no serial number twice, and of two edits on one version exactly one wins', async ({
  context,
  page,
  allowConsole,
}) => {
  allowConsole(/status of 409/); // the losing edit, logged by the browser
  await login(page, 'clerk');
  const other = await context.newPage();
  const settled = requestsSettle(other);
  await other.goto('/letters');
  await expect(other.getByTestId('user-menu')).toBeVisible();
  await settled();

  const letter = (n: number) => ({
    source: 'phone',
    category: 'help',
    subject: `两个标签页同时登记 ${n}`,
    content: '并发登记',
    citizenName: '测试',
    receivedOn: '2026-11-02',
  });
  // Six letters at once, three from each tab.
  const made = await Promise.all(
    [0, 1, 2, 3, 4, 5].map((n) =>
      apiInPage<{ id: string; serialNo: string }>(
        n % 2 ? other : page,
        'POST',
        '/letters',
        letter(n),
      ),
    ),
  );
  expect(made.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
  expect(new Set(made.map((r) => r.body.serialNo)).size).toBe(6);

  // The same letter transferred from both tabs with the same If-Match: one 200, one 409.
  const id = made[0]!.body.id;
  const [a, b] = await Promise.all([
    apiInPage(
      page,
      'POST',
      `/letters/${id}/assign`,
      { sectionId: 'elderly' },
      { 'If-Match': '"1"' },
    ),
    apiInPage(
      other,
      'POST',
      `/letters/${id}/assign`,
      { sectionId: 'social_assistance' },
      {
        'If-Match': '"1"',
      },
    ),
  ]);
  expect([a.status, b.status].sort()).toEqual([200, 409]);
  // Both tabs come to read the winner's version (the other tab's copy catches up by broadcast).
  for (const p of [page, other])
    await expect
      .poll(
        async () => (await apiInPage<{ version: number }>(p, 'GET', `/letters/${id}`)).body.version,
      )
      .toBe(2);
});
