import { useSyncExternalStore } from 'react';
import type { PreviewClient, PreviewSnapshot } from './preview-client';

/**
 * What a component shows of the live preview. It re-renders only when `select`'s value changes
 * (by Object.is): select a primitive, or a part of the snapshot as it is, not a new object.
 */
export function usePreview<T>(client: PreviewClient, select: (snapshot: PreviewSnapshot) => T): T {
  return useSyncExternalStore(client.subscribe, () => select(client.getSnapshot()));
}
