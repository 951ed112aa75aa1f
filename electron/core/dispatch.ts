import type { z } from 'zod';
import {
  commands,
  type CommandName,
  type CommandOutput,
  type CommandResult,
  type ParsedCommandInput,
} from '../../shared/contract';
import { CommandFailure } from './command-error';
import type { Logger } from './logger';

export type CommandHandlers = {
  [C in CommandName]: (input: ParsedCommandInput<C>) => CommandOutput<C> | Promise<CommandOutput<C>>;
};

const isCommandName = (name: string): name is CommandName => Object.hasOwn(commands, name);

function formatIssues(error: z.ZodError) {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
  }));
}

/** Input that failed its schema, as every door into the core answers it: `label`, then each issue by its path. */
export function invalidInput(label: string, error: z.ZodError): CommandResult<never> {
  const issues = formatIssues(error);
  return {
    ok: false,
    error: { code: 'invalid-input', message: `${label}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues },
  };
}

/**
 * The one door into the core for both hosts: checks the command exists, parses its input with the
 * contract's schema, runs the handler and turns every outcome into a serialisable result.
 */
export function createDispatcher(handlers: CommandHandlers, log: Logger) {
  return async function execute(name: string, rawInput: unknown): Promise<CommandResult<unknown>> {
    if (!isCommandName(name)) {
      return { ok: false, error: { code: 'not-found', message: `There is no command named ${name}.` } };
    }
    const parsed = commands[name].input.safeParse(rawInput ?? {});
    if (!parsed.success) return invalidInput(`Invalid input for ${name}`, parsed.error);
    try {
      const handler = handlers[name] as (input: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof CommandFailure) return { ok: false, error: { code: error.code, message: error.message } };
      log.error('command failed', { command: name, error: error instanceof Error ? error.name : 'unknown' });
      return {
        ok: false,
        error: { code: 'internal', message: error instanceof Error ? error.message : 'Unexpected failure.' },
      };
    }
  };
}

export type Execute = ReturnType<typeof createDispatcher>;
