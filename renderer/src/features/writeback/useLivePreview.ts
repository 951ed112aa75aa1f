import { useEffect, useState, useSyncExternalStore } from 'react';
import type { TranslateOptions } from '../../../../shared/fhir-to-v2';
import { PreviewClient, type OkPreview } from './preview-client';

export type { OkPreview };

export interface LivePreview {
  readonly client: PreviewClient;
  /** The newest successful preview (kept while the text does not parse). */
  readonly output: OkPreview | null;
  /** The text `output` was computed from: its ranges are offsets into this text. */
  readonly text: string | null;
  /** Why the newest text has no preview of its own (not JSON yet, or a translator failure); null when it has. */
  readonly problem: string | null;
  /** True while a newer text than `text` is being translated. */
  readonly pending: boolean;
  /** Increases with every preview shown. */
  readonly seq: number;
}

const createWorker = () => new Worker(new URL('./preview.worker.ts', import.meta.url), { type: 'module' });

/**
 * The live preview of `text`. Typing reaches the client sooner through `client.submit` (the editor
 * calls it on each change); this hook submits whatever else changes the text or the options.
 */
export function useLivePreview(text: string, options: TranslateOptions): LivePreview {
  const [client] = useState(() => new PreviewClient(createWorker));
  useEffect(() => {
    let live = true;
    // The translator's code for this thread loads after the screen; until then the worker answers.
    void import('./preview-compute').then((m) => {
      if (live) client.computeInline(m.computePreview);
    });
    return () => {
      live = false;
      client.dispose();
    };
  }, [client]);
  useEffect(() => client.submit(text, options), [client, text, options]);
  const s = useSyncExternalStore(client.subscribe, client.getSnapshot);
  return { client, output: s.output, text: s.text, seq: s.seq, problem: s.problem, pending: s.pending };
}
