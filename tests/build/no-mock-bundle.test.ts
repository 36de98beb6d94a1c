// @vitest-environment node
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';

const outDir = mkdtempSync(join(tmpdir(), 'gkwb-nomock-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function bundleText(dir: string): string {
  const assets = join(dir, 'assets');
  return readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(assets, f), 'utf8'))
    .join('\n');
}

describe('production build with the mock off', () => {
  it('ships no MSW code and calls the configured API base URL', async () => {
    process.env.VITE_ENABLE_MOCK = 'false';
    process.env.VITE_API_BASE_URL = 'https://gk.example.gov.cn/api/v1';
    try {
      await build({ logLevel: 'silent', build: { outDir, emptyOutDir: true }, mode: 'production' });
    } finally {
      delete process.env.VITE_ENABLE_MOCK;
      delete process.env.VITE_API_BASE_URL;
    }
    expect(readdirSync(outDir)).not.toContain('mockServiceWorker.js');
    const js = bundleText(outDir);
    // Booleans, not the bundle text, so a failure does not print megabytes.
    expect(js.includes('https://gk.example.gov.cn/api/v1')).toBe(true);
    for (const marker of [
      'mockServiceWorker',
      'setupWorker',
      'MOCKING_ENABLED',
      'INTEGRITY_CHECK',
      'fake-indexeddb',
      'gkwb-mock',
    ]) {
      expect({ marker, found: js.includes(marker) }).toEqual({ marker, found: false });
    }
  }, 120_000);
});
