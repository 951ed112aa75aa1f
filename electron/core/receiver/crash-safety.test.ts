import { once } from 'node:events';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReceiverProcess, buildStoreThreads } from '../../test-support/build-receiver-process';
import { runLoad } from '../../test-support/load-client';
import { startReceiverProcess } from '../../test-support/start-receiver-process';
import { tempDir } from '../../test-support/temp-dir';
import { DATABASE_FILE } from '../store/database';

describe('crash safety (kill -9 under load)', () => {
  const build = tempDir('switchboard-crash-build-');
  let script = '';
  let threads = { writer: '', indexer: '' };
  beforeAll(async () => {
    script = await buildReceiverProcess(build.path);
    threads = await buildStoreThreads(build.path);
  }, 90_000);
  afterAll(() => build.remove());

  // The app commits in its writer thread; without the store threads it commits on the main thread.
  it.each([
    ['in the writer thread', true],
    ['on the main thread', false],
  ])('keeps every notification it answered 2xx when killed mid-load, committing %s', async (_, threaded) => {
    const data = tempDir('switchboard-crash-data-');
    try {
      const args = ['core', data.path, ...(threaded ? [threads.writer, threads.indexer] : [])];
      const { child, port } = await startReceiverProcess(script, args, 15_000);
      const exited = once(child, 'exit');
      let killed = false;
      const kill = () => {
        if (killed) return;
        killed = true;
        child.kill('SIGKILL');
      };
      // Kill once the load is well under way (other requests are in flight at that moment);
      // the timer bounds the test should the receiver be slow.
      const fallback = setTimeout(kill, 4_000);
      const body = (seq: number) =>
        Buffer.from(JSON.stringify({ resourceType: 'Bundle', type: 'collection', id: `crash-${seq}`, pad: 'x'.repeat(1500) }));
      const result = await runLoad({
        url: `http://127.0.0.1:${port}/webhook`,
        concurrency: 32,
        durationMs: 8_000,
        body,
        timeoutMs: 5_000,
        stop: () => killed,
        onAcknowledged: (count) => {
          if (count >= 500) kill();
        },
      });
      clearTimeout(fallback);
      await exited;
      expect(killed).toBe(true);
      expect(result.acknowledged.size).toBeGreaterThanOrEqual(100);

      // Reopen the file as the next start would (WAL recovery included) and look for every acknowledged one.
      const db = new DatabaseSync(join(data.path, DATABASE_FILE));
      const rows = db.prepare('SELECT id, body FROM notifications').all() as { id: number; body: Uint8Array }[];
      db.close();
      const stored = new Map(rows.map((r) => [r.id, (JSON.parse(Buffer.from(r.body).toString('utf8')) as { id: string }).id]));
      const missing: number[] = [];
      for (const [seq, answer] of result.acknowledged) {
        const id = (answer as { id: number }).id;
        if (stored.get(id) !== `crash-${seq}`) missing.push(seq);
      }
      expect(missing).toEqual([]);
      // Every stored row is one that was sent (no duplicates, nothing invented).
      expect(new Set(stored.values()).size).toBe(stored.size);
    } finally {
      data.remove();
    }
  }, 60_000);
});
