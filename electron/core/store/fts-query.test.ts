import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { toFtsQuery } from './fts-query';

describe('toFtsQuery', () => {
  it('ANDs words, keeps quoted phrases and trailing-star prefixes', () => {
    expect(toFtsQuery('hemoglobin result')).toBe('"hemoglobin" AND "result"');
    expect(toFtsQuery('"result 4242" hemo*')).toBe('"result 4242" AND "hemo"*');
  });

  it('quotes FTS5 syntax so ordinary input never throws', () => {
    const db = new DatabaseSync(':memory:');
    db.exec("CREATE VIRTUAL TABLE f USING fts5(body, content='', contentless_delete=1)");
    db.prepare('INSERT INTO f (rowid, body) VALUES (1, ?)').run('{"reference":"Patient/123","name":"O\'Brien"} NEAR AND');
    const match = (text: string) => {
      const q = toFtsQuery(text);
      return q === null ? [] : (db.prepare('SELECT rowid FROM f WHERE f MATCH ?').all(q) as { rowid: number }[]).map((r) => r.rowid);
    };
    for (const text of ['Patient/123', "O'Brien", 'NEAR(', 'body:x', '^start', '"unbalanced', 'a - b', 'AND', '*']) {
      expect(() => match(text), text).not.toThrow();
    }
    expect(match('Patient/123')).toEqual([1]);
    expect(match("O'Brien")).toEqual([1]);
    expect(match('"unbalanced')).toEqual([]);
    expect(match('NEAR AND')).toEqual([1]);
  });

  it('has nothing to search for in punctuation only', () => {
    expect(toFtsQuery('  ')).toBeNull();
    expect(toFtsQuery('- * "" ')).toBeNull();
  });
});
