import { accountRoutes } from './accounts';
import { adminRoutes } from './admin';
import { applicationRoutes } from './applications';
import { assistanceRoutes } from './assistance';
import { attachmentRoutes } from './attachments';
import { auditRoutes } from './audit';
import { authRoutes } from './auth';
import { calendarRoutes } from './calendar';
import { catalogueRoutes } from './catalogue';
import { dashboardRoutes } from './dashboard';
import { documentRoutes } from './documents';
import { eventRoutes } from './events';
import { faultHandlers } from './faults';
import { letterRoutes } from './letters';
import { openapiRoutes } from './openapi';
import { referenceRoutes } from './reference';
import { reportRoutes } from './reports';
import { settingsRoutes } from './settings';
import { todoRoutes } from './todo';

import { mswOf, type ApiRoute } from '../route';

/**
 * The route table: every endpoint declared once with `route()` (mocks/route.ts), from which its MSW
 * handler and its OpenAPI entry are made.
 */
export const apiRoutes: ApiRoute[] = [
  ...referenceRoutes,
  ...settingsRoutes,
  ...calendarRoutes,
  ...todoRoutes,
  ...reportRoutes,
  ...assistanceRoutes,
  ...catalogueRoutes,
  ...applicationRoutes,
  ...letterRoutes,
  ...accountRoutes,
  ...authRoutes,
  ...auditRoutes,
  ...documentRoutes,
  ...openapiRoutes,
  ...adminRoutes,
  ...attachmentRoutes,
  ...dashboardRoutes,
  ...eventRoutes,
];

/** Order matters: faults first (they fall through), then the resources. */
export const handlers = [
  ...faultHandlers,
  ...mswOf(openapiRoutes),
  ...mswOf(authRoutes),
  ...mswOf(referenceRoutes),
  ...mswOf(calendarRoutes),
  ...mswOf(settingsRoutes),
  ...mswOf(adminRoutes),
  ...mswOf(accountRoutes),
  ...mswOf(auditRoutes),
  // Before the resources: `/letters/:id/:action` would answer `/letters/:id/attachments` with 404.
  ...mswOf(attachmentRoutes),
  ...mswOf(documentRoutes),
  ...mswOf(letterRoutes),
  ...mswOf(catalogueRoutes),
  ...mswOf(applicationRoutes),
  ...mswOf(assistanceRoutes),
  ...mswOf(dashboardRoutes),
  ...mswOf(todoRoutes),
  ...mswOf(reportRoutes),
  ...mswOf(eventRoutes),
];
