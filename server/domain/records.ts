/**
 * The stored records, store by store: what the storage port (ports.ts) reads and writes. The
 * feature records are the features' own types (src/features/*); these are the backend's own.
 */
import type { ApplicationRecord } from '@/features/applications/types';
import type { AssistanceFigure } from '@/features/assistance/types';
import type { Attachment } from '@/features/attachments/types';
import type { CatalogueRecord } from '@/features/catalogue/types';
import type { LetterRecord } from '@/features/letters/types';
import type { ReviewCase } from '@/features/reports/types';
import type { AdminYear } from '@/lib/workdays';
import type { AuditEntry, Section, User } from '@/types/api';

export interface UserRecord extends User {
  passwordHash: string;
}
/** A section (科室) as stored: `order` keeps the list in the bureau's order, added ones last. */
export interface SectionRecord extends Section {
  order: number;
}
export interface SessionRecord {
  /** SHA-256 of the token (hex): the token itself is never stored. */
  id: string;
  userId: string;
  createdAt: number;
  /** Idle expiry: pushed on by use (sliding), never past `absoluteExpiresAt`. */
  expiresAt: number;
  absoluteExpiresAt: number;
}
export interface SettingRecord {
  id: string;
  value: unknown;
  /** 1 on the first save, +1 on each; absent on records stored before settings had versions (= 1). */
  version?: number;
}
export interface IdempotencyRecord {
  id: string; // user, method, path and key
  hash: string; // SHA-256 of the request body
  status: number;
  body: unknown;
  at: string;
}
export interface CounterRecord {
  id: string;
  value: number;
}
export interface MetaRecord {
  id: string;
  value: unknown;
}
export type CalendarYearRecord = AdminYear & { id: string; version?: number };

/** Each store's record type. */
export interface StoreRecords {
  users: UserRecord;
  sessions: SessionRecord;
  settings: SettingRecord;
  calendarYears: CalendarYearRecord;
  audit: AuditEntry;
  idempotency: IdempotencyRecord;
  counters: CounterRecord;
  meta: MetaRecord;
  letters: LetterRecord;
  catalogue: CatalogueRecord;
  applications: ApplicationRecord;
  assistance: AssistanceFigure;
  reviews: ReviewCase;
  sections: SectionRecord;
  /** Attachments' metadata; their bytes are in the blob store. */
  attachments: Attachment;
}

/** Store names (and, in the browser mock, the IndexedDB object stores behind them). */
export const STORE_NAMES = [
  'users',
  'sessions',
  'settings',
  'calendarYears',
  'audit',
  'idempotency',
  'counters',
  'meta',
  'letters',
  'catalogue',
  'applications',
  'assistance',
  'reviews',
  'sections',
  'attachments',
] as const satisfies readonly (keyof StoreRecords)[];
export type StoreName = (typeof STORE_NAMES)[number];

/** A user as the API shows it: never the password hash. */
export function publicUser(u: UserRecord): User {
  return {
    id: u.id,
    username: u.username,
    name: u.name,
    role: u.role,
    sectionId: u.sectionId,
    phone: u.phone ?? null,
    active: u.active !== false,
    mustChangePassword: u.mustChangePassword === true,
    version: u.version ?? 1,
  };
}
