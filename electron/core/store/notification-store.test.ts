import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deriveNotificationFacts } from '../../../shared/notifications/derive-facts';
import { tempDir } from '../../test-support/temp-dir';
import { DATABASE_FILE, openDatabase } from './database';
import { migrations } from './migrations';
import { type IncomingNotification, NotificationStore } from './notification-store';

const T0 = Date.UTC(2026, 10, 26, 12, 0, 0);

const incoming = (body: string | Uint8Array, overrides: Partial<IncomingNotification> = {}): IncomingNotification => {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  let facts = null;
  try {
    facts = deriveNotificationFacts(JSON.parse(new TextDecoder().decode(bytes)) as unknown);
  } catch {
    facts = null;
  }
  return {
    receivedAt: T0,
    endpointId: 1,
    endpointPath: '/webhook',
    method: 'POST',
    remoteAddress: '127.0.0.1',
    headers: [['Content-Type', 'application/json']],
    contentType: 'application/json',
    body: bytes,
    parseStatus: 'ok',
    parseError: null,
    verification: 'none',
    source: 'Example Health',
    facts,
    ...overrides,
  };
};

/** A Redox-style message Bundle about one patient. */
function message(event: string, mrn: string, extra = ''): string {
  return JSON.stringify({
    resourceType: 'Bundle',
    type: 'message',
    entry: [
      {
        resource: {
          resourceType: 'MessageHeader',
          eventUri: `https://fhir.redoxengine.com/EventDefinition/${event}`,
          source: { name: 'Example Lab' },
          focus: [{ reference: `Patient/${mrn}` }],
        },
      },
      {
        resource: {
          resourceType: 'Patient',
          id: mrn,
          identifier: [{ system: 'urn:mrn', value: mrn }],
          name: [{ family: `Family${extra}` }],
        },
      },
    ],
  });
}

