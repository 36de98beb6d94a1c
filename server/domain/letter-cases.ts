/**
 * Finding people and cases (issue #20): the 重复件 link, the mayor's-mailbox
 * platform fields (completed later by the office) and the bulk actions of the letters list. The
 * rules themselves are in src/features/letters/rules.ts; this applies them to the store.
 */
import {
  ACTION_ROLES,
  duplicateError,
  platformDateErrors,
  type RuleError,
} from '@/features/letters/rules';
import type {
  BulkLetterResult,
  LetterRecord,
  LetterRef,
  UpdateLetterInput,
} from '@/features/letters/types';
import { translate, type Locale } from '@/lib/i18n/core';
import type { SectionId, User } from '@/types/api';
import { sectionName } from './accounts';
import { audit, diff } from './audit';
import { errors, HttpError } from './errors';
import {
  applyAction,
  inScope,
  letterView,
  maySeePhone,
  normalise,
  present,
  type When,
} from './letters';
import type { ReadTx, Tx } from './ports';
import { nowOf } from './time';

const ref = (rec: LetterRecord): LetterRef => ({ id: rec.id, serialNo: rec.serialNo });
const word = (locale: Locale, e: RuleError) => translate(locale, e.key, e.params);

/**
 * The letters the caller may see, for a 重复件 link (others read as absent): the rule walks the
 * chain of links synchronously, so the chain from `id` is read first.
 */
async function visible(tx: ReadTx, user: User, id: string) {
  const found = new Map<string, LetterRecord>();
  for (let cur: string | undefined = id; cur && !found.has(cur);) {
    const rec = await tx.letters.get(cur);
    if (!rec || !inScope(user, rec)) break;
    const n = normalise(rec);
    found.set(cur, n);
    cur = n.duplicateOf?.id;
  }
  return (want: string) => found.get(want);
}

/**
 * The extra fields of a new letter, checked: 422 with every field error at once. Returns the
 * resolved 重复件 reference.
 */
export async function checkCreateExtras(
  tx: ReadTx,
  body: {
    receivedOn: string;
    duplicateOf?: string | undefined;
    platformAssignedOn?: string | undefined;
  },
  user: User,
  today: string,
  locale: Locale,
): Promise<LetterRef | undefined> {
  const errs: Record<string, string> = {};
  for (const [k, e] of Object.entries(platformDateErrors(body, today))) errs[k] = word(locale, e);
  let target: LetterRef | undefined;
  if (body.duplicateOf) {
    const lookup = await visible(tx, user, body.duplicateOf);
    const e = duplicateError({ receivedOn: body.receivedOn }, body.duplicateOf, lookup);
    if (e) errs.duplicateOf = word(locale, e);
    else target = ref((await tx.letters.get(body.duplicateOf))!);
  }
  if (Object.keys(errs).length) throw errors.validation(errs);
  return target;
}

/**
 * PATCH: the 重复件 link and the platform fields. Nothing is written on any error; an unchanged
 * record keeps its version.
 */
export async function updateLetter(
  tx: Tx,
  stored: LetterRecord,
  patch: UpdateLetterInput,
  actor: User,
  when: When = nowOf(tx),
  locale: Locale = 'zh-CN',
): Promise<LetterRecord> {
  const rec = normalise(stored);
  const mailbox = rec.source === 'mayor_mailbox';
  const errs: Record<string, string> = {};
  const next: LetterRecord = { ...rec };
  for (const k of ['platformRef', 'platformAssignedOn', 'platformFeedbackOn'] as const) {
    const v = patch[k];
    if (v === undefined) continue;
    if (!mailbox && v !== null) {
      errs[k] = translate(locale, 'letters.cases.errors.mailboxOnly');
      continue;
    }
    next[k] = v === '' ? null : v;
  }
  for (const [k, e] of Object.entries(
    platformDateErrors(
      {
        receivedOn: rec.receivedOn,
        platformAssignedOn: next.platformAssignedOn,
        platformFeedbackOn: next.platformFeedbackOn,
      },
      when.on,
    ),
  ))
    // A date already stored is not re-judged unless this change touches the dates.
    if (patch.platformAssignedOn !== undefined || patch.platformFeedbackOn !== undefined)
      errs[k] ??= word(locale, e);
  if (patch.duplicateOf !== undefined) {
    if (patch.duplicateOf === null) next.duplicateOf = null;
    else {
      const lookup = await visible(tx, actor, patch.duplicateOf);
      const e = duplicateError(rec, patch.duplicateOf, lookup);
      if (e) errs.duplicateOf = word(locale, e);
      else next.duplicateOf = ref((await tx.letters.get(patch.duplicateOf))!);
    }
  }
  if (Object.keys(errs).length) throw errors.validation(errs);
  const d = diff(rec, next);
  if (Object.keys(d.after).length === 0) return rec;
  const written = { ...next, version: rec.version + 1, updatedAt: when.at };
  await tx.letters.put(written);
  const changed = Object.keys(d.after);
  await audit(tx, 'letter', rec.id, 'update', actor, `补充登记信息：${changed.join('、')}`, {
    at: when.at,
    event: {
      type: 'updated',
      params: {
        fields: changed.join(','),
        duplicateOf: next.duplicateOf?.serialNo ?? null,
        platformRef: next.platformRef ?? null,
        platformAssignedOn: next.platformAssignedOn ?? null,
        platformFeedbackOn: next.platformFeedbackOn ?? null,
      },
    },
    ...d,
  });
  return written;
}

