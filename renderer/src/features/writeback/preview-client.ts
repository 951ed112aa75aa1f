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
  /** A newer text than the last answered one is being translated. */
  readonly pending: boolean;
}

/** The preview computation itself (preview-compute's), for running on this thread. */
export type ComputePreview = (text: string, options: TranslateOptions) => PreviewOutput;

/**
 * Texts up to this length are translated on this thread, during the keystroke: about 1 ms for a
 * typical resource, less than a round trip to the worker costs, and the preview then paints in
 * the same frame as the key. Longer texts (a 200-result report takes ~20 ms) go to the worker.
 */
export const INLINE_MAX_CHARS = 20_000;

const EMPTY: PreviewSnapshot = { output: null, text: null, seq: 0, problem: null, pending: false };

/**
 * Turns each version of the editor's text into a preview. Short texts are computed at once on
 * this thread (once the computation's code has loaded); long ones go to the preview worker through
 * a one-deep queue: one request in flight, the newest text waits behind it, older waiting texts
 * are dropped, so a slow translation skips versions instead of falling behind the typing. The
 * editor submits each change as it happens (not from a React effect, which would wait for the
 * next paint). React reads the snapshot with useSyncExternalStore.
 */
export class PreviewClient {
  private worker: Worker | null = null;
  private inFlight: PreviewRequest | null = null;
  private waiting: PreviewRequest | null = null;
  private last: { text: string; options: TranslateOptions } | null = null;
  private compute: ComputePreview | null = null;
  private nextId = 1;
  /** The newest request whose answer was published (answers to older ones are dropped). */
  private answeredId = 0;
  private snapshot: PreviewSnapshot = EMPTY;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly createWorker: () => Worker) {}

  /** From now on, short texts are computed on this thread with `compute`. */
  computeInline(compute: ComputePreview): void {
    this.compute = compute;
  }

  /** Translates this text with these options, unless it is what was last submitted. */
  submit(text: string, options: TranslateOptions): void {
    if (this.last && this.last.text === text && this.last.options === options) return;
    this.last = { text, options };
    const request: PreviewRequest = { id: this.nextId++, text, options };
    if (this.compute && text.length <= INLINE_MAX_CHARS) {
      // Anything queued for the worker is older than this: its answer would only be dropped.
      this.waiting = null;
      this.publish(request, this.computeHere(this.compute, request));
      return;
    }
    if (this.inFlight) this.waiting = request;
    else this.send(request);
    if (!this.snapshot.pending || this.snapshot.problem) this.update({ ...this.snapshot, problem: null, pending: true });
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

  private computeHere(compute: ComputePreview, request: PreviewRequest): PreviewResponse {
    try {
      return { id: request.id, ...compute(request.text, request.options) };
    } catch (error) {
      // translate() reports bad input as issues; this is only for a bug in it.
      return { id: request.id, kind: 'failed', message: `Preview failed: ${error instanceof Error ? error.message : String(error)}`, computeMs: 0 };
    }
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
    this.publish(request, response);
  }

  private publish(request: PreviewRequest, response: PreviewResponse): void {
    // A text computed here may have overtaken one still in the worker: keep the newest.
    if (response.id <= this.answeredId) return;
    this.answeredId = response.id;
    const newest = this.waiting ?? this.inFlight;
    const pending = newest !== null && newest.id > response.id;
    this.update(
      response.kind === 'ok'
        ? { output: response, text: request.text, seq: response.id, problem: null, pending }
        : { ...this.snapshot, problem: response.message, pending },
    );
  }

  private update(snapshot: PreviewSnapshot): void {
    this.snapshot = snapshot;
    for (const l of this.listeners) l();
  }
}
