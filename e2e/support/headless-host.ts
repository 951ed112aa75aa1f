import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CLI = resolve(import.meta.dirname, '../../dist/node/cli.js');

export interface RunningHost {
  consoleUrl: string;
  receiverUrl: string;
  stop(): Promise<void>;
}

/** A fresh data folder for one test; the host can be started on it more than once. */
export function freshDataDir(): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'switchboard-e2e-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Starts the built `switchboard serve` as a real process and reads the URLs it prints. */
export async function startHost(dataDir: string, extraArgs: string[] = []): Promise<RunningHost> {
  const child: ChildProcess = spawn(
    process.execPath,
    [CLI, 'serve', '--data-dir', dataDir, '--port', '0', '--receiver-port', '0', '--no-open', ...extraArgs],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: '1' } },
  );
  let output = '';
  const urls = await new Promise<{ consoleUrl: string; receiverUrl: string }>((resolveUrls, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const consoleUrl = /Console:\s+(\S+)/.exec(output)?.[1];
      const receiverUrl = /Receiver:\s+(\S+)/.exec(output)?.[1];
      if (consoleUrl && receiverUrl) {
        clearTimeout(timer);
        resolveUrls({ consoleUrl, receiverUrl });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`host exited with ${code}:\n${output}`)));
  });
  return {
    ...urls,
    stop: () =>
      new Promise<void>((resolveStop) => {
        if (child.exitCode !== null) return resolveStop();
        child.once('exit', () => resolveStop());
        child.kill('SIGTERM');
      }),
  };
}
