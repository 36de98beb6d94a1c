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

/**
 * The order in which a request is matched: the first route whose method and path match answers.
 * Before the resources: `/letters/:id/:action` would answer `/letters/:id/attachments` with 404.
 */
export const matchOrder: ApiRoute[] = [
  ...openapiRoutes,
  ...authRoutes,
  ...referenceRoutes,
  ...calendarRoutes,
  ...settingsRoutes,
  ...adminRoutes,
  ...accountRoutes,
  ...auditRoutes,
  ...attachmentRoutes,
  ...documentRoutes,
  ...letterRoutes,
  ...catalogueRoutes,
  ...applicationRoutes,
  ...assistanceRoutes,
  ...dashboardRoutes,
  ...todoRoutes,
  ...reportRoutes,
  ...eventRoutes,
];

/** The MSW handlers: faults first (they fall through), then the routes in their order. */
export const handlers = [...faultHandlers, ...mswOf(matchOrder)];
