import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCore, type Core } from '../core/core';
import { silentLogger } from '../core/logger';
import { startHttpHost, type RunningHttpHost } from '../headless/http-host';

export interface TestHttpHost {
  core: Core;
  host: RunningHttpHost;
  /** `http://127.0.0.1:<port>` of the console. */
  base: string;
  close(): Promise<void>;
}

/** A real core and headless host in `dir` (a stand-in renderer page), on free loopback ports. */
export async function startTestHttpHost(dir: string, token: string): Promise<TestHttpHost> {
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Switchboard</title>');
  const core = createCore({ dataDir: join(dir, 'data'), host: 'headless', version: 'test', receiver: { port: 0 } });
  await core.start();
  const host = await startHttpHost({ core, rendererDir, host: '127.0.0.1', port: 0, token, log: silentLogger });
  return {
    core,
    host,
    base: `http://127.0.0.1:${host.port}`,
    close: async () => {
      await host.close();
      await core.close();
    },
  };
}
