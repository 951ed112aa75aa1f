import type { ReceiverStatus } from '../../../shared/contract';
import { CommandFailure } from '../command-error';
import type { CoreContext, Feature } from '../feature';
import { EndpointRegistry } from '../receiver/endpoint-registry';
import {
  DEFAULT_RECEIVER_HOST,
  DEFAULT_RECEIVER_PORT,
  ReceiverConfigError,
  type ReceiverTimeouts,
} from '../receiver/receiver-config';
import { WebhookReceiver } from '../receiver/webhook-receiver';
import type { SecretBox } from '../secrets/secret-box';
import { loadReceiverSettings } from '../settings/receiver-settings';
import { DEFAULT_ENDPOINT_ID, EndpointStore } from '../store/endpoint-store';
import { openConnection } from '../store/database';
import { FactsBackfill } from '../store/facts-backfill';
import { InlineSink, ThreadedSink } from '../store/notification-sink';
import type { StoreThreadScripts } from '../store/store-thread-scripts';
import { NotificationStore } from '../store/notification-store';
import type { RetentionOptions } from '../store/retention';
import { ViewNotFound, ViewStore } from '../store/view-store';
import { WalCheckpointer } from '../store/wal-checkpointer';
import { EndpointService } from './endpoint-service';
import { exportChunk } from './notification-export';

export interface ReceiverOverrides {
  host?: string;
  port?: number;
  /** Path of the default endpoint, for this run. */
  path?: string;
  /** Shared token of the default endpoint, for this run (never stored). */
  secret?: string;
  timeouts?: Partial<ReceiverTimeouts>;
  retention?: RetentionOptions;
}

