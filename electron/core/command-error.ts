import type { CommandError } from '../../shared/contract';

/** Thrown by a command handler to answer with a specific error code instead of `internal`. */
export class CommandFailure extends Error {
  constructor(
    readonly code: CommandError['code'],
    message: string,
  ) {
    super(message);
  }
}
