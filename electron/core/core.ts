import type { DatabaseSync } from 'node:sqlite';
import type { CommandResult } from '../../shared/contract';
import { CommandFailure } from './command-error';
import { createDispatcher, type CommandHandlers } from './dispatch';
import { EventBus } from './events/event-bus';
import { silentLogger, type Logger } from './logger';
import {
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_RECEIVER_HOST,
  DEFAULT_RECEIVER_PATH,
  DEFAULT_RECEIVER_PORT,
  type ReceiverConfig,
} from './receiver/receiver-config';
import { hashToken } from './receiver/shared-token';
import { ReceiverConfigError, WebhookReceiver } from './receiver/webhook-receiver';
import { loadReceiverSettings, saveReceiverSettings } from './settings/receiver-settings';
import { SettingsStore } from './settings/settings-store';
import { openDatabase } from './store/database';
import { NotificationStore } from './store/notification-store';

export interface CoreOptions {
  dataDir: string;
  host: 'electron' | 'headless';
  version: string;
  /** Overrides for this run (command-line flags); anything left out comes from Settings. */
  receiver?: { host?: string; port?: number; path?: string; secret?: string };
  now?: () => number;
  log?: Logger;
}

export interface Core {
  execute(name: string, input: unknown): Promise<CommandResult<unknown>>;
  events: EventBus;
  /** Starts the receiver; rejects with a readable message when it cannot listen. */
  start(): Promise<void>;
  close(): Promise<void>;
}

export { ReceiverConfigError };

/** Builds every service from its dependencies: the composition root both hosts share. */
export function createCore(options: CoreOptions): Core {
  const log = options.log ?? silentLogger;
  const now = options.now ?? Date.now;
  const db: DatabaseSync = openDatabase(options.dataDir);
  const settings = new SettingsStore(db);
  const notifications = new NotificationStore(db);
  const events = new EventBus();

  const stored = loadReceiverSettings(settings);
  const overrides = options.receiver ?? {};
  const initial: ReceiverConfig = {
    host: overrides.host ?? DEFAULT_RECEIVER_HOST,
    port: overrides.port ?? stored.port ?? DEFAULT_RECEIVER_PORT,
    path: overrides.path ?? stored.path ?? DEFAULT_RECEIVER_PATH,
    maxBodyBytes: stored.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    secret: overrides.secret ? hashToken(overrides.secret) : (stored.secretHash ?? null),
    secretSource: overrides.secret ? 'command-line' : stored.secretHash ? 'settings' : 'none',
  };
  const receiver = new WebhookReceiver(initial, {
    persist: (n) => notifications.add(n),
    onStored: (summary) => events.emit('notification.received', summary),
    onStatus: (status) => events.emit('receiver.status', status),
    now,
    log,
  });

  const handlers: CommandHandlers = {
    'app.info': () => ({
      name: 'Switchboard',
      version: options.version,
      host: options.host,
      dataDir: options.dataDir,
    }),
    'receiver.status': () => receiver.status(),
    'receiver.configure': (input) => {
      const next = { ...loadReceiverSettings(settings) };
      if (input.path !== undefined) next.path = input.path;
      if (input.maxBodyBytes !== undefined) next.maxBodyBytes = input.maxBodyBytes;
      if (input.secret === null) delete next.secretHash;
      else if (input.secret !== undefined) next.secretHash = hashToken(input.secret);

      const current = receiver.currentConfig();
      const fromCommandLine = current.secretSource === 'command-line';
      try {
        receiver.reconfigure({
          path: next.path ?? current.path,
          maxBodyBytes: next.maxBodyBytes ?? current.maxBodyBytes,
          ...(fromCommandLine
            ? {}
            : { secret: next.secretHash ?? null, secretSource: next.secretHash ? 'settings' : 'none' }),
        });
      } catch (error) {
        if (error instanceof ReceiverConfigError) throw new CommandFailure('conflict', error.message);
        throw error;
      }
      saveReceiverSettings(settings, next);
      return receiver.status();
    },
    'notifications.list': (input) => notifications.list(input.limit, input.beforeId),
    'notifications.get': (input) => {
      const detail = notifications.get(input.id);
      if (!detail) throw new CommandFailure('not-found', `Notification ${input.id} does not exist.`);
      return detail;
    },
  };

  let closed = false;
  return {
    execute: createDispatcher(handlers, log),
    events,
    start: () => receiver.start(),
    async close() {
      if (closed) return;
      closed = true;
      await receiver.stop();
      notifications.close();
      db.close();
    },
  };
}
