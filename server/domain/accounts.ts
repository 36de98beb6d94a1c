/**
 * Users and sections as the administrator manages them (issue #16). Validation first, then the
 * changes, in the caller's transaction: nothing is written on error. Every change is audited with who,
 * when and from which address; passwords never reach the audit trail or an answer but once (the
 * one-time password of a new account or a reset).
 */
import {
  userShapeSchema,
  type SectionCreateInput,
  type SectionPatchInput,
  type userCreateSchema,
  type userPatchSchema,
  type usersQuerySchema,
} from '@/features/accounts/types';
import { translate, type Locale } from '@/lib/i18n/core';
import type { Paged, Section, User } from '@/types/api';
import type { z } from 'zod';
import { audit, diff, type Actor } from './audit';
import { errors } from './errors';
import { hashPassword, temporaryPassword } from './passwords';
import type { ReadTx, Tx } from './ports';
import { publicUser, type SectionRecord, type UserRecord } from './records';
import { endSessionsOf } from './sessions';

/** Who did it and from where: every account change is audited with the caller's address. */
export interface Caller {
  actor: Actor;
  address: string;
  locale: Locale;
}

const invalid = (locale: Locale, field: string, key: string, params?: Record<string, string>) =>
  errors.validation({ [field]: translate(locale, key, params) });

// --- Sections -----------------------------------------------------------------------------------

export const sortSections = (all: SectionRecord[]): Section[] =>
  all.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id)).map(present);

export const listSections = async (tx: ReadTx): Promise<Section[]> =>
  sortSections(await tx.sections.all());

const present = ({ order: _order, ...s }: SectionRecord): Section => s;

/** A section's Chinese name for the history of a record (the id when it is unknown). */
export const sectionName = async (tx: ReadTx, id: string) =>
  (await tx.sections.get(id))?.name ?? id;

/**
 * A section that may take new work (a transfer, a user): it exists and is not retired. Letters and
 * applications already with a retired section keep it.
 */
export function checkOpenSection(
  s: SectionRecord | undefined,
  locale: Locale,
  field = 'sectionId',
): SectionRecord {
  if (!s) throw invalid(locale, field, 'accounts.validation.sectionUnknown');
  if (s.retired)
    throw invalid(locale, field, 'accounts.validation.sectionRetired', { name: s.name });
  return s;
}

export const requireOpenSection = async (
  tx: ReadTx,
  id: string,
  locale: Locale,
  field = 'sectionId',
) => checkOpenSection(await tx.sections.get(id), locale, field);

async function nameTaken(tx: ReadTx, name: string, except?: string) {
  const key = name.replace(/\s+/g, '');
  return (await tx.sections.all()).some(
    (s) => s.id !== except && s.name.replace(/\s+/g, '') === key,
  );
}

export async function createSection(
  tx: Tx,
  input: Required<SectionCreateInput>,
  by: Caller,
): Promise<Section> {
  if (await nameTaken(tx, input.name))
    throw invalid(by.locale, 'name', 'accounts.validation.sectionNameTaken');
  const order = Math.max(0, ...(await tx.sections.all()).map((s) => s.order)) + 1;
  const rec: SectionRecord = {
    id: `s-${crypto.randomUUID().slice(0, 8)}`,
    name: input.name,
    nameEn: input.nameEn,
    retired: false,
    version: 1,
    order,
  };
  await tx.sections.put(rec);
  await audit(tx, 'section', rec.id, 'section_created', by.actor, `新增科室：${rec.name}`, {
    event: { type: 'section_created', params: { name: rec.name, nameEn: rec.nameEn ?? null } },
    after: present(rec),
    address: by.address,
  });
  return present(rec);
}

export async function updateSection(
  tx: Tx,
  rec: SectionRecord,
  input: SectionPatchInput,
  by: Caller,
): Promise<Section> {
  if (input.name !== undefined && (await nameTaken(tx, input.name, rec.id)))
    throw invalid(by.locale, 'name', 'accounts.validation.sectionNameTaken');
  const next: SectionRecord = {
    ...rec,
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.nameEn !== undefined ? { nameEn: input.nameEn } : {}),
    ...(input.retired !== undefined ? { retired: input.retired } : {}),
    version: rec.version + 1,
  };
  await tx.sections.put(next);
  const action =
    input.retired === true && !rec.retired
      ? 'section_retired'
      : input.retired === false && rec.retired
        ? 'section_restored'
        : 'section_changed';
  const change = diff(present(rec), present(next));
  await audit(tx, 'section', rec.id, action, by.actor, `科室：${next.name}`, {
    ...change,
    event: { type: action, params: { name: next.name, nameEn: next.nameEn ?? null } },
    address: by.address,
  });
  return present(next);
}

// --- Users --------------------------------------------------------------------------------------

