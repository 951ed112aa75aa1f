import { z } from 'zod';

/** Why a command failed, in terms a caller can act on. */
export const errorCodes = [
  'invalid-input',
  'not-found',
  'conflict',
  'unauthorized',
  'unavailable',
  'internal',
] as const;

export const CommandError = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  /** Where in the input the problem is, for `invalid-input`. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type CommandError = z.infer<typeof CommandError>;

/**
 * Every command answers with this envelope over both transports, so a failure arrives as data
 * (Electron's IPC turns thrown errors into a bare string and loses the code).
 */
export type CommandResult<T> = { ok: true; value: T } | { ok: false; error: CommandError };
