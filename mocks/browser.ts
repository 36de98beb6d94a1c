import { getResponse, http, passthrough } from 'msw';
import { setupWorker } from 'msw/browser';
import { setBlobStore } from './blobs';
import { db } from './db';
import { handlers } from './handlers';
import { API } from './http';
import { IdbBlobStore } from './persistence/idb-blobs';
import { IdbPersistence } from './persistence/idb';
import { seedAll } from './seed';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every API call, after the store is ready. Several tabs of one browser share the IndexedDB store
 * but each answers from its own memory: a change runs under one lock for all of them (the Web
 * Locks API), after catching up with whatever another tab wrote, so two tabs never hand out the
 * same serial number or both accept one version (one writer at a time, as on the server).
 */
const api = http.all(`${API}/*`, async ({ request }) => {
  await db.ready;
  if (READS.has(request.method) || !('locks' in navigator)) return getResponse(handlers, request);
  return navigator.locks.request('gkwb-mock-writer', async () => {
    await db.syncWithOtherTabs();
    return getResponse(handlers, request);
  });
});

export const worker = setupWorker(api);

/**
 * MSW's worker forgets this tab on `beforeunload`, so an API call still in flight (or started)
 * while the page reloads or navigates away would pass through to the static server and come back
 * as a 404 the browser logs. Abort those calls instead: the page is going away, and a real server
 * would not have been asked either. Registered after the worker's own listener, so it runs in the
 * same event, before any pass-through response can arrive.
 */
function abortApiCallsOnUnload() {
  const unloading = new AbortController();
  window.addEventListener('beforeunload', () => unloading.abort());
  const pageFetch = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (!new URL(url, location.href).pathname.startsWith('/api/')) return pageFetch(input, init);
    const signal = init?.signal
      ? AbortSignal.any([init.signal, unloading.signal])
      : unloading.signal;
    return pageFetch(input, { ...init, signal });
  };
}

export async function startMockBackend() {
  setBlobStore(new IdbBlobStore());
  void db.init(new IdbPersistence(), seedAll);
  await worker.start({
    onUnhandledRequest: (req, print) => {
      if (new URL(req.url).pathname.startsWith('/api/')) print.warning();
    },
    quiet: true,
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  });
  abortApiCallsOnUnload();
  await db.ready;
}

export { passthrough };
