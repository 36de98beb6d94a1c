/**
 * Helpers for the fault-injection tests: faults set through the contract's own endpoint, a log of
 * the requests the app sends (as the server sees them), and waiting until the app is idle; plus
 * the routines the letter and application tests share (register form, action dialogs).
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import { afterEach, expect } from 'vitest';
import { server } from '@mocks/node';
import { as } from '../api';
import { renderWithProviders } from '../utils';

// The first render of a lazy route (login, module load, queries) can take over a second when the
// whole suite runs in parallel: give findBy*/waitFor more room than the 1 s default.

export type UserEv = Awaited<ReturnType<typeof renderWithProviders>>['user'];

/** What the UI says for an injected 503 (errors.server). */
export const SERVER_503 = '服务器暂时无法处理请求（503），请稍后重试。';
/** What a register form adds under a retryable failure. */
export const RETRY_HINT = '提交失败，您填写的内容已保留，可直接重试（不会重复登记）。';

/* ------------------------------------------------------------------------------------------ */
/* Faults, captured requests, an idle app                                                      */
/* ------------------------------------------------------------------------------------------ */

/**
 * Fault injection through the contract's own endpoint, `PUT/DELETE /api/v1/admin/faults`, as admin.
 * The admin logs in at once: under faults every later call fails, the login too.
 */
export async function faultInjector() {
  const admin = await as('admin');
  return {
    admin,
    /** Every later call (except /admin/faults) answers `status`. */
    async fail(status = 503) {
      const r = await admin.put('/admin/faults', { latencyMs: 0, failRate: 1, failStatus: status });
      expect(r.status).toBe(200);
    },
    /** Every later call waits `latencyMs` and then succeeds. */
    async slow(latencyMs = 800) {
      const r = await admin.put('/admin/faults', { latencyMs, failRate: 0, failStatus: 503 });
      expect(r.status).toBe(200);
    },
    async clear() {
      const r = await admin.del('/admin/faults');
      expect(r.status).toBe(204);
      expect((await admin.get('/admin/faults')).body).toEqual({
        latencyMs: 0,
        failRate: 0,
        failStatus: 503,
      });
    },
  };
}

export type Faults = Awaited<ReturnType<typeof faultInjector>>;

export interface Captured {
  method: string;
  /** Below /api/v1. */
  path: string;
  idempotencyKey: string | null;
  ifMatch: string | null;
  /** Read from a clone (so the handlers still get it): filled in a moment after the request. */
  body: string;
}

const stops: (() => void)[] = [];
let client: QueryClient | null = null;
afterEach(async () => {
  while (stops.length) stops.pop()!();
  // A request still in flight would answer 401 once the next test resets the sessions, and the
  // api-client's module-level 401 handler would then sign out the next test's user.
  if (client) await settled(client);
  client = null;
});

/** renderWithProviders, remembering the query client so the test ends only once it is idle. */
export async function renderApp(opts: Parameters<typeof renderWithProviders>[0]) {
  const view = await renderWithProviders(opts);
  client = view.queryClient;
  return view;
}

/**
 * Records the requests reaching the mock backend whose method and path (below /api/v1: equal to
 * a string, matching a RegExp) match, as the server sees them, from now until the test ends: their
 * Idempotency-Key, If-Match and body.
 */
export function captureRequests(method: string, path: string | RegExp): Captured[] {
  const seen: Captured[] = [];
  const listener = ({ request }: { request: Request }) => {
    const p = new URL(request.url).pathname.replace(/^\/api\/v1/, '');
    const hit = typeof path === 'string' ? p === path : path.test(p);
    if (request.method !== method || !hit) return;
    const entry: Captured = {
      method: request.method,
      path: p,
      idempotencyKey: request.headers.get('Idempotency-Key'),
      ifMatch: request.headers.get('If-Match'),
      body: '',
    };
    seen.push(entry);
    void request
      .clone()
      .text()
      .then((t) => {
        entry.body = t;
      });
  };
  server.events.on('request:start', listener);
  stops.push(() => server.events.removeListener('request:start', listener));
  return seen;
}

/** `count` requests were sent, all with one and the same Idempotency-Key (a real one). */
export function expectSameKey(sent: Captured[], count: number) {
  expect(sent).toHaveLength(count);
  expect(sent[0]!.idempotencyKey).toMatch(/\S{8,}/);
  expect(new Set(sent.map((s) => s.idempotencyKey)).size).toBe(1);
}

