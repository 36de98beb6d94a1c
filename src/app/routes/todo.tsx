import { useQuery } from '@tanstack/react-query';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { TodoView } from '@/features/todo/components/todo-view';
import { todoQueries } from '@/features/todo/api';
import { useI18n } from '@/lib/i18n/provider';
import { useSession } from '@/lib/session';
import { useSectionName } from '@/lib/sections';

/** /todo — 我的待办, the first page of the office and of the sections. */
export default function TodoRoute() {
  const { t } = useI18n();
  const { user } = useSession();
  const sectionName = useSectionName();
  const query = useQuery(todoQueries.mine());
  return (
    <>
      <PageHeader
        title={t('todo.title')}
        subtitle={
          user?.role === 'handler' && user.sectionId
            ? t('todo.sectionSubtitle', { section: sectionName(user.sectionId) })
            : t('todo.subtitle')
        }
      />
      <QueryState query={query} rows={6}>
        {(d) => <TodoView data={d} />}
      </QueryState>
    </>
  );
}
