import type { TokenHash } from '../receiver/shared-token';
import type { SettingsStore } from './settings-store';

/** What Settings keeps for the receiver; command-line flags override it for one run. */
export interface StoredReceiverSettings {
  path?: string;
  maxBodyBytes?: number;
  port?: number;
  secretHash?: TokenHash;
}

const KEY = 'receiver';

export const loadReceiverSettings = (settings: SettingsStore): StoredReceiverSettings =>
  settings.get<StoredReceiverSettings>(KEY) ?? {};

export const saveReceiverSettings = (settings: SettingsStore, value: StoredReceiverSettings): void =>
  settings.set(KEY, value);
