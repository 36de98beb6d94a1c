/**
 * What a letter action's toast says (issue #20): what happened to which letter, to whom and until
 * when — 「XF-2026-0012 已转办至社会救助科，须于 2026年12月20日 前办结」. Pure: the letter as the
 * server returned it after the action.
 */
import { formatDate } from '@/lib/format';
import type { Locale, Params } from '@/lib/i18n/core';
import type { LetterAction } from './rules';
import type { Letter } from './types';

type Tx = (key: string, params?: Params) => string;

export function letterActionToast(
  action: LetterAction,
  letter: Letter,
  tx: Tx,
  locale: Locale,
  sectionName: (id: string | null) => string,
): string {
  const params: Params = {
    serialNo: letter.serialNo,
    section: sectionName(letter.sectionId),
    dueOn: formatDate(letter.dueOn, locale),
    days: letter.extensionRequest?.days ?? letter.extension?.days ?? 0,
    repliedOn: formatDate(letter.reply?.repliedOn, locale),
    timeliness: tx(`letters.records.toasts.${letter.onTime === false ? 'late' : 'onTime'}`),
  };
  return tx(`letters.records.toasts.${action}`, params);
}