describe('NotificationStore', () => {
  const dir = tempDir();
  let db: DatabaseSync;
  let store: NotificationStore;
  beforeEach(() => {
    db = openDatabase(dir.path);
    store = new NotificationStore(db);
  });
  afterEach(() => {
    store.close();
    db.close();
    dir.remove();
  });

  it('keeps the body byte for byte, with the derived facts', async () => {
    const body = message('PatientAdminPatientArrived', 'MRN1').replace('{', '{ \n');
    const { summary } = await store.add(incoming(body));
    const detail = store.get(summary.id);
    expect(detail?.body).toBe(body);
    expect(detail?.bodyEncoding).toBe('utf8');
    expect(detail?.receivedAt).toBe('2026-11-26T12:00:00.000Z');
    expect(detail?.event).toBe('PatientAdminPatientArrived');
    expect(detail?.category).toBe('administrative');
    expect(detail?.format).toBe('redox-message');
    expect(detail?.patientIdentifiers).toEqual([{ system: 'urn:mrn', value: 'MRN1' }]);
    expect(detail?.facts?.focusReferences).toEqual(['Patient/MRN1']);
    expect(summary).toMatchObject({ read: false, starred: false, note: null, warnings: [], handshake: null });
  });

  it('returns bytes that are not UTF-8 as base64 rather than mangling them', async () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x00, 0x41]);
    const { summary } = await store.add(incoming(bytes, { parseStatus: 'malformed-json', parseError: 'bad', facts: null }));
    expect(store.get(summary.id)).toMatchObject({ bodyEncoding: 'base64', body: Buffer.from(bytes).toString('base64'), format: null });
  });

  it('searches UTF-8 bodies accent-blind and leaves bodies that are not UTF-8 out of the text index', async () => {
    const accented = await store.add(incoming('{"resourceType":"Patient","name":[{"family":"Müller"}]}'));
    const bytes = new Uint8Array([...new TextEncoder().encode('{"note":"zebra"} '), 0xff, 0xfe]);
    await store.add(incoming(bytes, { parseStatus: 'malformed-json', parseError: 'bad', facts: null }));
    await store.indexed();
    expect(store.list({ limit: 10, filter: { text: 'muller' } }).items.map((n) => n.id)).toEqual([accented.summary.id]);
    expect(store.list({ limit: 10, filter: { text: 'Müller' } }).items.map((n) => n.id)).toEqual([accented.summary.id]);
    expect(store.list({ limit: 10, filter: { text: 'zebra' } }).items).toEqual([]);
  });

  it('pages newest first with a keyset cursor and an exact total', async () => {
    for (let i = 0; i < 5; i++) await store.add(incoming(`{"n":${i}}`));
    const first = store.list({ limit: 2 });
    expect(first.items.map((n) => n.id)).toEqual([5, 4]);
    expect(first).toMatchObject({ total: 5, totalKind: 'exact' });
    const second = store.list({ limit: 2, beforeId: first.nextBeforeId ?? undefined });
    expect(second.items.map((n) => n.id)).toEqual([3, 2]);
    const last = store.list({ limit: 2, beforeId: second.nextBeforeId ?? undefined });
    expect(last.items.map((n) => n.id)).toEqual([1]);
    expect(last.nextBeforeId).toBeNull();
  });

  it('stores a repeated webhook-id once and answers with the original', async () => {
    const a = await store.add(incoming('{"a":1}', { webhookId: 'msg_1', verification: 'hmac' }));
    const b = await store.add(incoming('{"a":1}', { webhookId: 'msg_1', verification: 'hmac' }));
    const other = await store.add(incoming('{"a":1}', { webhookId: 'msg_1', verification: 'hmac', endpointId: 2 }));
    expect(a.duplicate).toBe(false);
    expect(b).toMatchObject({ duplicate: true, summary: { id: a.summary.id } });
    expect(other.duplicate).toBe(false);
    expect(store.list({ limit: 10 }).total).toBe(2);
  });

  it('dedupes concurrent repeats inside one group commit', async () => {
    const results = await Promise.all([1, 2, 3].map(() => store.add(incoming('{}', { webhookId: 'msg_same' }))));
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(new Set(results.map((r) => r.summary.id)).size).toBe(1);
  });

  describe('filters', () => {
    beforeEach(async () => {
      await store.add(incoming(message('PatientAdminPatientArrived', 'A1'), { receivedAt: T0 }));
      await store.add(incoming(message('ResultCreated', 'A1', ' hemoglobin'), { receivedAt: T0 + 60_000 }));
      await store.add(incoming(message('ResultCreated', 'B2'), { receivedAt: T0 + 120_000, endpointId: 2, endpointPath: '/other' }));
      await store.add(incoming('{"broken"', { receivedAt: T0 + 180_000, parseStatus: 'malformed-json', parseError: 'x', facts: null }));
      await store.add(incoming('<xml/>', { receivedAt: T0 + 240_000, parseStatus: 'unsupported-media-type', parseError: 'x', facts: null, contentType: 'application/xml' }));
    });
    const ids = (filter: Parameters<NotificationStore['list']>[0]['filter']) => store.list({ limit: 100, ...(filter ? { filter } : {}) }).items.map((s) => s.id);

    it('by patient identifier, with and without system, and by reference', () => {
      expect(ids({ patient: { value: 'A1' } })).toEqual([2, 1]);
      expect(ids({ patient: { system: 'urn:mrn', value: 'A1' } })).toEqual([2, 1]);
      expect(ids({ patient: { system: 'urn:other', value: 'A1' } })).toEqual([]);
      expect(ids({ patientReference: 'Patient/B2' })).toEqual([3]);
    });

    it('by time range (from inclusive, to exclusive), endpoint, event, category, resource type', () => {
      expect(ids({ receivedFrom: new Date(T0 + 60_000).toISOString(), receivedTo: new Date(T0 + 180_000).toISOString() })).toEqual([3, 2]);
      expect(ids({ endpointIds: [2] })).toEqual([3]);
      expect(ids({ events: ['ResultCreated'] })).toEqual([3, 2]);
      // As the inbox shows it, or as another sender (a subscription topic) names the same event.
      expect(ids({ events: ['Patient arrived'] })).toEqual([1]);
      expect(ids({ events: ['http://hl7.org/SubscriptionTopic/encounter-start'] })).toEqual([1]);
      expect(ids({ categories: ['administrative'] })).toEqual([1]);
      expect(ids({ resourceTypes: ['Patient'] })).toEqual([3, 2, 1]);
      expect(ids({ resourceTypes: ['Observation'] })).toEqual([]);
    });

    it('by parse status and verification, composed with AND', () => {
      expect(ids({ parseStatuses: ['malformed-json', 'unsupported-media-type'] })).toEqual([5, 4]);
      expect(ids({ parseStatuses: ['ok'], events: ['ResultCreated'], patient: { value: 'A1' } })).toEqual([2]);
      expect(ids({ verifications: ['hmac'] })).toEqual([]);
    });

    it('by full text, alone and with other filters, newest first or by relevance', () => {
      expect(ids({ text: 'hemoglobin' })).toEqual([2]);
      expect(ids({ text: 'Example Lab' })).toEqual([3, 2, 1]);
      expect(ids({ text: '"Example Lab"', endpointIds: [1] })).toEqual([2, 1]);
      expect(ids({ text: 'broken' })).toEqual([4]);
      expect(ids({ text: 'xml' })).toEqual([5]);
      expect(ids({ text: 'Patient/B2' })).toEqual([3]);
      expect(ids({ text: 'hemo*' })).toEqual([2]);
      expect(ids({ text: 'nothing-like-this' })).toEqual([]);
      expect(store.list({ limit: 10, filter: { text: 'Family hemoglobin' }, order: 'relevance' }).items.map((s) => s.id)).toEqual([2]);
    });

    it('by read, starred and notes set with mark', () => {
      expect(store.mark([1, 2], { read: true })).toBe(2);
      expect(store.mark([2], { starred: true, note: 'call the lab' })).toBe(1);
      expect(ids({ read: false })).toEqual([5, 4, 3]);
      expect(ids({ read: true, starred: true })).toEqual([2]);
      expect(store.get(2)).toMatchObject({ read: true, starred: true, note: 'call the lab' });
      store.mark([2], { note: null });
      expect(store.get(2)?.note).toBeNull();
    });

    it('counts filtered results, and pages a filter with the cursor', () => {
      const page = store.list({ limit: 1, filter: { patient: { value: 'A1' } } });
      expect(page).toMatchObject({ total: 2, totalKind: 'exact', nextBeforeId: 2 });
      const next = store.list({ limit: 1, beforeId: 2, filter: { patient: { value: 'A1' } } });
      expect(next.items.map((s) => s.id)).toEqual([1]);
      expect(next.nextBeforeId).toBeNull();
      expect(store.list({ limit: 1, filter: { endpointIds: [1] } })).toMatchObject({ total: 4, totalKind: 'exact' });
    });
  });

  it('pages a text search that matches many rows', async () => {
    for (let i = 0; i < 30; i++) await store.add(incoming(i % 3 === 0 ? `{"word":"needle ${i}"}` : `{"word":"hay ${i}"}`));
    const seen: number[] = [];
    let beforeId: number | undefined;
    for (;;) {
      const page = store.list({ limit: 3, filter: { text: 'needle' }, ...(beforeId ? { beforeId } : {}) });
      seen.push(...page.items.map((s) => s.id));
      if (page.nextBeforeId === null) break;
      beforeId = page.nextBeforeId;
    }
    expect(seen).toEqual([28, 25, 22, 19, 16, 13, 10, 7, 4, 1]);
    expect(store.list({ limit: 3, filter: { text: 'needle' } })).toMatchObject({ total: 10, totalKind: 'exact' });
  });

  it('has every acknowledged row in the file when another connection looks', async () => {
    const ids = await Promise.all([1, 2, 3].map((i) => store.add(incoming(`{"i":${i}}`)).then((s) => s.summary.id)));
    const reader = new DatabaseSync(join(dir.path, DATABASE_FILE), { readOnly: true });
    const rows = reader.prepare('SELECT id FROM notifications ORDER BY id').all() as { id: number }[];
    expect(rows.map((r) => r.id)).toEqual(ids);
    reader.close();
  });

  it('opens durably and records the schema version', () => {
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    expect(db.prepare('PRAGMA synchronous').get()).toEqual({ synchronous: 2 });
    expect(db.prepare('PRAGMA user_version').get()).toEqual({ user_version: migrations.length });
  });

  it('refuses a data folder written by a newer Switchboard instead of damaging it', () => {
    db.exec(`PRAGMA user_version = ${migrations.length + 1}`);
    expect(() => openDatabase(dir.path)).toThrow(/newer Switchboard/);
  });
});
