/**
 * Transitional (issue #15, stage A): synchronous helpers over the global db for the services not
 * yet moved to the domain layer (server/domain/*, async over the storage port). The rules are the
 * domain's; these only read the stores, or store what the domain's pure builders make. Inside a
 * request's transaction the db reads and writes through its overlay (memory-storage.ts), so what
 * they write commits or rolls back with it. Delete each as its last caller moves.
 */
import type { TimeLimits } from '@/features/letters/types';
import { DEFAULT_TIME_LIMITS } from '@/features/letters/types';
import type { Organisation } from '@/features/settings/types';
import type { Locale } from '@/lib/i18n/core';
import type { WorkdayCalendar } from '@/lib/workdays';
import type { AuditEntry } from '@/types/api';
import { checkOpenSection } from '../../server/domain/accounts';
import { auditEntry, type Actor, type AuditExtra } from '../../server/domain/audit';
import { calendarOf } from '../../server/domain/calendar';
import { DEFAULT_ORGANISATION } from '../../server/domain/settings';
import type { When } from '../../server/domain/time';
import type { View } from '../../server/domain/view';
import { nowInstant, today } from '../clock';
import { db } from '../db';

export { diff, SYSTEM_ACTOR, type Actor } from '../../server/domain/audit';
export { inScope } from '../../server/domain/letters';
export type { When };

export function audit(
  entity: string,
  entityId: string,
  action: string,
  actor: Actor | null,
  detail: string,
  extra: AuditExtra = {},
): AuditEntry {
  return db.audit.put(auditEntry(Date.now(), entity, entityId, action, actor, detail, extra));
}

export const now = (): When => ({ on: today(), at: nowInstant() });

function getSetting<T>(id: string, fallback: T): T {
  return (db.settings.get(id)?.value as T | undefined) ?? fallback;
}
export const timeLimits = () => getSetting<TimeLimits>('timeLimits', DEFAULT_TIME_LIMITS);
export const organisation = () => getSetting<Organisation>('organisation', DEFAULT_ORGANISATION);

let cached: WorkdayCalendar | null = null;
db.onChange(() => {
  cached = null;
});
/** The working-day calendar (cached until the stores change). */
export function calendar(): WorkdayCalendar {
  return (cached ??= calendarOf(db.calendarYears.all()));
}

/** A section's Chinese name for the history of a record (the id when it is unknown). */
export const sectionName = (id: string) => db.sections.get(id)?.name ?? id;

export const requireOpenSection = (id: string, locale: Locale, field = 'sectionId') =>
  checkOpenSection(db.sections.get(id), locale, field);

/** What presenting a record needs (calendar, alert window) as the global db has it now. */
export const view = (on: string = today()): View => ({
  cal: calendar(),
  dueSoonDays: timeLimits().dueSoonDays,
  today: on,
});
