import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { aesGcmSecretBox } from './aes-gcm-secret-box';
import { unavailableSecretBox } from './secret-box';
import { decodeSecretKey, HOW_TO_PROVIDE_KEY, loadSecretKey } from './secret-key';

describe('aesGcmSecretBox', () => {
  const box = aesGcmSecretBox(randomBytes(32));

  it('round-trips and never stores the plain text', async () => {
    const secret = 'client-secret-ÄÖÜ-✓';
    const sealed = await box.encrypt(secret);
    expect(sealed).not.toContain(secret);
    expect(sealed).not.toContain(Buffer.from(secret).toString('base64'));
    expect(await box.decrypt(sealed)).toBe(secret);
    // A fresh IV each time: equal secrets do not give equal ciphertexts.
    expect(await box.encrypt(secret)).not.toBe(sealed);
  });

  it('detects tampering and a different key', async () => {
    const sealed = await box.encrypt('token-123');
    const raw = Buffer.from(sealed.slice('aesgcm1:'.length), 'base64');
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    await expect(box.decrypt(`aesgcm1:${raw.toString('base64')}`)).rejects.toThrow(/could not be decrypted/);
    await expect(aesGcmSecretBox(randomBytes(32)).decrypt(sealed)).rejects.toThrow(/another secret key/);
    await expect(box.decrypt('plain')).rejects.toThrow(/format/);
  });

  it('refuses keys of the wrong size', () => {
    expect(() => aesGcmSecretBox(randomBytes(16))).toThrow(/32 bytes/);
    expect(() => decodeSecretKey(randomBytes(16).toString('base64'), 'X')).toThrow(/exactly 32 bytes/);
    expect(() => decodeSecretKey('not base64!', 'X')).toThrow(/base64/);
  });

  it('reads the key from the environment when no file is given, and none when neither', () => {
    const key = randomBytes(32);
    expect(Buffer.from(loadSecretKey(undefined, { SWITCHBOARD_SECRET_KEY: key.toString('base64') }) ?? [])).toEqual(key);
    expect(loadSecretKey(undefined, {})).toBeNull();
    expect(() => loadSecretKey('/nonexistent/key', {})).toThrow(/Cannot read the secret key file/);
  });

  it('without a key, refuses with a message that says how to provide one', async () => {
    const none = unavailableSecretBox(HOW_TO_PROVIDE_KEY);
    expect(none.available).toBe(false);
    await expect(none.encrypt('x')).rejects.toThrow(/--secret-key-file/);
  });
});
