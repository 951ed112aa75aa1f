import { isLoopbackHost } from '../core/receiver/loopback';

/**
 * Only requests addressed to this server by a loopback name (or the exact address it was told to
 * bind) get through: a web page that rebinds its own DNS name to 127.0.0.1 arrives with its own
 * name in Host and is refused.
 */
export function hostHeaderAllowed(hostHeader: string | undefined, boundHost: string, port: number): boolean {
  if (!hostHeader) return false;
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(hostHeader.trim());
  if (!match) return false;
  const name = (match[1] ?? '').toLowerCase();
  const headerPort = match[2] === undefined ? 80 : Number(match[2]);
  if (headerPort !== port) return false;
  return isLoopbackHost(name) || name.replace(/^\[|\]$/g, '') === boundHost.toLowerCase();
}
