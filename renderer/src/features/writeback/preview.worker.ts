/// <reference lib="webworker" />
import { computePreview } from './preview-compute';
import type { PreviewRequest, PreviewResponse } from './preview-protocol';

// The translator runs here, off the window's main thread, so typing never waits for it; the page
// sends only the newest text (one request in flight at a time), so no backlog builds up.
self.onmessage = (event: MessageEvent<PreviewRequest>) => {
  const { id, text, options } = event.data;
  let response: PreviewResponse;
  try {
    response = { id, ...computePreview(text, options) };
  } catch (error) {
    // translate() reports bad input as issues; this is only for a bug in it.
    response = { id, kind: 'failed', message: `Preview failed: ${error instanceof Error ? error.message : String(error)}`, computeMs: 0 };
  }
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(response);
};
