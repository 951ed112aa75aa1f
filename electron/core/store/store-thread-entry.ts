import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import type { StoreThreadData, ThreadStatus } from './store-thread-protocol';

/**
 * The start of every store thread: opens what the thread works with from its start data, or tells
 * the main thread it is unavailable (which then writes on its own thread instead) and ends.
 */
export function openStoreThread<Reply extends { kind: string }, Opened>(
  name: string,
  open: (data: StoreThreadData) => Opened,
): { port: MessagePort; reply: (message: Reply | ThreadStatus) => void; opened: Opened } {
  const port = parentPort;
  if (!port) throw new Error(`${name} runs as a worker thread.`);
  const reply = (message: Reply | ThreadStatus) => port.postMessage(message);
  try {
    return { port, reply, opened: open(workerData as StoreThreadData) };
  } catch (error) {
    reply({ kind: 'unavailable', message: error instanceof Error ? error.message : String(error) });
    port.close();
    throw error;
  }
}
