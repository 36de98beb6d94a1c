// Types of server-process.mjs (plain JavaScript: the bench runs it in Node without a build step).

export interface RunningServer {
  /** The API's base, e.g. http://127.0.0.1:PORT/api/v1. */
  url: string;
  stop(): Promise<void>;
}

export function startServer(env: Record<string, string>): Promise<RunningServer>;

export function call(
  base: string,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<{ status: number; body: any; etag: string | null }>;

export function signIn(base: string, username: string): Promise<string>;
