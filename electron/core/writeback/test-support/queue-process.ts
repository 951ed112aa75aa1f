/**
 * The real core with its writeback queue in a process of its own, for the crash/restart test.
 *   node queue-process.mjs enqueue <dataDir> <host> <port> <count>
 *       queues <count> Patient writebacks to the MLLP peer, prints `{"ids":[…]}`, then starts the
 *       queue and sends until killed
 *   node queue-process.mjs run <dataDir>
 *       starts the core on an existing data folder (the queue resumes), prints `{"started":true}`
 * Message contents never reach stdout or stderr.
 */
import { createCore } from '../../core';

async function main(): Promise<void> {
  const [mode, dataDir, host, port, count] = process.argv.slice(2);
  if (!dataDir || (mode !== 'enqueue' && mode !== 'run')) throw new Error('usage: queue-process enqueue|run <dataDir> [host port count]');
  const core = createCore({ dataDir, host: 'headless', version: 'queue-process', receiver: { port: 0 } });
  const stop = () => void core.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  if (mode === 'enqueue') {
    const ids: number[] = [];
    for (let i = 0; i < Number(count); i++) {
      const result = await core.execute('writebacks.enqueue', {
        input: {
          resourceType: 'Patient',
          id: `crash-${i}`,
          identifier: [{ system: 'urn:oid:1.2.3', value: `CRASH-${i}` }],
          name: [{ family: `Crash${i}`, given: ['Test'] }],
          birthDate: '1980-01-01',
        },
        target: {
          destination: {
            transport: 'mllp',
            host,
            port: Number(port),
            ackTimeoutMs: 2000,
            maxAttempts: 5,
            backoff: { initialMs: 20, maxMs: 200, multiplier: 2, jitter: 0.2 },
          },
        },
      });
      if (!result.ok) throw new Error(result.error.message);
      ids.push((result.value as { id: number }).id);
    }
    process.stdout.write(`${JSON.stringify({ ids })}\n`);
  }
  await core.start();
  if (mode === 'run') process.stdout.write(`${JSON.stringify({ started: true })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
