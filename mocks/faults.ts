import type { Faults } from '@/types/api';

/** Fault injection state (mock only; off by default; per browser tab / test process). */
export const faults: Faults = { latencyMs: 0, failRate: 0, failStatus: 503 };
export function setFaults(f: Faults) {
  Object.assign(faults, f);
}
export function clearFaults() {
  Object.assign(faults, { latencyMs: 0, failRate: 0, failStatus: 503 });
}
