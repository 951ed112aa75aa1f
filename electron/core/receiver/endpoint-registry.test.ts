import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/database';
import { EndpointStore } from '../store/endpoint-store';
import { silentLogger } from '../logger';
import { unavailableSecretBox } from '../secrets/secret-box';
import { tempDir } from '../../test-support/temp-dir';
import { EndpointRegistry } from './endpoint-registry';
import { tokenMatches } from './shared-token';

describe('EndpointRegistry', () => {
  it('refuses an open endpoint off loopback, and lets command-line flags override the default endpoint', () => {
    const dir = tempDir();
    const db = openDatabase(dir.path);
    try {
      const store = new EndpointStore(db, () => 0);
      const registry = new EndpointRegistry(store, unavailableSecretBox('none'), { path: '/cli', secret: 'cli-token-123' }, silentLogger);
      registry.reloadWithoutSecrets();
      const runtime = registry.route('/cli');
      expect(runtime).toMatchObject({ id: 1, auth: 'token', tokenSource: 'command-line' });
      expect(runtime?.tokenHash && tokenMatches(runtime.tokenHash, 'cli-token-123')).toBe(true);
      expect(registry.route('/webhook')).toBeUndefined();
      expect(() => registry.assertStoredSafe('0.0.0.0')).not.toThrow();

      const open = [{ path: '/open', enabled: true, auth: 'none', tokenSet: false }];
      expect(() => registry.assertSafe('0.0.0.0', open)).toThrow(/\/open needs a shared token/);
      expect(() => registry.assertSafe('127.0.0.1', open)).not.toThrow();
      expect(() => registry.assertSafe('0.0.0.0', [{ ...open[0], enabled: false }] as typeof open)).not.toThrow();
      expect(() => registry.assertSafe('0.0.0.0', [{ path: '/t', enabled: true, auth: 'token', tokenSet: false }])).toThrow();
    } finally {
      db.close();
      dir.remove();
    }
  });

  it('buffers refusal counts and writes them in one go', () => {
    const dir = tempDir();
    const db = openDatabase(dir.path);
    try {
      const store = new EndpointStore(db, () => 0);
      const changed: number[][] = [];
      const registry = new EndpointRegistry(store, unavailableSecretBox('none'), {}, silentLogger, (ids) => changed.push(ids));
      registry.reloadWithoutSecrets();
      for (let i = 0; i < 3; i++) registry.countRejected(1);
      registry.countDuplicate(1);
      const stored = store.get(1);
      expect(stored?.rejectedUnauthorized).toBe(0);
      expect(stored && registry.counters(stored)).toEqual({ rejected: 3, duplicates: 1 });
      registry.flush();
      expect(store.get(1)).toMatchObject({ rejectedUnauthorized: 3, duplicates: 1 });
      expect(changed).toEqual([[1]]);
    } finally {
      db.close();
      dir.remove();
    }
  });
});
