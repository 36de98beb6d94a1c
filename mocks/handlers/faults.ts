import { delay, http } from 'msw';
import { faults } from '../faults';
import { API, HttpError, problemResponse } from '../http';

/** Runs before every other handler: slows or fails calls as /admin/faults says (never that call itself). */
export const faultHandlers = [
  http.all(`${API}/*`, async ({ request }) => {
    if (new URL(request.url).pathname.endsWith('/admin/faults')) return undefined;
    if (faults.latencyMs > 0) await delay(faults.latencyMs);
    if (faults.failRate > 0 && Math.random() < faults.failRate) {
      return problemResponse(
        new HttpError(faults.failStatus, 'injected-fault', 'Injected fault', {
          detail: 'Fault injected by /admin/faults',
        }),
      );
    }
    return undefined;
  }),
];
