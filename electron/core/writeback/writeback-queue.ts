import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { DestinationConfig } from '../../../shared/contract';
import type { EventBus } from '../events/event-bus';
import type { Logger } from '../logger';
import type { DeliveryOutcome, Transport } from './delivery';
import { settle } from './settle';
import { WritebackNotFoundError, type QueuedWriteback, type WritebackStore } from './writeback-store';

export interface WritebackQueueDeps {
  store: WritebackStore;
  transports: Record<'mllp' | 'fhir', Transport>;
  events: EventBus;
  log: Logger;
  now: () => number;
  random?: () => number;
  /** How often the lease is renewed, and after how long without renewal another process may take it. */
  leaseRenewMs?: number;
  leaseStaleMs?: number;
}

const isDead = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as { code?: string }).code === 'ESRCH';
  }
};

/**
 * The delivery queue: a worker per queue key (receiving endpoint) sends the key's open writebacks
 * one at a time, in id order. Durability comes from the store: the control id and the message are
 * stored at enqueue; an attempt is committed as `pending` before its bytes go out and settled in a
 * second commit after the answer; at start, `sending` rows (a crash mid-attempt) are made due again
 * with the same control id. Only the process holding the data folder's lease sends.
 */
export class WritebackQueue {
  private readonly workers = new Map<string, Worker>();
  private readonly owner = randomUUID();
  private leaseHeld = false;
  private leaseTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private started = false;
  private readonly random: () => number;

  constructor(private readonly deps: WritebackQueueDeps) {
    this.random = deps.random ?? Math.random;
  }

  /** Takes the lease if free, recovers interrupted attempts, and starts every key with work. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.tryLease();
    const renew = this.deps.leaseRenewMs ?? 2000;
    this.leaseTimer = setInterval(() => this.tryLease(), renew);
    this.leaseTimer.unref();
  }

  /** Whether this process sends (another may hold the data folder's queue). */
  get active(): boolean {
    return this.leaseHeld && !this.closed;
  }

  private tryLease(): void {
    if (this.closed) return;
    const had = this.leaseHeld;
    try {
      this.leaseHeld = this.deps.store.acquireLease(this.owner, process.pid, hostname(), this.deps.leaseStaleMs ?? 15_000, isDead);
    } catch (error) {
      this.deps.log.warn('writeback queue: lease check failed', { error: error instanceof Error ? error.message : String(error) });
      return;
    }
    if (this.leaseHeld && !had) {
      const recovered = this.deps.store.recoverInterrupted('the core stopped during this attempt');
      if (recovered.length > 0) this.deps.log.info('writeback queue: resuming interrupted attempts', { count: recovered.length });
      for (const id of recovered) this.emit(id, 'status');
      for (const key of this.deps.store.openKeys()) this.wake(key);
    }
    if (!this.leaseHeld && had) this.deps.log.warn('writeback queue: lease lost; another process sends now');
  }

  /** Something changed for this key (enqueue, retry now, cancel): let its worker look again. */
  wake(key: string): void {
    if (!this.active) return;
    let worker = this.workers.get(key);
    if (!worker) {
      worker = new Worker(key, this);
      this.workers.set(key, worker);
    }
    worker.wake();
  }

