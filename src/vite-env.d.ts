/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_API_BASE_URL?: string;
  readonly VITE_ENABLE_MOCK?: string;
}

declare module '*.module.css' {
  const classes: Record<string, string>;
  export default classes;
}

/** Whether the build has the MSW mock backend (vite.config.ts `define`, from VITE_ENABLE_MOCK). */
declare const __MOCK_ENABLED__: boolean;
