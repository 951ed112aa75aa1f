/**
 * The names of every command and event, kept apart from their schemas so the Electron preload can
 * expose one function per name without bundling zod into a sandboxed script.
 * `contract.test.ts` checks that this list and the schemas in `commands.ts`/`events.ts` agree.
 */
export const commandNames = [
  'app.info',
  'receiver.status',
  'receiver.configure',
  'notifications.list',
  'notifications.get',
  'notifications.mark',
  'notifications.export',
  'views.list',
  'views.save',
  'views.delete',
  'endpoints.list',
  'endpoints.save',
  'endpoints.delete',
  'subscriptions.list',
  'subscriptions.configure',
  'connections.list',
  'connections.get',
  'connections.save',
  'connections.delete',
  'connections.test',
  'connections.capabilities',
  'connections.generateKeyPair',
  'connections.jwks',
  'requestLog.list',
  'query.execute',
  'query.navigate',
  'query.page',
  'query.entries',
  'query.entry',
  'query.pageJson',
  'query.fetchAll',
  'query.cancel',
  'query.export',
  'query.curl',
  'history.list',
  'history.get',
  'savedQueries.list',
  'savedQueries.save',
  'savedQueries.delete',
  'savedQueries.export',
  'savedQueries.import',
  'notifications.hydrate',
  'notifications.hydrations',
  'notifications.replay',
  'notifications.replays',
  'notifications.templates',
  'notifications.sendTest',
  'destinations.list',
  'destinations.save',
  'destinations.delete',
  'writebacks.enqueue',
  'writebacks.list',
  'writebacks.get',
  'writebacks.cancel',
  'writebacks.retryNow',
  'writebacks.resend',
  'writebacks.export',
  'writebackTemplates.list',
  'writebackTemplates.save',
  'writebackTemplates.delete',
] as const;

export const eventNames = [
  'notification.received',
  'receiver.status',
  'connections.changed',
  'query.progress',
  'notifications.marked',
  'endpoints.changed',
  'views.changed',
  'writeback.updated',
  'destinations.changed',
  'notification.hydrated',
] as const;

export type CommandName = (typeof commandNames)[number];
export type EventName = (typeof eventNames)[number];

/** IPC channel names; one prefix so the main process can refuse anything else. */
export const commandChannel = (name: CommandName): string => `switchboard:command:${name}`;
export const eventChannel = (name: EventName): string => `switchboard:event:${name}`;
