import { delay, http } from 'msw';
import { faults } from '../faults';
import { API, HttpError, problemResponse } from '../http';

/**
 * What /admin/faults asks of a call: a delay, then now and then a failure (never of that call
 * itself); undefined when the call goes on to its handler.
 */
export async function injectedFault(request: Request): Promise<Response | undefined> {
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
}

/** Runs before every other handler: slows or fails calls as /admin/faults says. */
export const faultHandlers = [http.all(`${API}/*`, ({ request }) => injectedFault(request))];
