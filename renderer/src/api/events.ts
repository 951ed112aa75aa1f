import type { EventName, EventPayload } from '../../../shared/contract';
import { bridge } from './transport';

let source: EventSource | null = null;

/** One EventSource for the whole page, opened on first use (headless host only). */
function eventSource(): EventSource {
  source ??= new EventSource('api/events', { withCredentials: true });
  return source;
}

/** Calls `listener` for each event of this name from the core; returns the unsubscribe function. */
export function subscribe<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
  const b = bridge();
  if (b) return (b.events[name] as (l: (p: EventPayload<E>) => void) => () => void)(listener);
  const es = eventSource();
  const handler = (event: MessageEvent<string>) => listener(JSON.parse(event.data) as EventPayload<E>);
  es.addEventListener(name, handler);
  return () => es.removeEventListener(name, handler);
}

/**
 * Calls `listener` each time the event stream opens, the first time included: anything that happened
 * before then (between a page's first fetch and the stream connecting, or while it was down) arrived
 * as no event, so cached data must be refetched. The preload bridge has no such gap.
 */
export function onStreamOpen(listener: () => void): () => void {
  if (bridge()) return () => {};
  const es = eventSource();
  es.addEventListener('open', listener);
  return () => es.removeEventListener('open', listener);
}

/**
 * The headless host's stream heartbeat (on connect, then every 15 s): the newest notification id
 * the core holds, so a page can tell it missed an event. The preload bridge has no such gap.
 */
export function onHeartbeat(listener: (snapshot: { lastNotificationId: number | null }) => void): () => void {
  if (bridge()) return () => {};
  const es = eventSource();
  const handler = (event: MessageEvent<string>) => listener(JSON.parse(event.data) as { lastNotificationId: number | null });
  es.addEventListener('heartbeat', handler);
  return () => es.removeEventListener('heartbeat', handler);
}
