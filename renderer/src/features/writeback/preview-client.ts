import type { TranslateOptions } from '../../../../shared/fhir-to-v2';
import type { PreviewOutput } from './preview-compute';
import type { PreviewRequest, PreviewResponse } from './preview-protocol';

export type OkPreview = Extract<PreviewOutput, { kind: 'ok' }>;

export interface PreviewSnapshot {
  /** The newest successful preview (kept while the text does not parse). */
  readonly output: OkPreview | null;
  /** The text `output` was computed from: its ranges are offsets into this text. */
  readonly text: string | null;
  /** Increases with every preview shown (the request it answered). */
  readonly seq: number;
  /** The newest answered text had no preview of its own: why (not JSON yet, or a translator failure). */
  readonly problem: string | null;
  /** The last text answered, good or not. */
  readonly answeredText: string | null;
}

const EMPTY: PreviewSnapshot = { output: null, text: null, seq: 0, problem: null, answeredText: null };

/**
 * The preview worker and its one-deep queue. The editor submits each change as it happens (not
 * from a React effect, which would wait for the next paint); one request is in flight, the newest
 * text waits behind it, older waiting texts are dropped, so a slow translation skips versions
 * instead of falling behind the typing. React reads the snapshot with useSyncExternalStore.
 */
export class PreviewClient {
  private worker: Worker | null = null;
  private inFlight: PreviewRequest | null = null;
  private waiting: PreviewRequest | null = null;
  private last: { text: string; options: TranslateOptions } | null = null;
  private nextId = 1;
  private snapshot: PreviewSnapshot = EMPTY;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly createWorker: () => Worker) {}

  /** Translates this text with these options, unless it is what was last submitted. */
  submit(text: string, options: TranslateOptions): void {
    if (this.last && this.last.text === text && this.last.options === options) return;
    this.last = { text, options };
    const request: PreviewRequest = { id: this.nextId++, text, options };
    if (this.inFlight) {
      this.waiting = request;
      return;
    }
    this.send(request);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): PreviewSnapshot => this.snapshot;

  /** Stops the worker; the next submit starts a new one. */
  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.inFlight = null;
    this.waiting = null;
    this.last = null;
  }

  private send(request: PreviewRequest): void {
    if (!this.worker) {
      const w = this.createWorker();
      w.onmessage = (event: MessageEvent<PreviewResponse>) => this.answered(event.data);
      this.worker = w;
    }
    this.inFlight = request;
    this.worker.postMessage(request);
  }

  private answered(response: PreviewResponse): void {
    const request = this.inFlight;
    this.inFlight = null;
    const next = this.waiting;
    this.waiting = null;
    if (next) this.send(next);
    if (!request || request.id !== response.id) return;
    this.snapshot =
      response.kind === 'ok'
        ? { output: response, text: request.text, seq: response.id, problem: null, answeredText: request.text }
        : { ...this.snapshot, problem: response.message, answeredText: request.text };
    for (const l of this.listeners) l();
  }
}
