import { type ChildProcess, spawn } from 'node:child_process';

/**
 * Runs a built receiver-process script as a child process and resolves with its port once it
 * listens (it prints one JSON line `{"port": …}`); rejects if it exits or stays silent too long.
 */
export async function startReceiverProcess(script: string, args: string[], startTimeoutMs = 20_000): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`receiver did not start: ${err}`)), startTimeoutMs);
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { port: number }).port);
      }
    });
    child.once('exit', (code) => reject(new Error(`receiver exited (${code}): ${err}`)));
  });
  return { child, port };
}
