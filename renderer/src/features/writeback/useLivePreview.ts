import { useEffect, useState } from 'react';
import type { TranslateOptions } from '../../../../shared/fhir-to-v2';
import { PreviewClient, type OkPreview } from './preview-client';
import { writebackDraft, type LoadedText } from './writeback-store';

export type { OkPreview };

const createWorker = () => new Worker(new URL('./preview.worker.ts', import.meta.url), { type: 'module' });

/**
 * The live preview of the editor's text, as a client the parts that show it subscribe to (see
 * usePreview). Returning the client rather than its snapshot keeps the screen that owns it from
 * re-rendering on every preview. Typing reaches the client directly (the editor calls `submit` on
 * each change); this hook submits the draft when something else changes it (a template is loaded)
 * or the options change.
 */
export function useLivePreview(loaded: LoadedText, options: TranslateOptions): PreviewClient {
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
  return client;
}
