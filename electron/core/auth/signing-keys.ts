import { calculateJwkThumbprint, exportJWK, exportPKCS8, generateKeyPair, importPKCS8, importJWK, type JWK, type CryptoKey } from 'jose';
import type { JwtAlgorithm } from '../../../shared/contract';

export interface PublicSigningJwk extends JWK {
  kty: string;
  kid: string;
  alg: JwtAlgorithm;
  use: 'sig';
}

export interface GeneratedKeyPair {
  privateKeyPem: string;
  publicJwk: PublicSigningJwk;
}

/**
 * A new key pair for signing client assertions. The `kid` is the key's RFC 7638 thumbprint, so it
 * is stable and names exactly this key in the JWKS.
 */
export async function generateSigningKeyPair(alg: JwtAlgorithm): Promise<GeneratedKeyPair> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true, ...(alg === 'RS384' ? { modulusLength: 2048 } : {}) });
  const jwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(jwk, 'sha256');
  return {
    privateKeyPem: await exportPKCS8(privateKey),
    publicJwk: { ...jwk, kty: jwk.kty ?? '', kid, alg, use: 'sig' },
  };
}

export function importSigningKey(privateKeyPem: string, alg: JwtAlgorithm): Promise<CryptoKey> {
  return importPKCS8(privateKeyPem, alg);
}

/** For tests and verifiers: a public JWK as a key. */
export async function importPublicJwk(jwk: JWK, alg: JwtAlgorithm): Promise<CryptoKey> {
  const key = await importJWK(jwk, alg);
  if (key instanceof Uint8Array) throw new Error('Expected an asymmetric public key.');
  return key;
}
