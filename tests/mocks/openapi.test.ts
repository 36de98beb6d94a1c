// @vitest-environment node
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildOpenApi } from '@mocks/openapi';
import { as } from '../api';

const FILE = new URL('../../mocks/openapi.json', import.meta.url);

describe('OpenAPI document', () => {
  const doc = buildOpenApi();
  const text = `${JSON.stringify(doc, null, 2)}\n`;

  it('is committed and not stale (run `npm run openapi` after changing a schema)', () => {
    if (process.env.UPDATE_OPENAPI) writeFileSync(FILE, text);
    expect(readFileSync(FILE, 'utf8')).toBe(text);
  });

  it("documents the contract's paths and shapes", () => {
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/auth/login',
        '/letters',
        '/letters/{id}/assign',
        '/calendar/workdays',
        '/regions',
        '/admin/faults',
      ]),
    );
    expect(doc.components.schemas).toHaveProperty('Letter');
    expect(doc.components.schemas).toHaveProperty('Problem');
    const letter = doc.components.schemas.Letter as { properties: Record<string, unknown> };
    expect(Object.keys(letter.properties)).toEqual(
      expect.arrayContaining([
        'serialNo',
        'dueOn',
        'calendarProvisional',
        'remainingWorkdays',
        'alert',
        'version',
      ]),
    );
  });

  it('is served by the mock at /api/v1/openapi.json', async () => {
    const c = await as('leader');
    const r = await c.get('/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe('3.1.0');
  });
});
