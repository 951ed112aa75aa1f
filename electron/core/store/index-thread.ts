import { StoreThread } from './store-thread';
import type { IndexerReply, IndexerRequest, StoreThreadData } from './store-thread-protocol';

const CLOSE_TIMEOUT_MS = 5_000;
const WAKE_INTERVAL_MS = 20;

/** The main thread's side of the index thread (notification-indexer.worker.ts). */
export class IndexThread {
  private readonly thread: StoreThread<IndexerRequest, IndexerReply>;
  private nextSeq = 1;
  private readonly waiting = new Map<number, () => void>();
  private wakeTimer: NodeJS.Timeout | null = null;

  constructor(
    script: string | URL,
    data: StoreThreadData,
    /** The thread could not start (or died): index some other way from now on. */
    private readonly unavailable: (error: Error, started: boolean) => void,
  ) {
    this.thread = new StoreThread(script, data, { reply: (r) => this.replied(r), stopped: (e, started) => this.stopped(e, started) });
  }

  start(): Promise<boolean> {
    return this.thread.start();
  }

  /** New rows were committed. At most one wake-up per WAKE_INTERVAL_MS crosses to the thread: it waits longer than that for more rows anyway. */
  wake(): void {
    if (this.wakeTimer) return;
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = null;
      this.thread.post({ kind: 'wake' });
    }, WAKE_INTERVAL_MS);
    this.wakeTimer.unref();
  }

  /** Resolves once everything committed so far is indexed (or the thread is gone). */
  indexed(): Promise<void> {
    const seq = this.nextSeq++;
    return new Promise<void>((resolve) => {
      this.waiting.set(seq, resolve);
      this.thread.post({ kind: 'indexed', seq });
    });
  }

  close(): Promise<void> {
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.wakeTimer = null;
    return this.thread.close({ kind: 'close' }, CLOSE_TIMEOUT_MS);
  }

  private replied(reply: IndexerReply): void {
    if (reply.kind !== 'indexed') return;
    this.waiting.get(reply.seq)?.();
    this.waiting.delete(reply.seq);
  }

  private stopped(error: Error, started: boolean): void {
    // A query waits on nothing more: it runs with what is indexed.
    for (const resolve of this.waiting.values()) resolve();
    this.waiting.clear();
    this.unavailable(error, started);
  }
}
