/// <reference lib="webworker" />
import { childrenOf, summarize } from './json-tree-model';
import type { TreeRequest, TreeResponse } from './json-tree-protocol';

// The parsed document lives here, off the window's main thread: parsing 20 MB and walking it never
// blocks typing or scrolling; the view asks for small windows of children as nodes are expanded.
let document: unknown = null;

const reply = (message: TreeResponse) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);

self.onmessage = (event: MessageEvent<TreeRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'load') {
      document = JSON.parse(request.text);
      reply({ type: 'loaded', requestId: request.requestId, root: summarize('(root)', [], document) });
    } else {
      const { children, total } = childrenOf(document, request.path, request.offset, request.limit);
      reply({ type: 'children', requestId: request.requestId, children, total });
    }
  } catch (error) {
    reply({ type: 'error', requestId: request.requestId, message: error instanceof Error ? error.message : String(error) });
  }
};
