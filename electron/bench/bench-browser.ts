import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Debian's Chromium, with the flags that work on a machine reaching only loopback. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Keep timers and rendering at full speed in a headless, unfocused window.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
  // Every request stays on this machine.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

export interface Host {
  consoleUrl: string;
  stop(): Promise<void>;
}

/** The built `switchboard serve` (dist/node/cli.js, serving dist/renderer) as a child process. */
export async function startHost(dataDir: string): Promise<Host> {
  const cli = join(import.meta.dirname, 'cli.js');
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` first (npm run bench does).`);
  const child: ChildProcess = spawn(process.execPath, [cli, 'serve', '--data-dir', dataDir, '--port', '0', '--receiver-port', '0', '--no-open'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CI: '1' },
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
  let output = '';
  try {
    const consoleUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 15_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const url = /Console:\s+(\S+)/.exec(output)?.[1];
        if (url) {
          clearTimeout(timer);
          resolve(url);
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`host exited with ${code}:\n${output}`));
      });
    });
    const host = new URL(consoleUrl).hostname;
    if (host !== '127.0.0.1') throw new Error(`host listens on ${host}, not 127.0.0.1`);
    return { consoleUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
