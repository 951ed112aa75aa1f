import type { CommandError, CommandInput, CommandName, CommandOutput } from '../../../shared/contract';
import { send } from './transport';

/** A command that came back with an error; `code` says what kind. */
export class ApiError extends Error {
  readonly code: CommandError['code'];
  readonly issues: CommandError['issues'];

  constructor(error: CommandError) {
    super(error.message);
    this.code = error.code;
    this.issues = error.issues;
  }
}

/** The renderer's only door to the core. */
export async function call<C extends CommandName>(name: C, input: CommandInput<C>): Promise<CommandOutput<C>> {
  const result = await send(name, input);
  if (!result.ok) throw new ApiError(result.error);
  return result.value as CommandOutput<C>;
}
