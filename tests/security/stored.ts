/**
 * What the mock's stores hold, to show that a refused request wrote nothing — taken and compared
 * in milliseconds rather than as the stores' JSON (about 3 MB, mostly the seeded monthly figures:
 * two of them and their comparison cost about 0.1 s a test, most of a refused request's test).
 *
 * The reset before each test loads the seed's records deep-frozen (mocks/node.ts): such a record
 * cannot change, so it is the same as before exactly when it is the same object. Any other record
 * (written since the reset) is compared by its JSON. Records are listed store by store in the
 * store's order with their ids, so an added, removed, replaced or reordered record shows.
 */
import { db, STORE_NAMES, type StoreName } from '@mocks/db';

/** Every store but the sessions (a read pushes a session's expiry on). */
export const KEPT_STORES: StoreName[] = STORE_NAMES.filter((s) => s !== 'sessions');

export type Stored = readonly unknown[];

/** The records of `stores`: store, id, and the record (frozen) or its JSON, for each in order. */
export function stored(stores: StoreName[] = KEPT_STORES): Stored {
  const out: unknown[] = [];
  for (const s of stores)
    for (const r of db.store(s).all())
      out.push(s, r.id, Object.isFrozen(r) ? r : JSON.stringify(r));
  return out;
}

/** '' when `after` holds what `before` did; else the first record that differs. */
export function storedChange(before: Stored, after: Stored): string {
  const n = Math.max(before.length, after.length);
  for (let i = 0; i < n; i += 3) {
    if (
      before[i] !== after[i] ||
      before[i + 1] !== after[i + 1] ||
      before[i + 2] !== after[i + 2]
    ) {
      const at = (st: Stored) => (i < st.length ? `${st[i]}/${st[i + 1]}` : 'nothing');
      return `${at(before)} became ${at(after)}${before[i + 1] === after[i + 1] ? ' (changed)' : ''}`;
    }
  }
  return '';
}
