import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/temp-dir';
import { DATABASE_FILE, openDatabase } from './database';
import { migrations } from './migrations';
import { type IncomingNotification, NotificationStore } from './notification-store';

const incoming = (body: string | Uint8Array, overrides: Partial<IncomingNotification> = {}): IncomingNotification => ({
  receivedAt: Date.UTC(2026, 10, 26, 12, 0, 0),
  endpointPath: '/webhook',
  method: 'POST',
  remoteAddress: '127.0.0.1',
  headers: [['Content-Type', 'application/json']],
  contentType: 'application/json',
  body: typeof body === 'string' ? new TextEncoder().encode(body) : body,
  parseStatus: 'ok',
  parseError: null,
  verification: 'none',
  source: 'Example Health',
  event: 'PatientAdminPatientArrived',
  resourceTypes: ['Bundle', 'Patient'],
  ...overrides,
});

describe('NotificationStore', () => {
  const dir = tempDir();
  afterEach(() => dir.remove());

  it('keeps the body byte for byte and derives nothing it was not given', async () => {
    const db = openDatabase(dir.path);
    const store = new NotificationStore(db);
    const body = '{ "resourceType" : "Bundle",\n  "id": "ä" }';
    const summary = await store.add(incoming(body));
    const detail = store.get(summary.id);
    expect(detail?.body).toBe(body);
    expect(detail?.bodyEncoding).toBe('utf8');
    expect(detail?.resourceTypes).toEqual(['Bundle', 'Patient']);
    expect(detail?.receivedAt).toBe('2026-11-26T12:00:00.000Z');
    store.close();
    db.close();
  });

  it('returns bytes that are not UTF-8 as base64 rather than mangling them', async () => {
    const db = openDatabase(dir.path);
    const store = new NotificationStore(db);
    const bytes = new Uint8Array([0xff, 0xfe, 0x00, 0x41]);
    const { id } = await store.add(incoming(bytes, { parseStatus: 'malformed-json', parseError: 'bad' }));
    expect(store.get(id)).toMatchObject({ bodyEncoding: 'base64', body: Buffer.from(bytes).toString('base64') });
    store.close();
    db.close();
  });

  it('pages newest first with a keyset cursor', async () => {
    const db = openDatabase(dir.path);
    const store = new NotificationStore(db);
    for (let i = 0; i < 5; i++) await store.add(incoming(`{"n":${i}}`));
    const first = store.list(2);
    expect(first.items.map((n) => n.id)).toEqual([5, 4]);
    expect(first.total).toBe(5);
    const second = store.list(2, first.nextBeforeId ?? undefined);
    expect(second.items.map((n) => n.id)).toEqual([3, 2]);
    const last = store.list(2, second.nextBeforeId ?? undefined);
    expect(last.items.map((n) => n.id)).toEqual([1]);
    expect(last.nextBeforeId).toBeNull();
    store.close();
    db.close();
  });

  it('has every acknowledged row in the file when another connection looks', async () => {
    const db = openDatabase(dir.path);
    const store = new NotificationStore(db);
    const ids = await Promise.all([1, 2, 3].map((i) => store.add(incoming(`{"i":${i}}`)).then((s) => s.id)));
    const reader = new DatabaseSync(join(dir.path, DATABASE_FILE), { readOnly: true });
    const rows = reader.prepare('SELECT id FROM notifications ORDER BY id').all() as { id: number }[];
    expect(rows.map((r) => r.id)).toEqual(ids);
    reader.close();
    store.close();
    db.close();
  });

  it('opens durably and records the schema version', () => {
    const db = openDatabase(dir.path);
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    expect(db.prepare('PRAGMA synchronous').get()).toEqual({ synchronous: 2 });
    expect(db.prepare('PRAGMA user_version').get()).toEqual({ user_version: migrations.length });
    db.close();
  });

  it('refuses a data folder written by a newer Switchboard instead of damaging it', () => {
    const db = openDatabase(dir.path);
    db.exec(`PRAGMA user_version = ${migrations.length + 1}`);
    db.close();
    expect(() => openDatabase(dir.path)).toThrow(/newer Switchboard/);
  });
});
