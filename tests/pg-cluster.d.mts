/** Types of pg-cluster.mjs (plain JS, run by tests/run-all.mjs before anything is compiled). */
export function postgresBin(): { version: string; bin: string } | null;

export interface Cluster {
  version: string;
  url: string;
  /** Stops the server and keeps its data. */
  pause(): void;
  /** Starts it again on the same data and port. */
  resume(): void;
  /** Stops it and deletes its directory. */
  stop(): void;
}

export function startCluster(opts?: { fsync?: boolean }): Promise<Cluster>;

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number>;
