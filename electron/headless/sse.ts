import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventBus } from '../core/events/event-bus';

const HEARTBEAT_MS = 15_000;

/** Streams every core event to one browser as server-sent events until it disconnects. */
export function streamEvents(req: IncomingMessage, res: ServerResponse, events: EventBus): void {
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
  // Comments keep proxies and the browser from deciding an idle stream is dead.
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  const stop = () => {
    clearInterval(heartbeat);
    unsubscribe();
  };
  req.once('close', stop);
  res.once('close', stop);
}
