/** A mistake in how the command was called: printed without a stack trace, exit code 64. */
export class UsageError extends Error {}

export function parsePort(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`${flag} must be a port number from 0 to 65535 (got ${value}).`);
  }
  return port;
}
