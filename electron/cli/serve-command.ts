import type { StoreThreadScripts } from '../core/store/store-thread-scripts';
import { parseArgs } from 'node:util';
import { createCore } from '../core/core';
import { aesGcmSecretBox } from '../core/secrets/aes-gcm-secret-box';
import { unavailableSecretBox } from '../core/secrets/secret-box';
import { HOW_TO_PROVIDE_KEY, loadSecretKey, SECRET_KEY_ENV } from '../core/secrets/secret-key';
import { consoleLogger } from '../core/logger';
import { ReceiverConfigError } from '../core/receiver/webhook-receiver';
import { newAccessToken } from '../headless/access-token';
import { startHttpHost } from '../headless/http-host';
import { APP_VERSION } from '../version';
import { defaultDataDir } from './default-data-dir';
import { openBrowser } from './open-browser';
import { parsePort, UsageError } from './usage-error';

export const SERVE_USAGE = `Usage: switchboard serve [options]

Runs Switchboard's core without Electron and serves the console to a browser.

Options:
  --data-dir DIR          where the database lives (default: ${defaultDataDir()})
  --port N                console port (default 8780; 0 picks a free one)
  --host ADDR             console address (default 127.0.0.1)
  --receiver-port N       webhook receiver port (default 8787; 0 picks a free one)
  --receiver-host ADDR    webhook receiver address (default 127.0.0.1; any other needs a secret)
  --receiver-path PATH    webhook path (default /webhook, or as set in Settings)
  --receiver-secret TOKEN shared token senders must present (also SWITCHBOARD_RECEIVER_SECRET)
  --secret-key-file PATH  key that encrypts stored secrets: 32 random bytes in base64 (also ${SECRET_KEY_ENV})
  --open / --no-open      open the console in a browser (default: open when a display exists)`;

export interface ServeOptions {
  openByDefault: boolean;
  /** The built renderer; resolved by the entry file, whose location in dist/ is fixed. */
  rendererDir: string;
  /** The built store threads, resolved by the entry file likewise (see CoreOptions). */
  storeThreads?: StoreThreadScripts;
}

export async function serveCommand(argv: string[], opts: ServeOptions): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'receiver-port': { type: 'string' },
      'receiver-host': { type: 'string' },
      'receiver-path': { type: 'string' },
      'receiver-secret': { type: 'string' },
      'secret-key-file': { type: 'string' },
      open: { type: 'boolean' },
      'no-open': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${SERVE_USAGE}\n`);
    return;
  }
  const log = consoleLogger();
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const host = values.host ?? '127.0.0.1';
  const secret = values['receiver-secret'] ?? process.env.SWITCHBOARD_RECEIVER_SECRET;
  const receiverPath = values['receiver-path'];
  if (receiverPath !== undefined && !/^\/[A-Za-z0-9._~\-/]*$/.test(receiverPath)) {
    throw new UsageError(`--receiver-path must start with / (got ${receiverPath}).`);
  }

  let secretKey: Uint8Array | null;
  try {
    secretKey = loadSecretKey(values['secret-key-file']);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const secrets = secretKey ? aesGcmSecretBox(secretKey) : unavailableSecretBox(HOW_TO_PROVIDE_KEY);

  let core;
  try {
    core = createCore({
      dataDir,
      host: 'headless',
      version: APP_VERSION,
      receiver: {
        host: values['receiver-host'] ?? '127.0.0.1',
        port: parsePort(values['receiver-port'], '--receiver-port', 8787),
        ...(receiverPath ? { path: receiverPath } : {}),
        ...(secret ? { secret } : {}),
      },
      log,
      secrets,
      ...(opts.storeThreads ? { storeThreads: opts.storeThreads } : {}),
    });
  } catch (error) {
    if (error instanceof ReceiverConfigError) throw new UsageError(error.message);
    throw error;
  }
  try {
    await core.start();
  } catch (error) {
    await core.close();
    if (error instanceof ReceiverConfigError) throw new UsageError(error.message);
    throw error;
  }
  const consoleHost = await startHttpHost({
    core,
    rendererDir: opts.rendererDir,
    host,
    port: parsePort(values.port, '--port', 8780),
    token: newAccessToken(),
    log,
  }).catch(async (error: unknown) => {
    await core.close();
    const code = (error as NodeJS.ErrnoException).code;
    throw code === 'EADDRINUSE' ? new UsageError(`Console port is already in use; pass --port.`) : error;
  });

  const status = await core.execute('receiver.status', {});
  const receiverUrl = status.ok ? (status.value as { url: string | null }).url : null;
  process.stdout.write(
    [
      `Switchboard ${APP_VERSION} (headless)`,
      `Data:     ${dataDir}`,
      `Console:  ${consoleHost.consoleUrl}`,
      `Receiver: ${receiverUrl ?? 'not listening'}`,
      `Secrets:  ${secrets.available ? (values['secret-key-file'] ? `encrypted with ${values['secret-key-file']}` : `encrypted with ${SECRET_KEY_ENV}`) : 'cannot be stored (no --secret-key-file)'}`,
      '',
    ].join('\n'),
  );
  const shouldOpen = values['no-open'] ? false : (values.open ?? opts.openByDefault);
  if (shouldOpen) openBrowser(consoleHost.consoleUrl);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await consoleHost.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}
