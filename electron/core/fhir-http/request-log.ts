import type { RequestLogEntry } from '../../../shared/contract';

export type RequestLogRecord = Omit<RequestLogEntry, 'id' | 'at'>;

/**
 * The recent HTTP exchanges with FHIR servers, newest last, in memory only: URLs carry search
 * parameters (names, birth dates), so they are not written to disk. Headers arrive redacted;
 * bodies are never kept.
 */
export class RequestLog {
  private readonly entries: RequestLogEntry[] = [];
  private nextId = 1;

  constructor(
    private readonly now: () => number,
    private readonly capacity = 500,
  ) {}

  record(entry: RequestLogRecord): RequestLogEntry {
    const full: RequestLogEntry = { id: this.nextId++, at: new Date(this.now()).toISOString(), ...entry };
    this.entries.push(full);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
    return full;
  }

  list(connectionId: string | undefined, limit: number): RequestLogEntry[] {
    const out: RequestLogEntry[] = [];
    for (let i = this.entries.length - 1; i >= 0 && out.length < limit; i--) {
      const entry = this.entries[i];
      if (entry && (connectionId === undefined || entry.connectionId === connectionId)) out.push(entry);
    }
    return out;
  }
}
