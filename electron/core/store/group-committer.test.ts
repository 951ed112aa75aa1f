import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { GroupCommitter } from './group-committer';

function countingDb() {
  const db = new DatabaseSync(':memory:');
  db.exec('CREATE TABLE t (v TEXT NOT NULL)');
  let commits = 0;
  const exec = db.exec.bind(db);
  db.exec = (sql: string) => {
    if (sql === 'COMMIT') commits++;
    return exec(sql);
  };
  return { db, commits: () => commits };
}

describe('GroupCommitter', () => {
  it('puts items added together into one transaction', async () => {
    const { db, commits } = countingDb();
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const committer = new GroupCommitter(db, (v: string) => Number(insert.run(v).lastInsertRowid));
    const ids = await Promise.all(['a', 'b', 'c', 'd'].map((v) => committer.add(v)));
    expect(ids).toEqual([1, 2, 3, 4]);
    expect(commits()).toBe(1);
  });

  it('splits a large burst into batches of the given size', async () => {
    const { db, commits } = countingDb();
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const committer = new GroupCommitter(db, (v: string) => Number(insert.run(v).lastInsertRowid), {}, 3);
    await Promise.all(Array.from({ length: 7 }, (_, i) => committer.add(String(i))));
    expect(commits()).toBe(3);
  });

  it('rejects every item of a failed batch and keeps none of it', async () => {
    const { db } = countingDb();
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const committer = new GroupCommitter(db, (v: string | null) => Number(insert.run(v).lastInsertRowid));
    const results = await Promise.allSettled([committer.add('ok'), committer.add(null)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 0 });
    // The committer still works after a failure.
    await expect(committer.add('later')).resolves.toBeTypeOf('number');
  });

  it('refuses new items once closed', async () => {
    const { db } = countingDb();
    const committer = new GroupCommitter(db, () => 1);
    committer.close();
    await expect(committer.add('x')).rejects.toThrow(/closed/);
  });

  it('is idle once nothing waits for a commit; what was added first is committed before it resolves', async () => {
    const { db } = countingDb();
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const committer = new GroupCommitter(db, (v: string) => Number(insert.run(v).lastInsertRowid));
    const order: string[] = [];
    const idle = committer.whenIdle().then(() => order.push('idle'));
    void committer.add('a').then(() => order.push('a'));
    // Added on the next turn, after whenIdle has looked once and found 'a' waiting.
    setImmediate(() => void committer.add('b').then(() => order.push('b')));
    await idle;
    expect(order).toEqual(['a', 'b', 'idle']);
    await committer.whenIdle();
    expect(order).toEqual(['a', 'b', 'idle']);
  });

  it('stops waiting after the given number of batches when items never stop coming', async () => {
    const { db, commits } = countingDb();
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const committer = new GroupCommitter(db, (v: string) => Number(insert.run(v).lastInsertRowid));
    let sending = true;
    const send = (): void => {
      if (!sending) return;
      void committer.add('x');
      setImmediate(send);
    };
    send();
    await committer.whenIdle(3);
    expect(commits()).toBe(3);
    sending = false;
    committer.close();
  });
});
