import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventBus } from '../core/events/event-bus';

const HEARTBEAT_MS = 15_000;

/** What the stream reports about the core on connect and on every heartbeat. */
export interface StreamSnapshot {
  /** The newest stored notification's id, or null when there is none. */
  lastNotificationId: number | null;
}

/**
 * Streams every core event to one browser as server-sent events until it disconnects.
 * A `heartbeat` (on connect, then every 15 s) carries a snapshot, so a page that missed an event
 * (one sent while it was still connecting, or during a reconnect) notices and refetches.
 */
export function streamEvents(req: IncomingMessage, res: ServerResponse, events: EventBus, snapshot: () => Promise<StreamSnapshot>): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.write('retry: 2000\n\n');
  const unsubscribe = events.subscribe((name, payload) => {
    res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
  });
  // Subscribed first, snapshot second: anything committed after the snapshot arrives as an event.
  const heartbeat = () =>
    void snapshot()
      .then((s) => res.write(`event: heartbeat\ndata: ${JSON.stringify(s)}\n\n`))
      .catch(() => res.write(': heartbeat\n\n'));
  heartbeat();
  const timer = setInterval(heartbeat, HEARTBEAT_MS);
  timer.unref();
  const stop = () => {
    clearInterval(timer);
    unsubscribe();
  };
  req.once('close', stop);
  res.once('close', stop);
}
