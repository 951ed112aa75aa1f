import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { SecretBoxError, type SecretBox } from './secret-box';

const PREFIX = 'aesgcm1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM with a key the operator provides (headless host). GCM's tag makes any change to a
 * stored ciphertext, or decryption with another key, fail instead of yielding garbage.
 * Format: `aesgcm1:` + base64(iv ‖ tag ‖ ciphertext), a fresh random IV per secret.
 */
export function aesGcmSecretBox(key: Uint8Array): SecretBox {
  if (key.byteLength !== 32) throw new Error('The secret key must be exactly 32 bytes.');
  const k = Buffer.from(key);
  return {
    available: true,
    unavailableReason: null,
    async encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', k, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    async decrypt(stored) {
      if (!stored.startsWith(PREFIX)) throw new SecretBoxError('corrupt', 'A stored secret is not in the expected format.');
      const raw = Buffer.from(stored.slice(PREFIX.length), 'base64');
      if (raw.byteLength < IV_BYTES + TAG_BYTES) throw new SecretBoxError('corrupt', 'A stored secret is truncated.');
      try {
        const decipher = createDecipheriv('aes-256-gcm', k, raw.subarray(0, IV_BYTES));
        decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretBoxError(
          'corrupt',
          'A stored secret could not be decrypted: it was changed, or it was saved with another secret key. Enter it again.',
        );
      }
    },
  };
}
