import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../logger';
import { tempDir } from '../../test-support/temp-dir';
import { DATABASE_FILE, migrate, openDatabase } from './database';
import { FactsBackfill } from './facts-backfill';
import { migrations } from './migrations';
import { NotificationStore } from './notification-store';

const BUNDLE = JSON.stringify({
  resourceType: 'Bundle',
  type: 'message',
  entry: [
    { resource: { resourceType: 'MessageHeader', eventUri: 'https://fhir.redoxengine.com/EventDefinition/ResultCreated', source: { name: 'Lab' } } },
    { resource: { resourceType: 'Patient', identifier: [{ system: 'urn:mrn', value: 'OLD-1' }] } },
  ],
});

describe('upgrading a data folder from schema 4', () => {
  const dir = tempDir();
  afterEach(() => dir.remove());

  it('turns the receiver settings into the default endpoint and derives old rows in the background', async () => {
    // A schema-4 database, as the previous release left it.
    const old = new DatabaseSync(join(dir.path, DATABASE_FILE));
    old.exec('PRAGMA page_size = 8192; PRAGMA journal_mode = WAL');
    for (let v = 0; v < 4; v++) old.exec(migrations[v] ?? '');
    old.exec('PRAGMA user_version = 4');
    old
      .prepare("INSERT INTO settings (key, value_json) VALUES ('receiver', ?)")
      .run(JSON.stringify({ path: '/hooks/redox', port: 9000, maxBodyBytes: 4096, secretHash: { salt: 's', sha256: 'h' } }));
    const insert = old.prepare(`INSERT INTO notifications (received_at, endpoint_path, method, headers_json, content_type, body,
      size_bytes, parse_status, verification, source, event, resource_types) VALUES (?, '/hooks/redox', 'POST', '[]', 'application/json', ?, ?, ?, 'token', NULL, NULL, '')`);
    insert.run(1, new TextEncoder().encode(BUNDLE), BUNDLE.length, 'ok');
    insert.run(2, new TextEncoder().encode('{oops'), 5, 'malformed-json');
    old.close();

    const db = openDatabase(dir.path);
    expect(db.prepare('SELECT id, name, path, auth, max_body_bytes AS max FROM endpoints').all()).toEqual([
      { id: 1, name: 'Default', path: '/hooks/redox', auth: 'token', max: 4096 },
    ]);
    expect(JSON.parse((db.prepare("SELECT value_json FROM settings WHERE key = 'receiver'").get() as { value_json: string }).value_json)).toEqual({ port: 9000 });
    const store = new NotificationStore(db);
    expect(store.list({ limit: 10 })).toMatchObject({ total: 2, totalKind: 'exact' });
    expect(store.get(1)).toMatchObject({ endpointId: 1, format: null, facts: null });

    const backfill = new FactsBackfill(db, silentLogger, 1);
    expect(backfill.pending()).toBe(2);
    expect(await backfill.run()).toBe(2);
    expect(backfill.pending()).toBe(0);
    expect(store.get(1)).toMatchObject({ format: 'redox-message', event: 'ResultCreated', category: 'clinical', source: 'Lab' });
    expect(store.list({ limit: 10, filter: { patient: { value: 'OLD-1' } } }).items.map((s) => s.id)).toEqual([1]);
    expect(store.list({ limit: 10, filter: { text: 'oops' } }).items.map((s) => s.id)).toEqual([2]);
    store.close();
    // Running the migrations again is a no-op.
    migrate(db);
    db.close();
  });
});
