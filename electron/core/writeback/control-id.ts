import { randomInt } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * A new MSH-10 for a new writeback: the prefix, the time in base 36, random characters; at most
 * 20 characters (the 2.5.1 limit). Unique per data folder (the store refuses a repeat) and, through
 * the time and randomness, across installations sending to one receiver.
 */
export function newControlId(prefix: string, now: number): string {
  const time = now.toString(36).toUpperCase();
  const randomLength = Math.max(4, 20 - prefix.length - time.length);
  let random = '';
  for (let i = 0; i < randomLength; i++) random += ALPHABET[randomInt(ALPHABET.length)];
  return `${prefix}${time}${random}`.slice(0, 20);
}
