import { useEffect, useState, useSyncExternalStore } from 'react';
import type { TranslateOptions } from '../../../../shared/fhir-to-v2';
import { PreviewClient, type OkPreview } from './preview-client';
import { writebackDraft, type LoadedText } from './writeback-store';

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
 * The live preview of the editor's text. Typing reaches the client directly (the editor calls
 * `client.submit` on each change, without a React render in between); this hook submits the draft
 * when something else changes it (a template is loaded) or the options change.
 */
export function useLivePreview(loaded: LoadedText, options: TranslateOptions): LivePreview {
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
  useEffect(() => client.submit(writebackDraft(), options), [client, loaded, options]);
  const s = useSyncExternalStore(client.subscribe, client.getSnapshot);
  return { client, output: s.output, text: s.text, seq: s.seq, problem: s.problem, pending: s.pending };
}
