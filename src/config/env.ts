/** Runtime configuration, read once from Vite's env (README, "The mock backend": pointing a build at another server). */
export const env = {
  /** Base URL of the REST API, e.g. https://gk.example.gov.cn/api/v1. Default: same origin. */
  apiBaseUrl:
    (import.meta.env.VITE_API_BASE_URL as string | undefined)?.replace(/\/$/, '') || '/api/v1',
  /** Whether the MSW mock backend is started in the browser (VITE_ENABLE_MOCK=false turns it off). */
  mockEnabled: __MOCK_ENABLED__,
} as const;
