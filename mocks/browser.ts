import { http, passthrough } from 'msw';
import { setupWorker } from 'msw/browser';
import { db } from './db';
import { handlers } from './handlers';
import { API } from './http';
import { IdbPersistence } from './persistence/idb';
import { seedAll } from './seed';

/** Wait for the store before answering anything. */
const ready = http.all(`${API}/*`, async () => {
  await db.ready;
  return undefined;
});

export const worker = setupWorker(ready, ...handlers);

export async function startMockBackend() {
  void db.init(new IdbPersistence(), seedAll);
  await worker.start({
    onUnhandledRequest: (req, print) => {
      if (new URL(req.url).pathname.startsWith('/api/')) print.warning();
    },
    quiet: true,
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  });
  await db.ready;
}

export { passthrough };