type BulkItem = BulkLetterResult['results'][number];

/**
 * One action on many letters, each judged on its own (its version, its state, the caller's
 * scope) exactly as the single action would be; the ones that pass are written together, the
 * others are reported with the reason. Not all-or-nothing: the office wants the 18 of 20 that
 * can be transferred to go, and to see which 2 could not and why.
 */
export async function bulkAction(
  tx: Tx,
  input: {
    action: 'assign' | 'supervise';
    items: { id: string; version: number }[];
    sectionId?: SectionId | undefined;
    note?: string | undefined;
  },
  user: User,
  when: When = nowOf(tx),
  locale: Locale = 'zh-CN',
): Promise<BulkLetterResult> {
  const results: BulkItem[] = [];
  const seen = new Set<string>();
  const fail = (
    id: string,
    rec: LetterRecord | undefined,
    status: number,
    code: string,
    message: string,
  ): BulkItem => ({
    id,
    serialNo: rec?.serialNo ?? null,
    ok: false,
    status,
    code,
    message,
    letter: null,
  });
  const t = (key: string, params?: Record<string, string>) => translate(locale, key, params);
  for (const item of input.items) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    const rec = await tx.letters.getForUpdate(item.id);
    if (!rec || !inScope(user, rec)) {
      results.push(fail(item.id, undefined, 404, 'not-found', t('letters.cases.bulk.notFound')));
      continue;
    }
    if (!ACTION_ROLES[input.action].includes(user.role)) {
      results.push(fail(item.id, rec, 403, 'forbidden', t('errors.forbidden')));
      continue;
    }
    if (rec.version !== item.version) {
      results.push(fail(item.id, rec, 409, 'version-conflict', t('letters.cases.bulk.changed')));
      continue;
    }
    if (input.action === 'assign' && rec.sectionId === input.sectionId) {
      results.push(
        fail(
          item.id,
          rec,
          409,
          'invalid-transition',
          t('letters.cases.bulk.sameSection', {
            section: await sectionName(tx, input.sectionId!),
          }),
        ),
      );
      continue;
    }
    try {
      const next = await applyAction(
        tx,
        rec,
        input.action === 'assign'
          ? { action: 'assign', sectionId: input.sectionId!, note: input.note }
          : { action: 'supervise', note: input.note ?? '' },
        user,
        when,
        locale,
      );
      results.push({
        id: item.id,
        serialNo: rec.serialNo,
        ok: true,
        status: 200,
        code: null,
        message: null,
        letter: present(await letterView(tx, when.on), next, { mask: !maySeePhone(user, next) }),
      });
    } catch (e) {
      if (!(e instanceof HttpError)) throw e;
      const message =
        e.kind === 'invalid-transition'
          ? t('letters.cases.bulk.notAllowed', {
              status: t(`letters.statuses.${rec.status}`),
            })
          : (Object.values(e.extra.errors ?? {})[0] ?? e.extra.detail ?? e.problemTitle);
      results.push(fail(item.id, rec, e.status, e.kind, String(message)));
    }
  }
  const succeeded = results.filter((r) => r.ok).length;
  return { succeeded, failed: results.length - succeeded, results };
}
