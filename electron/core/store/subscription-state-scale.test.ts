import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SubscriptionFacts } from '../../../shared/notifications/notification-facts';
import { tempDir } from '../../test-support/temp-dir';
import { openDatabase } from './database';
import { SubscriptionStateStore } from './subscription-state-store';

const T0 = Date.UTC(2026, 10, 26, 12);
const MANY = 20_000;

const event = (reference: string, n: number): SubscriptionFacts => ({
  reference,
  topic: null,
  status: 'active',
  type: 'event-notification',
  eventsSinceStart: n,
  eventNumbers: [n],
  errors: [],
});

/** The connection, recording the SQL of every statement prepared on it that is then run. */
function recording(db: DatabaseSync): { db: DatabaseSync; executed: string[] } {
  const executed: string[] = [];
  const statement = (sql: string, inner: StatementSync): StatementSync =>
    new Proxy(inner, {
      get(target, property) {
        const value = Reflect.get(target, property, target) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (property === 'run' || property === 'get' || property === 'all' || property === 'iterate') executed.push(sql);
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  const proxy = new Proxy(db, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (property === 'prepare') return (sql: string) => statement(sql, target.prepare(sql));
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { db: proxy, executed };
}

/** Every way SQLite would read subscription_states for these statements that is not by key or index. */
function scans(db: DatabaseSync, statements: readonly string[]): string[] {
  return [...new Set(statements)].flatMap((sql) => {
    // Unbound parameters are NULL: the plan depends on the schema and statistics, not the values.
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[];
    return plan.map((p) => p.detail).filter((detail) => /^SCAN subscription_states\b/.test(detail) || /^SCAN s\b/.test(detail));
  });
}

describe('subscription states at scale', () => {
  const dir = tempDir();
  let db: DatabaseSync;
  beforeEach(() => {
    db = openDatabase(dir.path);
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  /**
   * What a sender inventing references leaves: absolute and relative states, many sharing the id
   * `1`; as this build keeps them, or as an older one did (keyed as sent, no `sent_key`).
   */
  const fill = (kept: 'current' | 'older') => {
    const insert = db.prepare(`INSERT INTO subscription_states (reference, sent_key, absolute_id, endpoint_id, first_received_at,
      last_received_at, notification_count, state_json) VALUES (?, ?, ?, ?, ?, ?, 1, '{}')`);
    db.exec('BEGIN');
    for (let i = 0; i < MANY; i += 1) {
      const endpoint = 1 + (i % 5);
      const id = i % 4 === 0 ? '1' : String(i);
      const url = `https://s${i}.example/fhir/Subscription/${id}`;
      if (kept === 'older') insert.run(i % 2 === 0 ? `${url.toUpperCase()}/_history/1` : `Subscription/${i}`, null, null, endpoint, T0, T0);
      else if (i % 2 === 0) insert.run(url, url, id, endpoint, T0, T0);
      else insert.run(`endpoint/${endpoint}/Subscription/${i}`, `Subscription/${i}`, null, endpoint, T0, T0);
    }
    db.exec('COMMIT');
    // Statistics as `PRAGMA optimize` would gather them: the plans must hold with them too.
    db.exec('ANALYZE');
  };

  it('places every subscription notification by key and index, however many states are kept', () => {
    fill('current');
    const { db: traced, executed } = recording(db);
    const store = new SubscriptionStateStore(traced);
    const created = executed.length;
    db.exec('BEGIN');
    store.apply(event('Subscription/1', 1), 1, T0);
    store.apply(event('Subscription/77', 1), 2, T0);
    store.apply(event('https://s0.example/fhir/Subscription/1', 2), 1, T0);
    store.apply(event('https://new.example/fhir/Subscription/1', 1), 3, T0);
    store.apply(event('urn:uuid:x', 1), 3, T0);
    db.exec('COMMIT');
    const applied = executed.slice(created);
    expect(applied.length).toBeGreaterThan(0);
    // A bounded number of statements per notification, none of which reads every state.
    expect(applied.length).toBeLessThanOrEqual(5 * 8);
    expect(scans(db, applied)).toEqual([]);
  });

  it('finds a state for the inbox filter and the heartbeat setting without reading them all', () => {
    fill('current');
    const { db: traced, executed } = recording(db);
    const store = new SubscriptionStateStore(traced);
    store.apply(event('Subscription/1', 1), 2, T0);
    const start = executed.length;
    store.match('Subscription/1');
    store.match('endpoint/2/Subscription/1');
    store.match('https://s4.example/fhir/Subscription/1/_history/2');
    store.configureHeartbeat('urn:uuid:none', 60);
    expect(scans(db, executed.slice(start))).toEqual([]);
  });

  it("re-keys an older build's states with a bounded number of indexed statements each", () => {
    fill('older');
    const { db: traced, executed } = recording(db);
    const store = new SubscriptionStateStore(traced);
    const start = executed.length;
    store.normalizeKeys();
    // One read of the rows to re-key (all of them here), then a few lookups by key or index each.
    const [listing, ...each] = executed.slice(start);
    expect(listing).toMatch(/WHERE sent_key IS NULL/);
    expect(each.length).toBeLessThanOrEqual(8 * MANY);
    expect(scans(db, each)).toEqual([]);
    expect((db.prepare('SELECT count(*) AS n FROM subscription_states WHERE sent_key IS NULL').get() as { n: number }).n).toBe(0);
    expect((db.prepare('SELECT count(*) AS n FROM subscription_states').get() as { n: number }).n).toBe(MANY);
    // Opened again: nothing left to re-key, found by index.
    db.exec('ANALYZE');
    const again = executed.length;
    store.normalizeKeys();
    expect(executed.slice(again)).toEqual([listing]);
    expect(scans(db, [listing!])).toEqual([]);
  });
});
