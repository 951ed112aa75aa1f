/**
 * A receiver in its own process, for the crash-safety test (killed with SIGKILL under load) and
 * the ingest benchmark (client and server on separate cores).
 *   node receiver-process.js core <dataDir> [writerScript indexerScript]
 *                                            the real core: endpoints, group commit, synchronous=FULL,
 *                                            in the store threads when their scripts are given
 *   node receiver-process.js bare             a bare node:http endpoint that reads the body and answers 200
 * Prints one JSON line `{"port":N}` once listening, then serves until killed.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCore } from '../core/core';

async function main(): Promise<void> {
  const [mode, dataDir, writer, indexer] = process.argv.slice(2);
  if (mode === 'bare') {
    let id = 0;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const text = JSON.stringify({ status: 'stored', id: ++id, bytes: Buffer.concat(chunks).byteLength });
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
        res.end(text);
      });
    });
    server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`));
    return;
  }
  if (mode !== 'core' || !dataDir) throw new Error('usage: receiver-process core <dataDir> | bare');
  const core = createCore({
    dataDir,
    host: 'headless',
    version: 'receiver-process',
    receiver: { port: 0 },
    ...(writer && indexer ? { storeThreads: { writer, indexer } } : {}),
  });
  await core.start();
  const status = await core.execute('receiver.status', {});
  if (!status.ok) throw new Error(status.error.message);
  process.stdout.write(`${JSON.stringify({ port: (status.value as { port: number }).port })}\n`);
  const stop = () => void core.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
