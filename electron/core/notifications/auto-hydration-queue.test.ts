import { describe, expect, it } from 'vitest';
import { AutoHydrationQueue } from './auto-hydration-queue';

/** A job the test finishes by hand. */
function gate() {
  let open: () => void = () => {};
  let fail: (error: Error) => void = () => {};
  const done = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { done, open, fail };
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('the automatic hydration queue', () => {
  it('runs at most `concurrency` at once, starting the next as one ends, in arrival order', async () => {
    const gates = new Map<number, ReturnType<typeof gate>>();
    const started: number[] = [];
    let inFlight = 0;
    let most = 0;
    const queue = new AutoHydrationQueue<number>({
      run: async (n) => {
        started.push(n);
        inFlight++;
        most = Math.max(most, inFlight);
        const g = gate();
        gates.set(n, g);
        await g.done;
        inFlight--;
      },
      failed: () => {},
      skipped: () => {},
      concurrency: 4,
      maxBacklog: 100,
    });
    const outcomes = Array.from({ length: 10 }, (_, i) => queue.enqueue(i));
    expect(outcomes).toEqual([...Array<string>(4).fill('started'), ...Array<string>(6).fill('queued')]);
    expect(started).toEqual([0, 1, 2, 3]);
    gates.get(1)?.open();
    await settle();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    // Each one ended lets the next waiting one start.
    for (let i = 0; i < 10; i++) {
      gates.get(i)?.open();
      await settle();
    }
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(most).toBe(4);
    expect(queue.running).toBe(0);
  });

  it('skips arrivals beyond its backlog, saying so for each, and queues again once there is room', async () => {
    const skipped: number[] = [];
    const gates: ReturnType<typeof gate>[] = [];
    const queue = new AutoHydrationQueue<number>({
      run: async () => {
        const g = gate();
        gates.push(g);
        await g.done;
      },
      failed: () => {},
      skipped: (n) => skipped.push(n),
      concurrency: 2,
      maxBacklog: 3,
    });
    const outcomes = Array.from({ length: 8 }, (_, i) => queue.enqueue(i));
    expect(outcomes).toEqual(['started', 'started', 'queued', 'queued', 'queued', 'skipped', 'skipped', 'skipped']);
    expect(skipped).toEqual([5, 6, 7]);
    expect(queue.backlog).toBe(3);
    gates[0]?.open();
    await settle();
    expect(queue.backlog).toBe(2);
    expect(queue.enqueue(8)).toBe('queued');
  });

  it('hands a failure to `failed` (to be recorded) and goes on with the next job', async () => {
    const failures: [number, string][] = [];
    const done: number[] = [];
    const queue = new AutoHydrationQueue<number>({
      run: (n) => {
        if (n === 1) return Promise.reject(new Error('connection refused'));
        if (n === 2) throw new Error('thrown before any await');
        done.push(n);
        return Promise.resolve();
      },
      failed: (n, error) => failures.push([n, error instanceof Error ? error.message : String(error)]),
      skipped: () => {},
      concurrency: 1,
    });
    for (const n of [0, 1, 2, 3]) queue.enqueue(n);
    for (let i = 0; i < 5; i++) await settle();
    expect(failures).toEqual([
      [1, 'connection refused'],
      [2, 'thrown before any await'],
    ]);
    expect(done).toEqual([0, 3]);
    expect(queue.running).toBe(0);
  });

  it('keeps going when recording an outcome throws', async () => {
    const done: number[] = [];
    const queue = new AutoHydrationQueue<number>({
      run: (n) => (n === 0 ? Promise.reject(new Error('x')) : (done.push(n), Promise.resolve())),
      failed: () => {
        throw new Error('database closed');
      },
      skipped: () => {},
      concurrency: 1,
    });
    queue.enqueue(0);
    queue.enqueue(1);
    for (let i = 0; i < 3; i++) await settle();
    expect(done).toEqual([1]);
  });
});
