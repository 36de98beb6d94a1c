import { accountRoutes } from './accounts';
import { adminHandlers } from './admin';
import { applicationRoutes } from './applications';
import { assistanceRoutes } from './assistance';
import { attachmentHandlers } from './attachments';
import { auditRoutes } from './audit';
import { authRoutes } from './auth';
import { calendarRoutes } from './calendar';
import { catalogueRoutes } from './catalogue';
import { dashboardHandlers } from './dashboard';
import { documentRoutes } from './documents';
import { eventHandlers } from './events';
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
 * handler and its OpenAPI entry are made. The modules not yet in it (events, admin, attachments,
 * dashboard) still export MSW handlers and a `…Docs` list apart.
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
];

/** Order matters: faults first (they fall through), then the resources. */
export const handlers = [
  ...faultHandlers,
  ...mswOf(openapiRoutes),
  ...mswOf(authRoutes),
  ...mswOf(referenceRoutes),
  ...mswOf(calendarRoutes),
  ...mswOf(settingsRoutes),
  ...adminHandlers,
  ...mswOf(accountRoutes),
  ...mswOf(auditRoutes),
  // Before the resources: `/letters/:id/:action` would answer `/letters/:id/attachments` with 404.
  ...attachmentHandlers,
  ...mswOf(documentRoutes),
  ...mswOf(letterRoutes),
  ...mswOf(catalogueRoutes),
  ...mswOf(applicationRoutes),
  ...mswOf(assistanceRoutes),
  ...dashboardHandlers,
  ...mswOf(todoRoutes),
  ...mswOf(reportRoutes),
  ...eventHandlers,
];
