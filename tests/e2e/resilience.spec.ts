import { apiInPage, expect, openAs, test } from './fixtures';

test.describe('resilience: nothing lost, nothing duplicated', () => {
  test('a letter registered while the server fails keeps what was typed and, retried, is created once', async ({
    page,
    allowConsole,
  }) => {
    allowConsole(/status of 503/);
    await openAs(page, 'admin', '/letters/new');
    await page.getByRole('combobox', { name: '来源' }).click();
    await page.getByRole('option', { name: '电话' }).click();
    await page.getByRole('combobox', { name: '类别' }).click();
    await page.getByRole('option', { name: '咨询' }).click();
    await page.getByLabel('标题').fill('故障注入下的登记');
    await page.getByLabel('来信内容').fill('服务器出错时不应丢失输入。');
    await page.getByLabel('来信人').fill('测试人');
    const before = (await apiInPage<{ total: number }>(page, 'GET', '/letters?pageSize=1')).body
      .total;

    // Every call fails with 503: the UI says so and keeps the input.
    await apiInPage(page, 'PUT', '/admin/faults', { latencyMs: 0, failRate: 1, failStatus: 503 });
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await expect(
      page
        .getByRole('main')
        .getByRole('alert')
        .filter({ hasText: '服务器暂时无法处理请求（503）' }),
    ).toBeVisible();
    await expect(page.getByText('提交失败，您填写的内容已保留')).toBeVisible();
    await expect(page.getByLabel('标题')).toHaveValue('故障注入下的登记');

    // A reload keeps the draft (and its Idempotency-Key).
    await page.reload();
    await expect(page.getByLabel('标题')).toHaveValue('故障注入下的登记');
    await apiInPage(page, 'DELETE', '/admin/faults');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await expect(page).toHaveURL(/\/letters\/[0-9a-f-]{36}$/);
    await page.getByRole('link', { name: /返回列表/ }).click();
    const after = (await apiInPage<{ total: number }>(page, 'GET', '/letters?pageSize=1')).body
      .total;
    expect(after).toBe(before + 1);
  });

  test('retrying the same submission after a lost reply creates one record (same Idempotency-Key)', async ({
    page,
  }) => {
    await openAs(page, 'clerk');
    const key = 'retry-key-1';
    const body = {
      source: 'visit',
      category: 'help',
      subject: '重试',
      content: '同一键',
      citizenName: '甲',
      receivedOn: '2026-11-02',
    };
    const send = () =>
      page.evaluate(
        async ([b, k]) => {
          const token = JSON.parse(localStorage.getItem('gkwb.session')!).token;
          const r = await fetch('/api/v1/letters', {
            method: 'POST',
            headers: {
              'Content-Type': 'application/json',
              Authorization: `Bearer ${token}`,
              'Idempotency-Key': k as string,
            },
            body: JSON.stringify(b),
          });
          return (await r.json()).id as string;
        },
        [body, key] as const,
      );
    const a = await send();
    const b = await send();
    expect(b).toBe(a);
    const found = await apiInPage<{ total: number }>(
      page,
      'GET',
      `/letters?q=${encodeURIComponent('同一键')}`,
    );
    expect(found.body.total).toBe(1);
  });

  test('a slow server shows progress and the page stays usable', async ({ page }) => {
    await openAs(page, 'admin');
    await apiInPage(page, 'PUT', '/admin/faults', {
      latencyMs: 1500,
      failRate: 0,
      failStatus: 503,
    });
    // Fault settings live in the page's mock backend: navigate inside the app, not by reloading.
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: '公开目录' })
      .click();
    await expect(page.locator('[aria-busy=true]').first()).toBeVisible();
    await expect(page.getByTestId('catalogue-row').first()).toBeVisible({ timeout: 15_000 });
    await page.getByLabel('搜索').fill('权责清单');
    await expect(page.getByLabel('搜索')).toHaveValue('权责清单');
    await apiInPage(page, 'DELETE', '/admin/faults');
  });

  test('two tabs editing the same letter: the second is told of the first’s save, gets 409 if it saves anyway, and redoes its change on the current record', async ({
    page,
    context,
    allowConsole,
  }) => {
    allowConsole(/status of 409/); // the second tab's stale save, logged by the browser
    await openAs(page, 'clerk');
    // A transferred letter (督办 comes only after 转办) of a section other than 养老服务科.
    const list = await apiInPage<{
      items: { id: string; sectionId: string; supervised: boolean; version: number }[];
    }>(page, 'GET', '/letters?status=assigned&pageSize=100');
    const letter = list.body.items.find((l) => l.sectionId !== 'elderly' && !l.supervised)!;
    const id = letter.id;
    const other = await context.newPage();
    await other.goto(`/letters/${id}`);
    await page.goto(`/letters/${id}`);
    await expect(other.getByRole('button', { name: '督办' })).toBeVisible();

    // Tab 2 starts to supervise it (its dialog is based on version 1)…
    await other.getByRole('button', { name: '督办' }).click();
    await other.getByRole('dialog').getByLabel('督办意见').fill('请尽快办理');

    // …while tab 1 reassigns it.
    await page.getByRole('button', { name: '改派' }).click();
    await page.getByRole('combobox', { name: '承办科室' }).click();
    await page.getByRole('option', { name: '养老服务科' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '改派' }).click();
    await expect(page.getByText('改派成功')).toBeVisible();

    // Tab 2 is told (live events) before it saves; its input stays. Saving anyway: 409, the
    // current record is shown, and it redoes its change on it.
    await expect(other.getByRole('dialog').getByText('其他用户刚刚修改了这条记录')).toBeVisible();
    await expect(other.getByRole('dialog').getByLabel('督办意见')).toHaveValue('请尽快办理');
    await other.getByRole('dialog').getByRole('button', { name: '督办' }).click();
    await expect(other.getByText('该来信已被他人修改')).toBeVisible();
    await expect(other.getByRole('dialog')).toContainText('养老服务科');
    await other.getByRole('button', { name: '在最新版本上重新提交' }).click();
    await expect(other.getByText('督办成功')).toBeVisible();
    await expect(other.getByText('养老服务科').first()).toBeVisible();
    const final = await apiInPage<{ version: number; supervised: boolean; sectionId: string }>(
      page,
      'GET',
      `/letters/${id}`,
    );
    expect(final.body).toMatchObject({
      version: letter.version + 2,
      supervised: true,
      sectionId: 'elderly',
    });
  });
});
