import { readFileSync } from 'node:fs';

export const SECRET_KEY_ENV = 'SWITCHBOARD_SECRET_KEY';

export const HOW_TO_PROVIDE_KEY =
  'Secrets (tokens, passwords, private keys) cannot be stored: this headless Switchboard has no secret key. ' +
  'Start it with --secret-key-file PATH (a file holding 32 random bytes in base64, e.g. `openssl rand -base64 32 > key; chmod 600 key`) ' +
  `or set ${SECRET_KEY_ENV}. Connections without secrets work without it.`;

/** Decodes a base64 key of exactly 32 bytes; the message names where it came from, never its value. */
export function decodeSecretKey(text: string, source: string): Uint8Array {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed)) throw new Error(`${source} must hold a base64 key (32 random bytes).`);
  const key = Buffer.from(trimmed, 'base64');
  if (key.byteLength !== 32) throw new Error(`${source} must hold exactly 32 bytes in base64 (it holds ${key.byteLength}).`);
  return new Uint8Array(key);
}

/** The operator's key: from a file when given, else from the environment, else none. */
export function loadSecretKey(file: string | undefined, env: NodeJS.ProcessEnv = process.env): Uint8Array | null {
  if (file !== undefined) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new Error(`Cannot read the secret key file ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}.`);
    }
    return decodeSecretKey(text, `The secret key file ${file}`);
  }
  const fromEnv = env[SECRET_KEY_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return decodeSecretKey(fromEnv, SECRET_KEY_ENV);
  return null;
}
