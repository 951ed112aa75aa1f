import { Worker } from 'node:worker_threads';
import type { StoreThreadData, ThreadStatus } from './store-thread-protocol';

export interface StoreThreadEvents<Reply> {
  reply(reply: Reply): void;
  /** The thread is gone: it failed to start (`started` false) or died or was closed. */
  stopped(error: Error, started: boolean): void;
}

/**
 * One worker thread of the store (writer or indexer) with its own connection: started on first
 * use, requests held until it has opened the database, its end reported once.
 */
export class StoreThread<Request, Reply extends { kind: string }> {
  private worker: Worker | null = null;
  private ready = false;
  private held: { request: Request; transfer: ArrayBuffer[] }[] = [];
  private waitingReady: ((started: boolean) => void)[] = [];
  private closed: (() => void) | null = null;

  constructor(
    private readonly script: string | URL,
    private readonly data: StoreThreadData,
    private readonly events: StoreThreadEvents<Reply>,
  ) {}

  /** Resolves true once the thread has opened the database, false if it could not start. */
  start(): Promise<boolean> {
    if (this.ready) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      this.waitingReady.push(resolve);
      if (!this.worker) this.spawn();
    });
  }

  /** `transfer`: buffers that move to the thread instead of being copied (unusable here afterwards). */
  post(request: Request, transfer: ArrayBuffer[] = []): void {
    if (!this.worker) this.spawn();
    if (this.ready) this.worker?.postMessage(request, transfer);
    else this.held.push({ request, transfer });
  }

  /** Asks the thread to finish (`request`), waits up to `timeoutMs`, then ends it. */
  async close(request: Request, timeoutMs: number): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    const done = new Promise<void>((resolve) => (this.closed = resolve));
    this.post(request);
    await Promise.race([done, new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref())]);
    await worker.terminate();
  }

  private spawn(): void {
    let worker: Worker;
    try {
      worker = new Worker(this.script, { workerData: this.data });
    } catch (error) {
      this.end(null, error instanceof Error ? error : new Error(String(error)));
      return;
    }
    this.worker = worker;
    this.ready = false;
    // Never what keeps the process alive: the host's servers do that.
    worker.unref();
    worker.on('message', (message: Reply | ThreadStatus) => {
      if (worker !== this.worker) return;
      if (message.kind === 'ready') {
        this.ready = true;
        for (const { request, transfer } of this.held) worker.postMessage(request, transfer);
        this.held = [];
        this.settleReady(true);
      } else if (message.kind === 'closed') {
        this.closed?.();
      } else if (message.kind !== 'unavailable') {
        // 'unavailable' is followed by the thread's error, handled below.
        this.events.reply(message as Reply);
      }
    });
    worker.on('error', (error) => this.end(worker, error));
    worker.on('exit', (code) => this.end(worker, new Error(`the thread exited (${code})`)));
  }

  private end(worker: Worker | null, error: Error): void {
    if (worker !== this.worker) return;
    const started = this.ready;
    this.worker = null;
    this.ready = false;
    this.held = [];
    this.closed?.();
    this.settleReady(false);
    this.events.stopped(error, started);
  }

  private settleReady(started: boolean): void {
    const waiting = this.waitingReady;
    this.waitingReady = [];
    for (const resolve of waiting) resolve(started);
  }
}
