import { afterEach, describe, expect, it } from 'vitest';
import { unavailableSecretBox } from '../secrets/secret-box';
import { connectionsHarness } from './test-harness';

describe('connection store (through the contract)', () => {
  let h: ReturnType<typeof connectionsHarness>;
  afterEach(() => h.close());

  it('never returns secret values; undefined keeps, null clears, a value replaces', async () => {
    h = connectionsHarness();
    const created = await h.call('connections.save', {
      name: 'Sandbox',
      baseUrl: 'https://fhir.example.org/r4',
      auth: { type: 'basic', username: 'analyst' },
      secrets: { password: 'hunter2-password', tlsClientKey: '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----' },
    });
    expect(created.secrets).toMatchObject({ password: true, tlsClientKey: true, token: false });
    const everything = JSON.stringify([created, await h.call('connections.get', { id: created.id }), await h.call('connections.list', {})]);
    expect(everything).not.toContain('hunter2');
    expect(everything).not.toContain('BEGIN PRIVATE KEY');
    // At rest: only ciphertext.
    const rows = h.db.prepare('SELECT ciphertext FROM connection_secrets').all() as { ciphertext: string }[];
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toContain('hunter2');

    const renamed = await h.call('connections.save', { ...stripped(created), name: 'Sandbox 2' });
    expect(renamed.secrets.password).toBe(true);
    expect(await h.service.store.secret(created.id, 'password')).toBe('hunter2-password');

    await h.call('connections.save', { ...stripped(created), secrets: { password: 'new-password' } });
    expect(await h.service.store.secret(created.id, 'password')).toBe('new-password');

    const cleared = await h.call('connections.save', { ...stripped(created), secrets: { password: null } });
    expect(cleared.secrets.password).toBe(false);
    expect(cleared.secrets.tlsClientKey).toBe(true);
    expect(await h.service.store.secret(created.id, 'password')).toBeNull();
  });

  it('deletes a connection with its secrets', async () => {
    h = connectionsHarness();
    const c = await h.call('connections.save', { name: 'X', baseUrl: 'http://127.0.0.1:1/fhir', auth: { type: 'bearer' }, secrets: { token: 't0ken' } });
    expect(await h.call('connections.delete', { id: c.id })).toEqual({ deleted: true });
    expect(h.db.prepare('SELECT count(*) AS n FROM connection_secrets').get()).toEqual({ n: 0 });
    await expect(h.call('connections.get', { id: c.id })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('refuses to store a secret without a key, with a message saying how to provide one; secret-free connections still work', async () => {
    h = connectionsHarness({ secrets: unavailableSecretBox('No key: start with --secret-key-file PATH.') });
    await expect(
      h.call('connections.save', { name: 'S', baseUrl: 'http://127.0.0.1:1/fhir', auth: { type: 'bearer' }, secrets: { token: 'abc' } }),
    ).rejects.toMatchObject({ code: 'unavailable', message: expect.stringContaining('--secret-key-file') });
    expect((await h.call('connections.list', {})).items).toHaveLength(0);
    const open = await h.call('connections.save', { name: 'Open', baseUrl: 'http://127.0.0.1:1/fhir' });
    expect(open.auth).toEqual({ type: 'none' });
  });

  it('rejects credentials in the URL and unknown fields at the door', async () => {
    h = connectionsHarness();
    await expect(h.call('connections.save', { name: 'U', baseUrl: 'https://user:pw@fhir.example.org' })).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(h.call('connections.save', { name: 'U', baseUrl: 'ftp://fhir.example.org' })).rejects.toMatchObject({ code: 'invalid-input' });
  });
});

/** A saved connection back into save input (what the edit form sends). */
function stripped(c: Awaited<ReturnType<ReturnType<typeof connectionsHarness>['call']>> & object) {
  const { secrets: _s, key: _k, lastTest: _l, createdAt: _c, updatedAt: _u, ...rest } = c as Record<string, unknown>;
  return rest as { id: string; name: string; baseUrl: string };
}
