/** How often, at most, buffered outcomes are written. */
export const OUTCOME_FLUSH_MS = 1_000;

/**
 * Outcomes of automatic hydrations that fetched nothing (failed, skipped), written together at
 * most once per interval. They come at the receiver's rate during a burst or while a FHIR server
 * is down, and each commit on the core's connection is a synchronous=FULL fsync that also takes
 * the main database's write lock the writer thread's group commits need: one commit a second,
 * whatever the rate, instead of one per arrival.
 */
export class HydrationOutcomeBuffer<Entry> {
  private entries: Entry[] = [];
  private timer: NodeJS.Timeout | null = null;
  /** After close, an outcome is written at once: no timer may outlive the database. */
  private closed = false;

  constructor(
    /** Writes a batch in one transaction; a throw (the database closing) loses that batch only. */
    private readonly write: (entries: Entry[]) => void,
    private readonly intervalMs = OUTCOME_FLUSH_MS,
  ) {}

  add(entry: Entry): void {
    this.entries.push(entry);
    if (this.closed) return this.flush();
    if (this.timer) return;
    // Started by the first entry after a write: writes are at least one interval apart.
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush();
    }, this.intervalMs);
    this.timer.unref();
  }

  /**
   * On shutdown, before the database closes: writes what waits, and from now on writes each
   * outcome as it comes (hydrations still running may fail after this).
   */
  close(): void {
    this.closed = true;
    this.flush();
  }

  /** Writes whatever waits now. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.entries;
    this.entries = [];
    if (batch.length === 0) return;
    try {
      this.write(batch);
    } catch {
      // The database is closing: these outcomes are not recorded; the notifications are.
    }
  }
}
