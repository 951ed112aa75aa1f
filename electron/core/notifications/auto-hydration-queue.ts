export interface AutoHydrationQueueOptions<Job> {
  /** Hydrates one notification (fetches and records); a rejection is handed to `failed`. */
  run(job: Job): Promise<void>;
  failed(job: Job, error: unknown): void;
  /** This job will not run, because the backlog was full or the app is closing (record it so the user sees why). */
  skipped(job: Job, reason: SkipReason): void;
  /** Hydrations in flight at once: what one endpoint may ask of a FHIR server during a burst. */
  concurrency?: number;
  /** Jobs waiting at most; beyond it, arrivals are skipped rather than held without bound. */
  maxBacklog?: number;
}

export type Enqueued = 'started' | 'queued' | 'skipped';
export type SkipReason = 'backlog-full' | 'closing';

/**
 * Automatic hydrations of arriving notifications, a few at a time: a burst of lightweight
 * notifications becomes a bounded stream of requests to the FHIR server instead of thousands at
 * once, and a backlog past its cap is skipped visibly rather than dropped in silence.
 */
export class AutoHydrationQueue<Job> {
  private readonly waiting: Job[] = [];
  private active = 0;
  private closed = false;
  private readonly concurrency: number;
  private readonly maxBacklog: number;

  constructor(private readonly options: AutoHydrationQueueOptions<Job>) {
    this.concurrency = options.concurrency ?? 4;
    this.maxBacklog = options.maxBacklog ?? 500;
  }

  /** Jobs waiting for a slot (not counting those running). */
  get backlog(): number {
    return this.waiting.length;
  }

  get running(): number {
    return this.active;
  }

  enqueue(job: Job): Enqueued {
    if (this.closed) {
      this.guard(() => this.options.skipped(job, 'closing'));
      return 'skipped';
    }
    if (this.active < this.concurrency) {
      this.start(job);
      return 'started';
    }
    if (this.waiting.length >= this.maxBacklog) {
      this.guard(() => this.options.skipped(job, 'backlog-full'));
      return 'skipped';
    }
    this.waiting.push(job);
    return 'queued';
  }

  /** Starts nothing more: what waits is recorded as skipped (the app is closing), what runs finishes on its own. */
  close(): void {
    this.closed = true;
    for (const job of this.waiting.splice(0)) this.guard(() => this.options.skipped(job, 'closing'));
  }

  private start(job: Job): void {
    this.active++;
    let running: Promise<void>;
    try {
      running = this.options.run(job);
    } catch (error) {
      running = Promise.reject(error);
    }
    running
      .catch((error: unknown) => this.guard(() => this.options.failed(job, error)))
      .finally(() => {
        this.active--;
        const next = this.closed ? undefined : this.waiting.shift();
        if (next !== undefined) this.start(next);
      });
  }

  /** A recording hook that throws (the database closing) must not stall the queue. */
  private guard(hook: () => void): void {
    try {
      hook();
    } catch {
      // Nothing to do: the job's outcome is lost, the queue goes on.
    }
  }
}
