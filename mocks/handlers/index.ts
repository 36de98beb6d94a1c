import { accountHandlers } from './accounts';
import { adminHandlers } from './admin';
import { applicationHandlers } from './applications';
import { assistanceRoutes } from './assistance';
import { attachmentHandlers } from './attachments';
import { auditHandlers } from './audit';
import { authHandlers } from './auth';
import { calendarRoutes } from './calendar';
import { catalogueRoutes } from './catalogue';
import { dashboardHandlers } from './dashboard';
import { documentHandlers } from './documents';
import { eventHandlers } from './events';
import { faultHandlers } from './faults';
import { letterHandlers } from './letters';
import { openapiHandlers } from './openapi';
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
];

/** Order matters: faults first (they fall through), then the resources. */
export const handlers = [
  ...faultHandlers,
  ...openapiHandlers,
  ...authHandlers,
  ...mswOf(referenceRoutes),
  ...mswOf(calendarRoutes),
  ...mswOf(settingsRoutes),
  ...adminHandlers,
  ...accountHandlers,
  ...auditHandlers,
  // Before the resources: `/letters/:id/:action` would answer `/letters/:id/attachments` with 404.
  ...attachmentHandlers,
  ...documentHandlers,
  ...letterHandlers,
  ...mswOf(catalogueRoutes),
  ...applicationHandlers,
  ...mswOf(assistanceRoutes),
  ...dashboardHandlers,
  ...mswOf(todoRoutes),
  ...mswOf(reportRoutes),
  ...eventHandlers,
];
