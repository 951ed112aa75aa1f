import { randomUUID } from 'node:crypto';
import { SignJWT, type CryptoKey } from 'jose';
import type { JwtAlgorithm } from '../../../shared/contract';

/**
 * Lifetime of a client assertion. SMART Backend Services allows at most 5 minutes; 4 leaves room
 * for a server clock running slightly behind ours.
 */
export const ASSERTION_LIFETIME_S = 240;

export interface AssertionParams {
  clientId: string;
  tokenUrl: string;
  key: CryptoKey;
  alg: JwtAlgorithm;
  kid: string;
  nowMs: number;
}

/** The signed JWT of `private_key_jwt` (RFC 7523; SMART Backend Services; Redox's variant). */
export function buildClientAssertion(p: AssertionParams): Promise<string> {
  const iat = Math.floor(p.nowMs / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: p.alg, kid: p.kid, typ: 'JWT' })
    .setIssuer(p.clientId)
    .setSubject(p.clientId)
    .setAudience(p.tokenUrl)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ASSERTION_LIFETIME_S)
    .setJti(randomUUID())
    .sign(p.key);
}

export const JWT_BEARER_ASSERTION = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