  /** Stops sending. Attempts in flight are aborted and recorded as interrupted (due again at the next start). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.leaseTimer) clearInterval(this.leaseTimer);
    await Promise.all([...this.workers.values()].map((w) => w.stop()));
    this.workers.clear();
    this.deps.transports.mllp.close();
    this.deps.transports.fhir.close();
    if (this.leaseHeld) this.deps.store.releaseLease(this.owner);
    this.leaseHeld = false;
  }

  /**
   * @internal: one attempt for the key's head (`begun`: already recorded by the previous settle).
   * Returns the next writeback of the key when its attempt was begun in the same commit.
   */
  async attempt(w: QueuedWriteback, signal: AbortSignal, begun?: number): Promise<{ writeback: QueuedWriteback; number: number } | null> {
    const { store, now } = this.deps;
    const transport = this.deps.transports[w.transport];
    const number = begun ?? store.beginAttempt(w.id, transport.plannedBytes(w));
    this.emit(w.id, 'attempt');
    let outcome: DeliveryOutcome;
    try {
      outcome = await transport.send(w, signal);
    } catch (error) {
      // Transports report failures as outcomes; this is a bug, kept out of the receiver's way.
      outcome = {
        outcome: 'protocol-error',
        acceptance: null,
        rejectCode: null,
        result: null,
        error: `internal error: ${error instanceof Error ? error.message : String(error)}`,
        bytesOut: 0,
        bytesIn: 0,
        durationMs: 0,
        ackText: null,
        ack: null,
        http: null,
        responseBody: null,
      };
    }
    const config = DestinationConfig.parse(JSON.parse(w.destination_json));
    const finishedAt = now();
    const settlement = settle(outcome, {
      attempt: number,
      maxAttempts: w.max_attempts,
      retryOn: config.transport === 'mllp' ? config.retryOn : [],
      cancelRequested: store.cancelRequested(w.id),
      backoff: config.backoff,
      now: finishedAt,
      random: this.random,
    });
    const next = store.finishAttempt(
      w.id,
      number,
      {
        outcome: settlement.status === 'cancelled' && outcome.outcome !== 'rejected' ? 'cancelled' : outcome.outcome,
        finishedAt,
        durationMs: outcome.durationMs,
        bytesOut: outcome.bytesOut,
        bytesIn: outcome.bytesIn,
        error: outcome.error,
        ackText: outcome.ackText,
        ackJson: outcome.ack === null ? null : JSON.stringify(outcome.ack),
        httpJson: outcome.http === null ? null : JSON.stringify(outcome.http),
        responseBody: outcome.responseBody,
      },
      settlement,
      this.active && !signal.aborted ? { queueKey: w.queue_key, plannedBytes: (h) => this.deps.transports[h.transport].plannedBytes(h) } : undefined,
    );
    // Ids, codes and sizes only: never the message or the ACK's text (PHI).
    this.deps.log.info('writeback attempt', {
      id: w.id,
      attempt: number,
      outcome: outcome.outcome,
      status: settlement.status,
      bytesOut: outcome.bytesOut,
      bytesIn: outcome.bytesIn,
      ms: Math.round(outcome.durationMs),
    });
    this.emit(w.id, 'status');
    return next;
  }

  /** @internal */
  failed(error: unknown): void {
    this.deps.log.error('writeback queue: attempt could not be recorded', { error: error instanceof Error ? error.message : String(error) });
  }

  emit(id: number, change: 'created' | 'status' | 'attempt'): void {
    const summary = this.deps.store.summary(id);
    if (summary) this.deps.events.emit('writeback.updated', { change, writeback: summary });
  }

  /** @internal */
  get store(): WritebackStore {
    return this.deps.store;
  }

  /** @internal */
  get clock(): () => number {
    return this.deps.now;
  }
}

/** Sends one key's writebacks in order; sleeps until the head is due or something wakes it. */
class Worker {
  private running: Promise<void> | null = null;
  private rerun = false;
  private sleeper: { timer: NodeJS.Timeout; resolve: () => void } | null = null;
  private readonly abort = new AbortController();
  private stopped = false;

  constructor(
    private readonly key: string,
    private readonly queue: WritebackQueue,
  ) {}

  wake(): void {
    if (this.stopped) return;
    if (this.sleeper) {
      clearTimeout(this.sleeper.timer);
      this.sleeper.resolve();
      this.sleeper = null;
    }
    if (this.running) {
      this.rerun = true;
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
      if (this.rerun && !this.stopped) {
        this.rerun = false;
        this.wake();
      }
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    if (this.sleeper) {
      clearTimeout(this.sleeper.timer);
      this.sleeper.resolve();
    }
    await this.running;
  }

  private async loop(): Promise<void> {
    let prepared: { writeback: QueuedWriteback; number: number } | null = null;
    while (!this.stopped && this.queue.active) {
      this.rerun = false;
      if (prepared) {
        const { writeback, number } = prepared;
        prepared = null;
        try {
          prepared = await this.queue.attempt(writeback, this.abort.signal, number);
        } catch (error) {
          this.queue.failed(error);
        }
        continue;
      }
      const head = this.queue.store.head(this.key);
      // Nothing left: the MLLP connection stays open until the sender's idle timeout, for the next one.
      if (!head) return;
      const wait = head.status === 'retrying' && head.next_attempt_at !== null ? head.next_attempt_at - this.queue.clock() : 0;
      if (wait > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            this.sleeper = null;
            resolve();
          }, Math.min(wait, 2_147_000_000));
          this.sleeper = { timer, resolve };
        });
        continue;
      }
      try {
        prepared = await this.queue.attempt(head, this.abort.signal);
      } catch (error) {
        // Not open any more (cancelled between head() and beginAttempt()): look again at once.
        if (error instanceof WritebackNotFoundError) continue;
        // A store failure (disk full, database locked for too long): the attempt row says what is
        // known; wait a little rather than spin, then look again.
        this.queue.failed(error);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            this.sleeper = null;
            resolve();
          }, 1000);
          this.sleeper = { timer, resolve };
        });
      }
    }
  }
}
