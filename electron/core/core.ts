import { commandNames, type CommandResult } from '../../shared/contract';
import { createDispatcher, type CommandHandlers } from './dispatch';
import { EventBus } from './events/event-bus';
import { connectionsFeature, createConnectionsService } from './connections/connections-feature';
import type { CoreContext, Feature } from './feature';
import { silentLogger, type Logger } from './logger';
import { notificationsFeature, type ReceiverOverrides } from './notifications/notifications-feature';
import { queryFeature } from './query/query-feature';
import { notificationActionsFeature } from './notifications/notification-actions-feature';
import { writebackTemplatesFeature } from './writeback-templates/templates-feature';
import { ReceiverConfigError } from './receiver/webhook-receiver';
import { SettingsStore } from './settings/settings-store';
import { HOW_TO_PROVIDE_KEY } from './secrets/secret-key';
import { unavailableSecretBox, type SecretBox } from './secrets/secret-box';
import { openDatabase } from './store/database';
import type { StoreThreadScripts } from './store/store-thread-scripts';
import { writebackFeature } from './writeback/writeback-feature';

export interface CoreOptions {
  dataDir: string;
  host: 'electron' | 'headless';
  version: string;
  /** Overrides for this run (command-line flags); anything left out comes from Settings. */
  receiver?: ReceiverOverrides;
  now?: () => number;
  log?: Logger;
  /** Encrypts stored secrets (safeStorage in Electron, the operator's key headless); none: secrets refused. */
  secrets?: SecretBox;
  /**
   * The built store thread scripts (beside the host's own entry file). With them, the receiver's
   * durable commits and the indexing run in those threads; without them (tests), on the main thread.
   */
  storeThreads?: StoreThreadScripts;
}

export interface Core {
  execute(name: string, input: unknown): Promise<CommandResult<unknown>>;
  events: EventBus;
  /** Starts the features that listen or work in the background; rejects with a readable message. */
  start(): Promise<void>;
  close(): Promise<void>;
}

export { ReceiverConfigError };

function mergeHandlers(features: Feature[]): CommandHandlers {
  const merged: Partial<CommandHandlers> = {};
  for (const feature of features) Object.assign(merged, feature.handlers);
  const missing = commandNames.filter((name) => !(name in merged));
  if (missing.length > 0) throw new Error(`No handler for: ${missing.join(', ')}`);
  return merged as CommandHandlers;
}

/** Builds every feature from shared dependencies: the composition root both hosts use. */
export function createCore(options: CoreOptions): Core {
  const log = options.log ?? silentLogger;
  // The index database is attached only where notifications are queried (the notifications feature).
  const db = openDatabase(options.dataDir, { index: false });
  const now = options.now ?? Date.now;
  const secrets = options.secrets ?? unavailableSecretBox(HOW_TO_PROVIDE_KEY);
  const connections = createConnectionsService({ db, now, secrets });
  const ctx: CoreContext = {
    db,
    settings: new SettingsStore(db),
    events: new EventBus(),
    log,
    now,
    dataDir: options.dataDir,
    fhir: connections.clients,
  };

  let features: Feature[];
  try {
    features = [
      {
        handlers: {
          'app.info': () => ({
            name: 'Switchboard',
            version: options.version,
            host: options.host,
            dataDir: options.dataDir,
          }),
        },
      },
      notificationsFeature(ctx, options.receiver, secrets, options.storeThreads),
      connectionsFeature(ctx, connections),
      queryFeature(ctx, { resolveClient: (id) => connections.clients.resolveClient(id) }),
      notificationActionsFeature(ctx),
      writebackTemplatesFeature(ctx),
      writebackFeature(ctx, { connectionName: (id) => connections.store.get(id)?.name ?? null }),
    ];
  } catch (error) {
    db.close();
    throw error;
  }
  const execute = createDispatcher(mergeHandlers(features), log);

  let closed = false;
  return {
    execute,
    events: ctx.events,
    async start() {
      for (const feature of features) await feature.start?.();
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const feature of [...features].reverse()) await feature.close?.();
      db.close();
    },
  };
}
