/**
 * Encrypts secrets (tokens, client secrets, private keys) before they reach the database.
 * Electron uses the OS keychain through safeStorage; the headless host uses a key its operator
 * provides. When neither is available, `available` is false and `encrypt` refuses, so a secret is
 * never stored in plain text.
 */
export interface SecretBox {
  readonly available: boolean;
  /** Why secrets cannot be stored, and how to fix it; null when available. */
  readonly unavailableReason: string | null;
  encrypt(plain: string): Promise<string>;
  decrypt(cipher: string): Promise<string>;
}

/** Thrown when secrets cannot be encrypted or decrypted; the message says what to do. */
export class SecretBoxError extends Error {
  constructor(
    readonly reason: 'unavailable' | 'corrupt',
    message: string,
  ) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

/** A box that refuses everything, for hosts where no key or keychain is available. */
export function unavailableSecretBox(reason: string): SecretBox {
  const refuse = () => Promise.reject(new SecretBoxError('unavailable', reason));
  return { available: false, unavailableReason: reason, encrypt: refuse, decrypt: refuse };
}
