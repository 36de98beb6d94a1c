import { Alert, Tabs } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { AuditLog } from '@/features/accounts/components/audit-log';
import { SectionsAdmin } from '@/features/accounts/components/sections-admin';
import { UsersAdmin } from '@/features/accounts/components/users-admin';
import { TimeLimitsForm } from '@/features/letters/components/time-limits-form';
import { DocumentNumberingForm } from '@/features/documents/components/document-numbering-form';
import { CalendarYears } from '@/features/settings/components/calendar-years';
import { OrganisationForm } from '@/features/settings/components/organisation-form';
import { chinaToday } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { useSession } from '@/lib/session';

const TABS = ['calendar', 'time-limits', 'organisation', 'document-numbering'] as const;
/** Accounts and the audit log: the administrator's alone (the backend answers others 403). */
const ADMIN_TABS = ['users', 'sections', 'audit'] as const;

export default function SettingsRoute() {
  const { t } = useI18n();
  const { hasRole } = useSession();
  const isAdmin = hasRole('admin');
  const [params, setParams] = useSearchParams();
  const tabs: readonly string[] = isAdmin ? [...TABS, ...ADMIN_TABS] : TABS;
  const tab = tabs.includes(params.get('tab') ?? '') ? params.get('tab')! : 'calendar';
  return (
    <>
      <PageHeader title={t('settings.title')} />
      {!isAdmin && (
        <Alert variant="light" color="gray" mb="md">
          {t('settings.adminOnly')}
        </Alert>
      )}
      <Tabs value={tab} onChange={(v) => setParams(v ? { tab: v } : {})} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="calendar">{t('settings.calendarTab')}</Tabs.Tab>
          <Tabs.Tab value="time-limits">{t('settings.timeLimitsTab')}</Tabs.Tab>
          <Tabs.Tab value="organisation">{t('settings.organisationTab')}</Tabs.Tab>
          <Tabs.Tab value="document-numbering">{t('documents.numbering.tab')}</Tabs.Tab>
          {isAdmin && (
            <>
              <Tabs.Tab value="users">{t('accounts.usersTab')}</Tabs.Tab>
              <Tabs.Tab value="sections">{t('accounts.sectionsTab')}</Tabs.Tab>
              <Tabs.Tab value="audit">{t('accounts.auditTab')}</Tabs.Tab>
            </>
          )}
        </Tabs.List>
        <Tabs.Panel value="calendar">
          <CalendarYears canEdit={isAdmin} defaultYear={Number(chinaToday().slice(0, 4)) + 1} />
        </Tabs.Panel>
        <Tabs.Panel value="time-limits">
          <TimeLimitsForm canEdit={isAdmin} />
        </Tabs.Panel>
        <Tabs.Panel value="organisation">
          <OrganisationForm canEdit={isAdmin} />
        </Tabs.Panel>
        <Tabs.Panel value="document-numbering">
          <DocumentNumberingForm canEdit={isAdmin} />
        </Tabs.Panel>
        {isAdmin && (
          <>
            <Tabs.Panel value="users">
              <UsersAdmin />
            </Tabs.Panel>
            <Tabs.Panel value="sections">
              <SectionsAdmin />
            </Tabs.Panel>
            <Tabs.Panel value="audit">
              <AuditLog />
            </Tabs.Panel>
          </>
        )}
      </Tabs>
    </>
  );
}
