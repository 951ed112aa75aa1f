import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { indexMigrations } from './index-migrations';
import { migrations } from './migrations';
import { filterConditions, onlyEndpoints, where } from './notification-query';

describe('filter → SQL', () => {
  it('binds every value as a parameter, never into the SQL text', () => {
    const { clauses, params } = filterConditions({
      events: ["x'); DROP TABLE notifications; --"],
      patient: { system: 'urn:mrn', value: '42' },
      receivedFrom: '2026-11-01T00:00:00Z',
      receivedTo: '2026-11-02T00:00:00+01:00',
    });
    expect(clauses.join(' ')).not.toContain('DROP');
    const from = Date.UTC(2026, 10, 1);
    const to = Date.UTC(2026, 10, 1, 23);
    expect(params).toEqual([from, from, to, to, "x'); DROP TABLE notifications; --", '42', 'urn:mrn']);
  });

  it('composes with AND, lists with OR (IN), and empty lists match nothing', () => {
    expect(filterConditions({ categories: ['clinical', 'financial'], read: false })).toEqual({
      clauses: ['n.category IN (?, ?)', 'n.is_read = 0'],
      params: ['clinical', 'financial'],
    });
    expect(filterConditions({ endpointIds: [] }).clauses).toEqual(['0']);
    expect(where([])).toBe('');
  });

  it('adds the expression the parse-problem index needs, only when ok is not wanted', () => {
    expect(filterConditions({ parseStatuses: ['malformed-json'] }).clauses).toContain("n.parse_status <> 'ok'");
    expect(filterConditions({ parseStatuses: ['ok', 'malformed-json'] }).clauses).not.toContain("n.parse_status <> 'ok'");
  });

  it('knows when the kept per-endpoint counts answer the total', () => {
    expect(onlyEndpoints({})).toBe(true);
    expect(onlyEndpoints({ endpointIds: [1] })).toBe(true);
    expect(onlyEndpoints({ endpointIds: [1], read: false })).toBe(false);
    expect(onlyEndpoints({ text: 'x' })).toBe(false);
  });

  describe('query plans on the real schema', () => {
    const db = new DatabaseSync(':memory:');
    for (const m of migrations) db.exec(m);
    db.exec("ATTACH DATABASE ':memory:' AS idx");
    for (const m of indexMigrations) db.exec(m);
    const plan = (filter: Parameters<typeof filterConditions>[0], subscription?: Parameters<typeof filterConditions>[1]) => {
      const { clauses, params } = filterConditions(filter, subscription);
      const rows = db
        .prepare(`EXPLAIN QUERY PLAN SELECT n.id FROM notifications n ${where(clauses)} ORDER BY n.id DESC LIMIT 101`)
        .all(...params) as { detail: string }[];
      return rows.map((r) => r.detail).join('\n');
    };

    it('serves each filter from an index, never a full scan with a sort', () => {
      expect(plan({ endpointIds: [2] })).toMatch(/notifications_endpoint/);
      expect(plan({ events: ['ResultCreated'] })).toMatch(/notifications_event/);
      expect(plan({ starred: true })).toMatch(/notifications_starred/);
      expect(plan({ read: false })).toMatch(/notifications_unread/);
      expect(plan({ parseStatuses: ['malformed-json'] })).toMatch(/notifications_parse_problem/);
      expect(plan({ subscription: 'Subscription/1' })).toMatch(/notifications_subscription/);
      // A subscription's relative references count at its endpoint only: still walked by reference, not by endpoint.
      const atEndpoint = { anywhere: [], atEndpoint: ['Subscription/1'], endpointId: 2 };
      const both = { anywhere: ['https://a.example/Subscription/1'], atEndpoint: ['Subscription/1', 'Subscription/1/_history/2'], endpointId: 2 };
      for (const match of [atEndpoint, both]) {
        const subscription = plan({ subscription: 'endpoint/2/Subscription/1' }, match);
        expect(subscription).toMatch(/notifications_subscription/);
        expect(subscription).not.toMatch(/notifications_endpoint|SCAN n\b/);
      }
      expect(plan({ subscription: 'endpoint/2/Subscription/1' }, atEndpoint)).not.toMatch(/TEMP B-TREE/);
      expect(plan({ patient: { value: '42' } })).toMatch(/notification_terms/);
      expect(plan({ patient: { value: '42' } })).not.toMatch(/SCAN n\b(?! USING)/);
      expect(plan({ hasWarnings: true })).toMatch(/notifications_warned/);
      // A time range becomes a rowid range walked newest first: no sort.
      const range = plan({ receivedFrom: '2026-11-01T00:00:00Z', receivedTo: '2026-11-08T00:00:00Z', resourceTypes: ['Observation'] });
      expect(range).toMatch(/SEARCH n USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)/);
      expect(range).not.toMatch(/TEMP B-TREE/);
    });
  });
});
