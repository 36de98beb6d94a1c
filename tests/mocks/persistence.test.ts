// @vitest-environment node
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { IdbPersistence } from '@mocks/persistence/idb';
import { migrations, runMigrations, SCHEMA_VERSION } from '@mocks/persistence/migrations';

describe('IndexedDB store and its migrations', () => {
  it('upgrades a version-1 store to the current schema without losing records', async () => {
    const name = `migrate-${Math.random()}`;
    const v1 = await openDB(name, 1, {
      upgrade: (db, old, _new, tx) => runMigrations(db, tx as never, old, 1) as unknown as void,
    });
    await v1.put('letters', { id: 'a', serialNo: 'XF-2017-0001', subject: '旧记录' });
    await v1.put('audit', { id: 'x', entity: 'letter', entityId: 'a', action: 'create' });
    await v1.put('meta', { id: 'seed', value: {} });
    v1.close();

    const p = new IdbPersistence(name);
    const snap = await p.load();
    expect(snap?.letters).toEqual([{ id: 'a', serialNo: 'XF-2017-0001', subject: '旧记录' }]);
    expect(snap?.audit).toHaveLength(1);

    const current = await openDB(name, SCHEMA_VERSION);
    expect(current.version).toBe(migrations.at(-1)!.version);
    const tx = current.transaction(['audit', 'letters']);
    expect([...tx.objectStore('audit').indexNames]).toContain('byEntity');
    expect(await tx.objectStore('letters').index('bySerialNo').get('XF-2017-0001')).toMatchObject({
      id: 'a',
    });
    current.close();
  });

  it('saves changes and deletions, and replaces everything on reset', async () => {
    const p = new IdbPersistence(`save-${Math.random()}`);
    await p.replaceAll({ meta: [{ id: 'seed' }], letters: [{ id: '1' }, { id: '2' }] });
    await p.save([
      { store: 'letters', id: '1', value: null },
      { store: 'letters', id: '3', value: { id: '3' } },
    ]);
    const snap = await p.load();
    expect(snap?.letters?.map((l) => l.id).sort()).toEqual(['2', '3']);
  });

  it('migrations are numbered 1, 2, … without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });
});
