import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { ASSERTION_LIFETIME_S, buildClientAssertion } from './client-assertion';
import { generateSigningKeyPair, importSigningKey } from './signing-keys';

describe('client assertion (private_key_jwt)', () => {
  for (const alg of ['RS384', 'ES384'] as const) {
    it(`${alg}: claims and signature verify against the exported JWKS; the JWKS has no private part`, async () => {
      const pair = await generateSigningKeyPair(alg);
      expect(pair.publicJwk).toMatchObject({ alg, use: 'sig', kty: alg === 'RS384' ? 'RSA' : 'EC' });
      expect(pair.publicJwk).not.toHaveProperty('d');
      expect(pair.privateKeyPem).toMatch(/BEGIN PRIVATE KEY/);
      const nowMs = Date.now();
      const jwt = await buildClientAssertion({
        clientId: 'client-1',
        tokenUrl: 'https://auth.example.org/token',
        key: await importSigningKey(pair.privateKeyPem, alg),
        alg,
        kid: pair.publicJwk.kid,
        nowMs,
      });
      expect(decodeProtectedHeader(jwt)).toEqual({ alg, kid: pair.publicJwk.kid, typ: 'JWT' });
      const { payload } = await jwtVerify(jwt, createLocalJWKSet({ keys: [pair.publicJwk] }), {
        issuer: 'client-1',
        subject: 'client-1',
        audience: 'https://auth.example.org/token',
        algorithms: [alg],
      });
      expect(payload.exp).toBe(Math.floor(nowMs / 1000) + ASSERTION_LIFETIME_S);
      expect((payload.exp ?? 0) - Math.floor(nowMs / 1000)).toBeLessThanOrEqual(300);
      expect(payload.jti).toMatch(/^[0-9a-f-]{36}$/);

      // Another key with the same kid does not verify it.
      const other = await generateSigningKeyPair(alg);
      await expect(
        jwtVerify(jwt, createLocalJWKSet({ keys: [{ ...other.publicJwk, kid: pair.publicJwk.kid }] }), { algorithms: [alg] }),
      ).rejects.toThrow();
    });
  }

  it('uses a fresh jti every time', async () => {
    const pair = await generateSigningKeyPair('ES384');
    const key = await importSigningKey(pair.privateKeyPem, 'ES384');
    const make = () => buildClientAssertion({ clientId: 'c', tokenUrl: 'https://t', key, alg: 'ES384', kid: pair.publicJwk.kid, nowMs: 0 });
    const jtis = await Promise.all([make(), make()]).then((jwts) =>
      jwts.map((j) => (JSON.parse(Buffer.from(j.split('.')[1] ?? '', 'base64url').toString()) as { jti: string }).jti),
    );
    expect(new Set(jtis).size).toBe(2);
  });
});
