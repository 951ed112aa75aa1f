import type { TokenHash } from './shared-token';

export const DEFAULT_RECEIVER_HOST = '127.0.0.1';
export const DEFAULT_RECEIVER_PORT = 8787;
export const DEFAULT_RECEIVER_PATH = '/webhook';
export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface ReceiverConfig {
  host: string;
  port: number;
  path: string;
  maxBodyBytes: number;
  secret: TokenHash | null;
  secretSource: 'none' | 'settings' | 'command-line';
}
