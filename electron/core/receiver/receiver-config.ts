export const DEFAULT_RECEIVER_HOST = '127.0.0.1';
export const DEFAULT_RECEIVER_PORT = 8787;
export const DEFAULT_RECEIVER_PATH = '/webhook';
export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

/** Where the receiver listens; everything per path (auth, limits, handshakes) lives on its endpoints. */
export interface ReceiverConfig {
  host: string;
  port: number;
}

/** Slow or stalled senders are cut off instead of holding a socket forever. */
export interface ReceiverTimeouts {
  /** Time allowed for the request line and headers. */
  headersMs: number;
  /** Time allowed for the whole request, body included. */
  requestMs: number;
  /** How often Node checks the two above (its default, 30 s, would let a stalled sender linger). */
  checkIntervalMs: number;
}

export const DEFAULT_TIMEOUTS: ReceiverTimeouts = { headersMs: 10_000, requestMs: 30_000, checkIntervalMs: 1_000 };

export class ReceiverConfigError extends Error {}
