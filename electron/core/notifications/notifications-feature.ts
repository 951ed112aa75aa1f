import { CommandFailure } from '../command-error';
import type { CoreContext, Feature } from '../feature';
import {
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_RECEIVER_HOST,
  DEFAULT_RECEIVER_PATH,
  DEFAULT_RECEIVER_PORT,
  type ReceiverConfig,
} from '../receiver/receiver-config';
import { hashToken } from '../receiver/shared-token';
import { ReceiverConfigError, WebhookReceiver } from '../receiver/webhook-receiver';
import { loadReceiverSettings, saveReceiverSettings } from '../settings/receiver-settings';
import { NotificationStore } from '../store/notification-store';

export interface ReceiverOverrides {
  host?: string;
  port?: number;
  path?: string;
  secret?: string;
}

/** The webhook receiver and the stored notifications it feeds. */
export function notificationsFeature(ctx: CoreContext, overrides: ReceiverOverrides = {}): Feature {
  const notifications = new NotificationStore(ctx.db);
  const stored = loadReceiverSettings(ctx.settings);
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
    onStored: (summary) => ctx.events.emit('notification.received', summary),
    onStatus: (status) => ctx.events.emit('receiver.status', status),
    now: ctx.now,
    log: ctx.log,
  });

  return {
    handlers: {
      'receiver.status': () => receiver.status(),
      'receiver.configure': (input) => {
        const next = { ...loadReceiverSettings(ctx.settings) };
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
        saveReceiverSettings(ctx.settings, next);
        return receiver.status();
      },
      'notifications.list': (input) => notifications.list(input.limit, input.beforeId),
      'notifications.get': (input) => {
        const detail = notifications.get(input.id);
        if (!detail) throw new CommandFailure('not-found', `Notification ${input.id} does not exist.`);
        return detail;
      },
    },
    start: () => receiver.start(),
    async close() {
      await receiver.stop();
      notifications.close();
    },
  };
}
