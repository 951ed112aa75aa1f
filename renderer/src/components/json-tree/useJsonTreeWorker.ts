import { useEffect, useRef, useState } from 'react';
import type { JsonNodeSummary, TreeRequest, TreeRequestBody, TreeResponse } from './json-tree-protocol';

type Pending = (response: TreeResponse) => void;

/** Starts a worker holding the parsed text; answers `children(path, offset, limit)` requests. */
export function useJsonTreeWorker(text: string) {
  const worker = useRef<Worker | null>(null);
  const pending = useRef(new Map<number, Pending>());
  const nextId = useRef(1);
  // Keyed by the text it belongs to, so a new text shows "parsing" without resetting state in the effect.
  const [loaded, setLoaded] = useState<{ text: string; root: JsonNodeSummary | null; error: string | null } | null>(null);

  const send = (request: TreeRequestBody) =>
    new Promise<TreeResponse>((resolve) => {
      const requestId = nextId.current++;
      pending.current.set(requestId, resolve);
      const message: TreeRequest = { ...request, requestId };
      worker.current?.postMessage(message);
    });

  useEffect(() => {
    const w = new Worker(new URL('./json-tree.worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    const waiting = pending.current;
    w.onmessage = (event: MessageEvent<TreeResponse>) => {
      const resolve = waiting.get(event.data.requestId);
      waiting.delete(event.data.requestId);
      resolve?.(event.data);
    };
    void send({ type: 'load', text }).then((response) => {
      if (response.type === 'loaded') setLoaded({ text, root: response.root, error: null });
      else if (response.type === 'error') setLoaded({ text, root: null, error: response.message });
    });
    return () => {
      w.terminate();
      waiting.clear();
    };
  }, [text]);

  const children = async (path: (string | number)[], offset: number, limit: number) => {
    const response = await send({ type: 'children', path, offset, limit });
    return response.type === 'children' ? { children: response.children, total: response.total } : { children: [], total: 0 };
  };

  const current = loaded?.text === text ? loaded : null;
  return { root: current?.root ?? null, error: current?.error ?? null, children };
}
