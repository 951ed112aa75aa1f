import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/temp-dir';
import { DATABASE_FILE } from '../store/database';
import { buildQueueProcess } from './test-support/build-queue-process';
import { startMllpPeer, type MllpPeer } from './test-support/mllp-peer';

const COUNT = 40;
const KILL_AT = 15;

/** Runs the queue process; resolves with its first JSON line. */
async function startChild(script: string, args: string[]): Promise<{ child: ChildProcess; first: Record<string, unknown> }> {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
  const first = await new Promise<Record<string, unknown>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`queue process did not start: ${err}`)), 15_000);
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line) as Record<string, unknown>);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`queue process exited (${code}): ${err}`));
    });
  });
  return { child, first };
}

interface Row {
  id: number;
  status: string;
  control_id: string;
  attempt_count: number;
}

describe('writeback queue: crash and restart (SIGKILL mid-queue)', () => {
  const build = tempDir('switchboard-queue-build-');
  let script = '';
  let peer: MllpPeer;
  beforeAll(async () => {
    script = await buildQueueProcess(build.path);
    peer = await startMllpPeer();
  }, 60_000);
  afterAll(async () => {
    await peer.close();
    build.remove();
  });

  it('loses nothing, resends nothing acknowledged, and reuses control ids after a SIGKILL', async () => {
    const data = tempDir('switchboard-queue-data-');
    const children: ChildProcess[] = [];
    try {
      // Phase 1: ACK the first messages at once; when message KILL_AT arrives, SIGKILL the process
      // before answering it, so it dies with that message in flight.
      let victim: ChildProcess | null = null;
      let inFlightAtKill = '';
      peer.answerWith((controlId) => {
        const distinct = new Set(peer.received.map((r) => r.controlId)).size;
        if (distinct === KILL_AT && victim && !inFlightAtKill) {
          inFlightAtKill = controlId;
          victim.kill('SIGKILL');
          return { kind: 'never' };
        }
        return { kind: 'AA' };
      });
      const first = await startChild(script, ['enqueue', data.path, peer.host, String(peer.port), String(COUNT)]);
      children.push(first.child);
      victim = first.child;
      const enqueuedIds = first.first.ids as number[];
      expect(enqueuedIds).toHaveLength(COUNT);
      const [, signal] = (await Promise.race([
        once(first.child, 'exit'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('the queue process was never killed')), 20_000)),
      ])) as [number | null, string | null];
      expect(signal).toBe('SIGKILL');
      expect(inFlightAtKill).not.toBe('');
      const ackedBeforeKill = new Set(peer.received.filter((r) => r.answered === 'AA').map((r) => r.controlId));
      expect(ackedBeforeKill.size).toBe(KILL_AT - 1);

      // What the disk says right after the crash: the in-flight one is `sending` with a pending attempt.
      const db = new DatabaseSync(join(data.path, DATABASE_FILE));
      try {
        const crashed = db.prepare("SELECT id, control_id FROM writebacks WHERE status = 'sending'").all() as { id: number; control_id: string }[];
        expect(crashed.map((r) => r.control_id)).toEqual([inFlightAtKill]);
        const pending = db.prepare("SELECT count(*) AS n FROM writeback_attempts WHERE outcome = 'pending'").get() as { n: number };
        expect(pending.n).toBe(1);
      } finally {
        db.close();
      }

      // Phase 2: restart on the same data folder; the peer now ACKs everything.
      peer.answerWith(() => ({ kind: 'AA' }));
      const second = await startChild(script, ['run', data.path]);
      children.push(second.child);
      const deadline = Date.now() + 20_000;
      let rows: Row[] = [];
      for (;;) {
        const check = new DatabaseSync(join(data.path, DATABASE_FILE), { readOnly: true });
        try {
          rows = check.prepare('SELECT id, status, control_id, attempt_count FROM writebacks ORDER BY id').all() as unknown as Row[];
        } finally {
          check.close();
        }
        if (rows.length === COUNT && rows.every((r) => r.status === 'accepted')) break;
        if (Date.now() > deadline) throw new Error(`not all accepted: ${JSON.stringify(rows.map((r) => r.status))}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      second.child.kill('SIGTERM');
      await once(second.child, 'exit');

      // Nothing lost: every writeback queued before the crash reached a final state (accepted).
      expect(rows.map((r) => r.id)).toEqual(enqueuedIds);
      // One control id per writeback, unique.
      const controlIds = rows.map((r) => r.control_id);
      expect(new Set(controlIds).size).toBe(COUNT);
      // The peer saw only these control ids, and every message body with exactly one control id
      // (the peer never saw two different control ids for the same writeback).
      const seen = new Map<string, number>();
      for (const r of peer.received) seen.set(r.controlId, (seen.get(r.controlId) ?? 0) + 1);
      expect([...seen.keys()].sort()).toEqual([...controlIds].sort());
      const idsPerContent = new Map<string, Set<string>>();
      for (const r of peer.received) idsPerContent.set(r.content, (idsPerContent.get(r.content) ?? new Set()).add(r.controlId));
      expect(idsPerContent.size).toBe(COUNT);
      expect([...idsPerContent.values()].every((ids) => ids.size === 1)).toBe(true);
      // Nothing acknowledged was sent again: only the message in flight at the kill arrived twice.
      for (const id of controlIds) expect(seen.get(id)).toBe(id === inFlightAtKill ? 2 : 1);
      for (const id of ackedBeforeKill) expect(seen.get(id)).toBe(1);
      // Order kept across the restart: first arrivals in id order.
      const firstArrivals = [...new Map(peer.received.map((r) => [r.controlId, r] as const)).keys()];
      expect(firstArrivals).toEqual(controlIds);

      // The attempts on disk match what the peer saw, and the interrupted one is recorded as such.
      const after = new DatabaseSync(join(data.path, DATABASE_FILE), { readOnly: true });
      try {
        const attempts = after
          .prepare('SELECT w.control_id AS controlId, a.number, a.outcome FROM writeback_attempts a JOIN writebacks w ON w.id = a.writeback_id ORDER BY a.writeback_id, a.number')
          .all() as { controlId: string; number: number; outcome: string }[];
        for (const id of controlIds) expect(attempts.filter((a) => a.controlId === id)).toHaveLength(seen.get(id) ?? 0);
        expect(attempts.filter((a) => a.controlId === inFlightAtKill).map((a) => a.outcome)).toEqual(['interrupted', 'accepted']);
        expect(attempts.filter((a) => a.outcome === 'pending')).toEqual([]);
      } finally {
        after.close();
      }
      // One duplicate in all, on the wire, with the same control id: what MSH-10 deduplication is for.
      expect(peer.received).toHaveLength(COUNT + 1);
    } finally {
      for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
      data.remove();
    }
  }, 60_000);
});
