import type { CommandInput, CommandOutput } from './commands';
import type { NotificationDownloadInput, NotificationSaveResult } from './downloads';
import type { CommandResult } from './errors';
import type { EventPayload } from './events';
import type { CommandName, EventName } from './names';

/** What the Electron preload puts on `window.switchboard`. */
export interface SwitchboardBridge {
  commands: { [C in CommandName]: (input: CommandInput<C>) => Promise<CommandResult<CommandOutput<C>>> };
  events: { [E in EventName]: (listener: (payload: EventPayload<E>) => void) => () => void };
  /** Exports the main process streams to a file the user picks, so they never pass through the window. */
  downloads: { notifications: (input: NotificationDownloadInput) => Promise<CommandResult<NotificationSaveResult>> };
}
