import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Where `npm start` keeps the headless host's secret key: beside the data folder, never inside it,
 * so a copied or shared data folder does not carry the key that opens its secrets.
 */
export function defaultKeyFile(dataDir: string): string {
  return join(dirname(dataDir), 'Switchboard-keys', 'headless.key');
}

/** Creates the key file once (32 random bytes, base64, mode 0600 in a 0700 folder); true when created. */
export function ensureKeyFile(file: string): boolean {
  if (existsSync(file)) return false;
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  // 'wx' fails if another process created it meanwhile, rather than replacing a key in use.
  writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return true;
}