/**
 * Once: the next `method` request to `path` (an MSW path below /api/v1) reaches the real handler,
 * which saves it (answering `savedStatus`), and then the reply is lost: the app gets a 503. The
 * server sees two requests: the app's and its forward.
 */
export function loseReplyOnce(
  method: 'post' | 'put' | 'patch' | 'delete',
  path: string,
  savedStatus = 201,
) {
  server.use(
    http[method](
      `*/api/v1${path}`,
      async ({ request }) => {
        const saved = await fetch(request.url, {
          method: request.method,
          headers: request.headers,
          body: await request.text(),
        });
        expect(saved.status).toBe(savedStatus);
        return HttpResponse.json(
          { type: 'about:blank', title: 'Service Unavailable', status: 503 },
          { status: 503, headers: { 'Content-Type': 'application/problem+json' } },
        );
      },
      { once: true },
    ),
  );
}

/** No query is loading: faults set now hit only what the test does next. */
export async function settled(queryClient: QueryClient) {
  await waitFor(() => {
    expect(queryClient.isFetching()).toBe(0);
    expect(queryClient.isMutating()).toBe(0);
  });
}

/**
 * Refetches every query, as a window focus does once the data is 30 s old, and waits until the one
 * under `queryKey` has failed (the faults being set).
 */
export async function refetchFails(queryClient: QueryClient, queryKey: QueryKey) {
  await act(() => queryClient.invalidateQueries());
  await waitFor(() => expect(queryClient.getQueryState(queryKey)?.status).toBe('error'));
}

/* ------------------------------------------------------------------------------------------ */
/* The UI                                                                                      */
/* ------------------------------------------------------------------------------------------ */

/** The button shows Mantine's loading state (spinner, disabled). */
export function expectLoading(button: HTMLElement) {
  expect(button).toHaveAttribute('data-loading', 'true');
  expect(button).toBeDisabled();
}

/**
 * Picks `option` in the Mantine Select labelled `label`. In jsdom every element measures 0×0, so
 * the open dropdown stays display:none: the listbox and its options are found with `hidden: true`.
 */
export async function pickOption(
  user: UserEv,
  label: string,
  option: string,
  scope: HTMLElement = document.body,
) {
  await user.click(within(scope).getByRole('combobox', { name: label }));
  const listbox = await screen.findByRole('listbox', { name: label, hidden: true });
  await user.click(within(listbox).getByRole('option', { name: option, hidden: true }));
}

/** Replaces what `field` holds by typing `text`. */
export async function retype(user: UserEv, field: HTMLElement, text: string) {
  await user.clear(field);
  await user.type(field, text);
}

/**
 * Enters `text` into `field` in one go (a click, then a paste): what these tests check is that
 * the input is kept and sent, not keystrokes, and typing long text character by character costs
 * a render of the whole form per character in jsdom.
 */