export async function listUsers(
  tx: ReadTx,
  q: z.infer<typeof usersQuerySchema>,
): Promise<Paged<User>> {
  const needle = q.q?.toLowerCase();
  const items = (await tx.users.all())
    .filter(
      (u) =>
        (!needle ||
          u.username.toLowerCase().includes(needle) ||
          u.name.toLowerCase().includes(needle) ||
          (u.phone ?? '').includes(needle)) &&
        (!q.role || u.role === q.role) &&
        (!q.sectionId || u.sectionId === q.sectionId) &&
        (q.active === undefined || (u.active !== false) === q.active),
    )
    .sort(
      (a, b) =>
        Number(b.active !== false) - Number(a.active !== false) ||
        a.username.localeCompare(b.username),
    );
  const start = (q.page - 1) * q.pageSize;
  return {
    items: items.slice(start, start + q.pageSize).map(publicUser),
    total: items.length,
    page: q.page,
    pageSize: q.pageSize,
  };
}

const activeAdmins = async (tx: ReadTx, except: string) =>
  (await tx.users.all()).filter((u) => u.id !== except && u.role === 'admin' && u.active !== false)
    .length;

export async function createUser(
  tx: Tx,
  input: z.output<typeof userCreateSchema>,
  by: Caller,
): Promise<{ user: User; temporaryPassword: string }> {
  // One writer at a time: no other create of this username can come between check and put.
  if ((await tx.users.all()).some((u) => u.username.toLowerCase() === input.username))
    throw invalid(by.locale, 'username', 'accounts.validation.usernameTaken');
  if (input.sectionId) await requireOpenSection(tx, input.sectionId, by.locale);
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  const rec: UserRecord = {
    id: `u-${crypto.randomUUID()}`,
    username: input.username,
    name: input.name,
    role: input.role,
    sectionId: input.sectionId ?? null,
    phone: input.phone ?? null,
    active: true,
    mustChangePassword: true,
    version: 1,
    passwordHash,
  };
  await tx.users.put(rec);
  const user = publicUser(rec);
  await audit(
    tx,
    'user',
    rec.id,
    'user_created',
    by.actor,
    `新增用户：${rec.name}（${rec.username}）`,
    {
      event: { type: 'user_created', params: { name: rec.name, username: rec.username } },
      after: user,
      address: by.address,
    },
  );
  return { user, temporaryPassword: password };
}

export async function updateUser(
  tx: Tx,
  rec: UserRecord,
  input: z.output<typeof userPatchSchema>,
  by: Caller & { sessionId: string },
): Promise<User> {
  const next: UserRecord = {
    ...rec,
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.role !== undefined ? { role: input.role } : {}),
    ...(input.sectionId !== undefined ? { sectionId: input.sectionId } : {}),
    ...(input.phone !== undefined ? { phone: input.phone } : {}),
    ...(input.active !== undefined ? { active: input.active } : {}),
    version: (rec.version ?? 1) + 1,
  };
  // A role that drops its section, or takes one, needs no second field: the pair is what counts.
  if (input.role !== undefined && input.role !== 'handler' && input.sectionId === undefined)
    next.sectionId = null;
  const shape = userShapeSchema.safeParse(next);
  if ((input.role !== undefined || input.sectionId !== undefined) && !shape.success)
    throw invalid(by.locale, 'sectionId', shape.error.issues[0]?.message ?? 'validation.invalid');
  if (next.sectionId && next.sectionId !== rec.sectionId)
    await requireOpenSection(tx, next.sectionId, by.locale);
  // Nobody locks the bureau out: the last active administrator stays one.
  const stillAdmin = next.role === 'admin' && next.active !== false;
  if (rec.role === 'admin' && !stillAdmin && (await activeAdmins(tx, rec.id)) === 0)
    throw invalid(
      by.locale,
      input.active === false ? 'active' : 'role',
      'accounts.validation.lastAdmin',
    );
  if (rec.id === by.actor.id && input.active === false)
    throw invalid(by.locale, 'active', 'accounts.validation.notYourself');
  await tx.users.put(next);
  const before = publicUser(rec);
  const after = publicUser(next);
  const disabled = rec.active !== false && next.active === false;
  const enabled = rec.active === false && next.active !== false;
  // A disabled account's sessions end now (its next request is 401 in any case).
  if (disabled) await endSessionsOf(tx, rec.id);
  await audit(
    tx,
    'user',
    rec.id,
    disabled ? 'user_disabled' : enabled ? 'user_enabled' : 'user_changed',
    by.actor,
    `${disabled ? '停用' : enabled ? '启用' : '修改'}用户：${next.name}（${next.username}）`,
    {
      ...diff(before, after),
      address: by.address,
      event: {
        type: disabled ? 'user_disabled' : enabled ? 'user_enabled' : 'user_changed',
        params: { name: next.name, username: next.username },
      },
    },
  );
  return after;
}

/**
 * A one-time password in place of the old one; every session of the user ends. Not a new version
 * of the user: the version guards the fields an administrator edits (PATCH), and a reset (like the
 * user's own password change) does not make such an edit stale.
 */
export async function resetPassword(tx: Tx, rec: UserRecord, by: Caller): Promise<string> {
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  const now = (await tx.users.getForUpdate(rec.id))!;
  await tx.users.put({ ...now, passwordHash, mustChangePassword: true });
  await endSessionsOf(tx, rec.id);
  await audit(
    tx,
    'user',
    rec.id,
    'password_reset',
    by.actor,
    `重置密码：${now.name}（${now.username}）`,
    {
      address: by.address,
      event: { type: 'password_reset', params: { name: now.name, username: now.username } },
    },
  );
  return password;
}
