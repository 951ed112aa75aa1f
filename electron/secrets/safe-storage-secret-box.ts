import { safeStorage } from 'electron';
import { SecretBoxError, unavailableSecretBox, type SecretBox } from '../core/secrets/secret-box';

const PREFIX = 'safestorage1:';

/**
 * Secrets through the OS keychain (Keychain, DPAPI, libsecret/kwallet). Uses the async API (the
 * sync one is removed in Electron 46). On Linux without a keyring Electron falls back to
 * `basic_text`, a hard-coded password that protects nothing, so that backend is refused.
 * Call after `app` is ready: before, the backend reads as `unknown`.
 */
export async function safeStorageSecretBox(platform: NodeJS.Platform = process.platform): Promise<SecretBox> {
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    return unavailableSecretBox(
      'Secrets cannot be stored: no system keyring (GNOME Keyring/libsecret or KWallet) is running, and Electron would fall back to an unprotected plain-text key. Start a keyring, or run Switchboard with --password-store=gnome-libsecret or kwallet.',
    );
  }
  if (!(await safeStorage.isAsyncEncryptionAvailable())) {
    return unavailableSecretBox('Secrets cannot be stored: the system keychain is not available to Switchboard.');
  }
  return {
    available: true,
    unavailableReason: null,
    async encrypt(plain) {
      return PREFIX + (await safeStorage.encryptStringAsync(plain)).toString('base64');
    },
    async decrypt(stored) {
      if (!stored.startsWith(PREFIX)) throw new SecretBoxError('corrupt', 'A stored secret is not in the expected format.');
      try {
        const { result } = await safeStorage.decryptStringAsync(Buffer.from(stored.slice(PREFIX.length), 'base64'));
        return result;
      } catch {
        throw new SecretBoxError('corrupt', 'A stored secret could not be decrypted with this keychain. Enter it again.');
      }
    },
  };
}