export async function enter(user: UserEv, field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

/** Replaces what a text `field` holds by `text`, entered in one go (see `enter`). */
export async function reenter(user: UserEv, field: HTMLElement, text: string) {
  await user.clear(field);
  await user.paste(text);
}

/** The alert (role="alert") within `scope` that says `text`; other alerts (reminders) may be shown too. */
export function findAlertWith(text: string, scope: HTMLElement = document.body) {
  return waitFor(() => {
    const found = within(scope)
      .queryAllByRole('alert')
      .find((a) => a.textContent?.includes(text));
    if (!found) throw new Error(`no alert saying “${text}”`);
    return found;
  });
}

/** How many `/${collection}` the clerk finds (`q`: the search). Logs in: not under faults. */
export async function countRecords(collection: string, q?: string) {
  const clerk = await as('clerk');
  const query = q ? `&q=${encodeURIComponent(q)}` : '';
  const r = await clerk.get<{ total: number }>(`/${collection}?pageSize=1${query}`);
  expect(r.status).toBe(200);
  return r.body.total;
}

/* ------------------------------------------------------------------------------------------ */
/* Register forms (letters, applications)                                                      */
/* ------------------------------------------------------------------------------------------ */

/** A form that registers a new record, as its resilience tests drive it. */
export interface RegisterForm {
  /** The records' collection below /api/v1 and in the app (`letters`): the form is at `/…/new`. */
  collection: string;
  /** The form's accessible name and its submit button. */
  name: string;
  submit: string;
  /** The draft in localStorage, and its value that holds the text the test types. */
  draftKey: string;
  draftField: string;
  /** Fills in every field, `text` in the one the record's heading shows. */
  fill: (user: UserEv, text: string) => Promise<void>;
  expectTyped: (text: string) => void;
}

/**
 * The empty form, as the clerk, filled in with `text`; once the app is idle (so that faults set
 * next hit only the submit) its POSTs are captured.
 */
async function openRegisterForm(f: RegisterForm, text: string) {
  const view = await renderApp({ route: `/${f.collection}/new`, user: 'clerk' });
  const form = await screen.findByRole('form', { name: f.name });
  await f.fill(view.user, text);
  await settled(view.queryClient);
  const posts = captureRequests('POST', `/${f.collection}`);
  const button = (name: string) => within(form).getByRole('button', { name });
  return {
    ...view,
    form,
    posts,
    submit: () => view.user.click(button(f.submit)),
    retry: () => view.user.click(button('重试')),
    /** The 503 message in the form (its alert's title). */
    async expectServerError() {
      const alert = await within(form).findByRole('alert', { name: SERVER_503 });
      expect(alert).toHaveTextContent(SERVER_503);
      return alert;
    },
    /** The new record's page has opened. */
    async expectOpened() {
      const detail = new RegExp(`^/${f.collection}/[0-9a-f-]{36}$`);
      await waitFor(() => expect(view.router.state.location.pathname).toMatch(detail));
    },
  };
}

/**
 * Fail → keep → retry → one record, same key. The submit fails `failures` times with a 503: the
 * form says so with the retry hint, keeps every field, stays put, and its draft (which survives a
 * reload too) holds the text and the Idempotency-Key the request carried. Once the server is back
 * the retry opens the new record; every request carried that one key, there is one record more and
 * one with `text`, and the draft is gone.
 */
export async function failKeepRetry(f: RegisterForm, text: string, failures = 1) {
  const faults = await faultInjector();
  const before = await countRecords(f.collection);
  const view = await openRegisterForm(f, text);
  const { posts, router } = view;

  await faults.fail(503);
  await view.submit();
  expect(await view.expectServerError()).toHaveTextContent(RETRY_HINT);
  f.expectTyped(text);
  expect(router.state.location.pathname).toBe(`/${f.collection}/new`);
  const draft = JSON.parse(localStorage.getItem(f.draftKey)!);
  expect(draft.values[f.draftField]).toBe(text);
  expect(posts).toHaveLength(1);
  expect(draft.key).toBe(posts[0]!.idempotencyKey);
  // Another failure changes nothing either.
  for (let sent = 2; sent <= failures; sent++) {
    await view.retry();
    await waitFor(() => expect(posts).toHaveLength(sent));
    await view.expectServerError();
  }

  await faults.clear();
  await view.retry();
  await view.expectOpened();
  expect(await screen.findByRole('heading', { name: text })).toBeInTheDocument();
  expectSameKey(posts, failures + 1);
  expect(await countRecords(f.collection)).toBe(before + 1);
  expect(await countRecords(f.collection, text)).toBe(1);
  expect(localStorage.getItem(f.draftKey)).toBeNull();
  return { ...view, before, key: posts[0]!.idempotencyKey };
}

/**
 * The reply is lost after the server saved the record: the form says so and keeps the input, the
 * record is there (the app does not know), and the retry replays it: the new record's page opens,
 * and all three requests (the first, its forward, the retry) carried one Idempotency-Key; there is
 * one record more, and one with `text`.
 */
export async function lostReplyRetry(f: RegisterForm, text: string) {
  const before = await countRecords(f.collection);
  const view = await openRegisterForm(f, text);
  loseReplyOnce('post', `/${f.collection}`);

  await view.submit();
  await view.expectServerError();
  f.expectTyped(text);
  expect(await countRecords(f.collection, text)).toBe(1); // saved, but the app does not know

  await view.retry();
  await view.expectOpened();
  expectSameKey(view.posts, 3);
  expect(await countRecords(f.collection)).toBe(before + 1);
  expect(await countRecords(f.collection, text)).toBe(1);
}

/**
 * A slow server: a double click on submit shows progress (spinner, disabled) and a further click
 * sends nothing; the input stays, the new record's page opens, and one POST made one record.
 */
export async function slowDoubleClick(f: RegisterForm, text: string) {
  const faults = await faultInjector();
  const before = await countRecords(f.collection);
  const view = await openRegisterForm(f, text);

  await faults.slow(800);
  const submit = within(view.form).getByRole('button', { name: f.submit });
  await view.user.dblClick(submit);
  await waitFor(() => expectLoading(submit));
  await view.user.click(submit);
  f.expectTyped(text);
  // The POST under way keeps its delay (taken when it arrived); what follows (the new record's
  // page) need not wait too.
  await faults.clear();
  await view.expectOpened();
  // The detail page's own requests finish under this test's session before it ends.
  await settled(view.queryClient);
  expect(view.posts).toHaveLength(1);
  expect(await countRecords(f.collection)).toBe(before + 1);
  expect(await countRecords(f.collection, text)).toBe(1);
}

/* ------------------------------------------------------------------------------------------ */
/* Action dialogs on a record's page (letters, applications)                                   */
/* ------------------------------------------------------------------------------------------ */

interface Versioned {
  id: string;
  version: number;
  serialNo: string;
}

/** The page of `record` in `collection`, as `user`, and the dialog of its action `label`. */
export async function openActionDialog(
  collection: string,
  record: Versioned,
  user: string,
  label: string,
) {
  const view = await renderApp({ route: `/${collection}/${record.id}`, user });
  expect(await screen.findByTestId('serial-no')).toHaveTextContent(record.serialNo);
  await view.user.click(screen.getByRole('button', { name: label }));
  const title = `${label} · ${record.serialNo}`;
  const dialog = await screen.findByRole('dialog', { name: title });
  return { ...view, dialog, title };
}

/**
 * An outage while the dialog is open: the refetch of the record (under `queryKey`) fails with a
 * 503, and both the record's page and the dialog stay.
 */
export async function refetchFailsUnderDialog(
  faults: Faults,
  page: { queryClient: QueryClient; dialog: HTMLElement; title: string },
  record: Versioned,
  queryKey: QueryKey,
) {
  await faults.fail(503);
  await refetchFails(page.queryClient, queryKey);
  expect(screen.getByTestId('serial-no')).toHaveTextContent(record.serialNo);
  expect(screen.getByRole('dialog', { name: page.title })).toBe(page.dialog);
}

/** An action dialog: its button and title, what a test enters, and how it sees that kept. */
export interface DialogInput {
  label: string;
  fill: (user: UserEv, dialog: HTMLElement) => Promise<void>;
  expectKept: (dialog: HTMLElement) => void;
}

/**
 * The action `c.label` on `record`'s page: the dialog filled in, a submit under a 503 keeps it open
 * with the message and the input (the button enabled, no `success`); once the server is back the
 * retry shows `success` and closes it. Both POSTs (to `post`, below /api/v1) carried the version
 * first read as If-Match; the record is one version on, its audit trail one entry longer, and
 * nothing about it is left in localStorage. Returns the record afterwards.
 */
export async function actionAfter503<T extends Versioned>(
  c: DialogInput,
  on: {
    collection: string;
    entity: string;
    record: T;
    user: string;
    post: string | RegExp;
    success: string;
  },
): Promise<T> {
  const { record } = on;
  const faults = await faultInjector();
  const clerk = await as('clerk');
  const audit = async () =>
    (await clerk.get<unknown[]>(`/audit?entity=${on.entity}&id=${record.id}`)).body;
  const auditBefore = (await audit()).length;
  const { user, queryClient, dialog, title } = await openActionDialog(
    on.collection,
    record,
    on.user,
    c.label,
  );
  await c.fill(user, dialog);
  await settled(queryClient);
  const posts = captureRequests('POST', on.post);

  await faults.fail(503);
  await user.click(within(dialog).getByRole('button', { name: c.label }));
  expect(await within(dialog).findByRole('alert')).toHaveTextContent(SERVER_503);
  expect(screen.getByRole('dialog', { name: title })).toBe(dialog);
  c.expectKept(dialog);
  expect(within(dialog).getByRole('button', { name: c.label })).toBeEnabled();
  expect(screen.queryByText(on.success)).not.toBeInTheDocument();

  await faults.clear();
  await user.click(within(dialog).getByRole('button', { name: c.label }));
  expect(await screen.findByText(on.success)).toBeInTheDocument();
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

  expect(posts).toHaveLength(2);
  const sentVersion = `"${record.version}"`;
  expect(posts.map((p) => p.ifMatch)).toEqual([sentVersion, sentVersion]);
  const after = (await clerk.get<T>(`/${on.collection}/${record.id}`)).body;
  expect(after.version).toBe(record.version + 1);
  expect(await audit()).toHaveLength(auditBefore + 1);
  expect(Object.keys(localStorage).filter((k) => k.includes(record.id))).toEqual([]);
  return after;
}
