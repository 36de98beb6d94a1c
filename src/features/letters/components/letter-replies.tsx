import { Accordion, Text } from '@mantine/core';
import { formatDate } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import type { Letter, LetterReply } from '../types';
import classes from './letter-detail.module.css';

/** Who answered, when (答复日期) and how (答复方式; absent on replies recorded before #20). */
export function ReplyMeta({ reply }: { reply: LetterReply }) {
  const { t, locale } = useI18n();
  return (
    <Text size="xs" c="dimmed">
      {t('letters.detail.repliedBy')} {reply.repliedBy} · {t('letters.detail.repliedOn')}{' '}
      {formatDate(reply.repliedOn, locale)}
      {reply.method &&
        ` · ${t('letters.records.replyMethod')} ${t(`letters.records.replyMethods.${reply.method}`)}`}
    </Text>
  );
}

/** Replies set aside by 重办, collapsed, so the section sees what was answered before. */
export function PreviousReplies({ replies }: { replies: LetterReply[] }) {
  const { t } = useI18n();
  if (replies.length === 0) return null;
  return (
    <Accordion variant="contained" mt="md">
      <Accordion.Item value="previous">
        <Accordion.Control>
          {t('letters.records.previousReplies', { n: replies.length })}
        </Accordion.Control>
        <Accordion.Panel>
          {replies.map((r, i) => (
            <div key={i} className={classes.previous}>
              <Text size="sm" className={classes.prose}>
                {r.content}
              </Text>
              <ReplyMeta reply={r} />
              {r.reopenReason && (
                <Text size="xs" c="orange.8">
                  {t('letters.records.reopenedBecause', { reason: r.reopenReason })}
                </Text>
              )}
            </div>
          ))}
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}

/** The follow-up (回访) recorded at 办结. */
export function FollowUpNote({ letter }: { letter: Letter }) {
  const { t, locale } = useI18n();
  const f = letter.followUp;
  if (!f) return null;
  const colon = locale === 'zh-CN' ? '：' : ': ';
  return (
    <Text size="sm" mt="sm" data-testid="follow-up">
      {t('letters.records.followUp')}
      {colon}
      {t('letters.records.followUpLine', {
        date: formatDate(f.on, locale),
        method: t(`letters.records.followUpMethods.${f.method}`),
        by: f.by,
      })}
      {' · '}
      {f.satisfaction
        ? t(`letters.satisfactions.${f.satisfaction}`)
        : t('letters.records.reachedNo')}
      {f.closeReason && ` · ${t('letters.records.closeReason')}${colon}${f.closeReason}`}
    </Text>
  );
}
