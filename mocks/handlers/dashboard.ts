import type { Route } from '../openapi-route';

/** GET /dashboard (leadership KPIs) lands with its issue. */
export const dashboardHandlers = [];
export const dashboardDocs: Route[] = [];
