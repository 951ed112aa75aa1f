/**
 * Operational log lines. Fields carry ids, sizes, statuses and timings only: never a body,
 * a header value or anything else that could hold PHI or a secret.
 */
export interface Logger {
  info(message: string, fields?: Record<string, string | number | boolean | null>): void;
  warn(message: string, fields?: Record<string, string | number | boolean | null>): void;
  error(message: string, fields?: Record<string, string | number | boolean | null>): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

export function consoleLogger(write: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Logger {
  const line = (level: string, message: string, fields?: Record<string, unknown>) =>
    write(`${new Date().toISOString()} ${level} ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}`);
  return {
    info: (m, f) => line('info', m, f),
    warn: (m, f) => line('warn', m, f),
    error: (m, f) => line('error', m, f),
  };
}
