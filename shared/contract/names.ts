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
] as const;

export const eventNames = ['notification.received', 'receiver.status'] as const;

export type CommandName = (typeof commandNames)[number];
export type EventName = (typeof eventNames)[number];

/** IPC channel names; one prefix so the main process can refuse anything else. */
export const commandChannel = (name: CommandName): string => `switchboard:command:${name}`;
export const eventChannel = (name: EventName): string => `switchboard:event:${name}`;