/** The webhook receiver, its endpoints, and the stored notifications it feeds: inbox queries, views, export, retention. */
export function notificationsFeature(
  ctx: CoreContext,
  overrides: ReceiverOverrides = {},
  secrets?: SecretBox,
  storeThreads?: StoreThreadScripts,
): Feature {
  const box: SecretBox = secrets ?? {
    available: false,
    unavailableReason: 'Secrets cannot be stored here.',
    encrypt: () => Promise.reject(new Error('Secrets cannot be stored here.')),
    decrypt: () => Promise.reject(new Error('Secrets cannot be stored here.')),
  };
  const host = overrides.host ?? DEFAULT_RECEIVER_HOST;
  // Inbox queries need the index database attached; the core's own connection leaves it out, so
  // its transactions never wait on the index thread (see openConnection).
  const indexedDb = openConnection(ctx.dataDir);
  const endpointStore = new EndpointStore(ctx.db, ctx.now);
  // Endpoint counts changed: the Settings list shows them.
  const retained = () => {
    for (const e of endpointStore.list()) ctx.events.emit('endpoints.changed', { id: e.id, deleted: false });
  };
  // Retention runs where the receiver's rows are written: in the writer thread, between its group
  // commits. Without store threads (tests), on this thread, between the inline writer's commits.
  const retention = { now: ctx.now, deleted: retained, ...(overrides.retention ? { options: overrides.retention } : {}) };
  const sink = storeThreads
    ? new ThreadedSink({ main: ctx.db, indexed: indexedDb }, ctx.dataDir, storeThreads, ctx.log, retention)
    : new InlineSink(indexedDb, { ...retention, log: ctx.log });
  const notifications = new NotificationStore(indexedDb, sink);
  const views = new ViewStore(ctx.db, ctx.now);
  const registry = new EndpointRegistry(
    endpointStore,
    box,
    { ...(overrides.path ? { path: overrides.path } : {}), ...(overrides.secret ? { secret: overrides.secret } : {}) },
    ctx.log,
    (ids) => {
      for (const id of ids) ctx.events.emit('endpoints.changed', { id, deleted: false });
      if (ids.includes(DEFAULT_ENDPOINT_ID)) publishStatus();
    },
  );
  registry.reloadWithoutSecrets();
  try {
    registry.assertStoredSafe(host);
  } catch (error) {
    throw new ReceiverConfigError(error instanceof Error ? error.message : String(error));
  }

  const receiver = new WebhookReceiver(
    { host, port: overrides.port ?? loadReceiverSettings(ctx.settings).port ?? DEFAULT_RECEIVER_PORT },
    {
      registry,
      persist: (n) => notifications.add(n),
      onStored: (summary) => ctx.events.emit('notification.received', summary),
      onListening: () => publishStatus(),
      onRejected: () => {},
      now: ctx.now,
      log: ctx.log,
      ...(overrides.timeouts ? { timeouts: overrides.timeouts } : {}),
    },
  );
  const endpoints = new EndpointService(endpointStore, registry, box, () => host, () => receiver.baseUrl());
  const backfill = new FactsBackfill(ctx.db, ctx.log);
  const checkpointer = new WalCheckpointer(ctx.db, ctx.dataDir);

  function receiverStatus(): ReceiverStatus {
    const stored = endpointStore.get(DEFAULT_ENDPOINT_ID);
    const runtime = registry.runtime(DEFAULT_ENDPOINT_ID);
    if (!stored || !runtime) throw new Error('The default endpoint is missing from the database.');
    const base = receiver.baseUrl();
    return {
      listening: receiver.listening,
      url: base === null ? null : `${base}${runtime.path}`,
      host: receiver.host,
      port: receiver.port,
      path: runtime.path,
      maxBodyBytes: runtime.maxBodyBytes,
      secret: runtime.tokenSource ?? (runtime.auth === 'hmac' ? 'settings' : 'none'),
      rejectedUnauthorized: registry.counters(stored).rejected,
      error: receiver.lastError,
    };
  }
  function publishStatus(): void {
    ctx.events.emit('receiver.status', receiverStatus());
  }

  return {
    handlers: {
      'receiver.status': () => receiverStatus(),
      'receiver.configure': async (input) => {
        const current = endpointStore.get(DEFAULT_ENDPOINT_ID);
        if (!current) throw new Error('The default endpoint is missing from the database.');
        const auth = input.secret === null ? 'none' : input.secret !== undefined ? 'token' : current.auth;
        await endpoints.save({
          id: DEFAULT_ENDPOINT_ID,
          name: current.name,
          path: input.path ?? current.path,
          auth,
          ...(input.secret ? { token: input.secret } : {}),
          ...(input.maxBodyBytes !== undefined ? { maxBodyBytes: input.maxBodyBytes } : {}),
        });
        ctx.events.emit('endpoints.changed', { id: DEFAULT_ENDPOINT_ID, deleted: false });
        publishStatus();
        return receiverStatus();
      },
      'notifications.list': async (input) => {
        await notifications.indexed();
        return notifications.list(input);
      },
      'notifications.get': (input) => {
        const detail = notifications.get(input.id);
        if (!detail) throw new CommandFailure('not-found', `Notification ${input.id} does not exist.`);
        return detail;
      },
      'notifications.mark': (input) => {
        const change = {
          ...(input.read !== undefined ? { read: input.read } : {}),
          ...(input.starred !== undefined ? { starred: input.starred } : {}),
          ...(input.note !== undefined ? { note: input.note === null || input.note.trim() === '' ? null : input.note } : {}),
        };
        const updated = notifications.mark(input.ids, change);
        if (updated > 0) ctx.events.emit('notifications.marked', { ids: input.ids, ...change });
        return { updated };
      },
      'notifications.export': async (input) => {
        await notifications.indexed();
        return exportChunk(notifications, input, endpoints.list(), ctx.now());
      },
      'views.list': () => ({ items: views.list() }),
      'views.save': (input) => {
        try {
          const view = views.save(input);
          ctx.events.emit('views.changed', { id: view.id, deleted: false });
          return view;
        } catch (error) {
          if (error instanceof ViewNotFound) throw new CommandFailure('not-found', error.message);
          throw error;
        }
      },
      'views.delete': (input) => {
        const deleted = views.delete(input.id);
        if (deleted) ctx.events.emit('views.changed', { id: input.id, deleted: true });
        return { deleted };
      },
      'endpoints.list': () => ({ items: endpoints.list() }),
      'endpoints.save': async (input) => {
        const saved = await endpoints.save(input);
        if (input.retention !== undefined) sink.retentionDue();
        ctx.events.emit('endpoints.changed', { id: saved.id, deleted: false });
        if (saved.isDefault) publishStatus();
        return saved;
      },
      'endpoints.delete': async (input) => {
        const deleted = await endpoints.delete(input.id);
        if (deleted) ctx.events.emit('endpoints.changed', { id: input.id, deleted: true });
        return { deleted };
      },
      'subscriptions.list': () => ({ items: notifications.subscriptions.list(ctx.now()) }),
      'subscriptions.configure': (input) => {
        if (!notifications.subscriptions.configureHeartbeat(input.reference, input.heartbeatPeriodSeconds)) {
          throw new CommandFailure('not-found', `No notification from subscription ${input.reference} has arrived yet.`);
        }
        const state = notifications.subscriptions.get(input.reference, ctx.now());
        if (!state) throw new CommandFailure('not-found', `Subscription ${input.reference} is not known.`);
        return state;
      },
    },
    async start() {
      // Keep the planner's statistics fresh on big inboxes (bounded work: analysis_limit).
      for (const db of [ctx.db, indexedDb]) {
        db.exec('PRAGMA analysis_limit = 1000');
        db.exec('PRAGMA optimize = 0x10002');
      }
      await registry.reload();
      checkpointer.start();
      await notifications.open();
      await receiver.start();
      void backfill.run().catch((error: unknown) =>
        ctx.log.warn('facts backfill failed', { error: error instanceof Error ? error.name : 'unknown' }),
      );
    },
    async close() {
      await receiver.stop();
      await backfill.stop();
      await notifications.close();
      registry.close();
      await checkpointer.stop();
      indexedDb.exec('PRAGMA optimize');
      indexedDb.close();
      ctx.db.exec('PRAGMA optimize');
    },
  };
}
