import { randomBytes } from 'node:crypto';
import type { CommandName, CommandOutput, CommandInput } from '../../../shared/contract';
import { tempDir } from '../../test-support/temp-dir';
import { createDispatcher, type CommandHandlers } from '../dispatch';
import { EventBus } from '../events/event-bus';
import type { CoreContext } from '../feature';
import { silentLogger } from '../logger';
import { aesGcmSecretBox } from '../secrets/aes-gcm-secret-box';
import type { SecretBox } from '../secrets/secret-box';
import { SettingsStore } from '../settings/settings-store';
import { openDatabase } from '../store/database';
import { connectionsFeature, createConnectionsService, type ConnectionsService } from './connections-feature';

/**
 * The connections feature on a real database, reached through the real dispatcher (so every
 * input is parsed by its contract schema), without the other features.
 */
export function connectionsHarness(options: { secrets?: SecretBox; now?: () => number } = {}) {
  const dir = tempDir();
  const db = openDatabase(dir.path);
  const now = options.now ?? Date.now;
  const secrets = options.secrets ?? aesGcmSecretBox(randomBytes(32));
  const service: ConnectionsService = createConnectionsService({ db, now, secrets });
  const ctx: CoreContext = {
    db,
    settings: new SettingsStore(db),
    events: new EventBus(),
    log: silentLogger,
    now,
    dataDir: dir.path,
    fhir: service.clients,
  };
  const feature = connectionsFeature(ctx, service);
  const execute = createDispatcher(feature.handlers as CommandHandlers, silentLogger);
  async function call<C extends CommandName>(name: C, input: CommandInput<C>): Promise<CommandOutput<C>> {
    const result = await execute(name, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value as CommandOutput<C>;
  }
  return {
    ctx,
    db,
    service,
    execute,
    call,
    async close() {
      await feature.close?.();
      db.close();
      dir.remove();
    },
  };
}
