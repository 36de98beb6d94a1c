/**
 * How a route is documented in the OpenAPI document (mocks/openapi.ts). The route table
 * (mocks/route.ts) makes these from each `route()`.
 */
import type { z } from 'zod';

export interface Route {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  roles: string;
  tag: string;
  query?: z.ZodObject;
  body?: z.ZodType;
  response?: z.ZodType;
  /** The response's media type when it is not JSON (e.g. text/event-stream, whose events `response` describes). */
  mediaType?: string;
  /** The request body's media type when it is not JSON (e.g. multipart/form-data). */
  bodyMediaType?: string;
  /** The success response's content as OpenAPI writes it, for bodies no zod schema describes (files). */
  responseContent?: Record<string, unknown>;
  status?: number;
  ifMatch?: boolean;
  idempotent?: boolean;
  errors?: number[];
  description?: string;
}

export const ALL_ROLES = 'admin, clerk, handler, leader';
