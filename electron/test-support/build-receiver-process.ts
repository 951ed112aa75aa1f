import { join } from 'node:path';
import { buildNodeScript } from './build-node-script';

/** receiver-process.ts with the real core, as one script to run and kill as a child process. */
export const buildReceiverProcess = (outDir: string): Promise<string> => buildNodeScript(join(import.meta.dirname, 'receiver-process.ts'), outDir);

/** The store threads' scripts, for a receiver process (or a store) to start. */
export async function buildStoreThreads(outDir: string): Promise<{ writer: string; indexer: string }> {
  const store = join(import.meta.dirname, '..', 'core', 'store');
  return {
    writer: await buildNodeScript(join(store, 'notification-writer.worker.ts'), outDir),
    indexer: await buildNodeScript(join(store, 'notification-indexer.worker.ts'), outDir),
  };
}
