import type { CommandInput, CommandOutput } from './commands';
import type { CommandResult } from './errors';
import type { EventPayload } from './events';
import type { CommandName, EventName } from './names';

/** What the Electron preload puts on `window.switchboard`. */
export interface SwitchboardBridge {
  commands: { [C in CommandName]: (input: CommandInput<C>) => Promise<CommandResult<CommandOutput<C>>> };
  events: { [E in EventName]: (listener: (payload: EventPayload<E>) => void) => () => void };
}
