import type { FailureKind } from '../../../shared/contract';

/**
 * Why no usable answer came from a server, in words a user can act on. `kind` lets screens and
 * callers tell a DNS failure from a TLS refusal or a token endpoint that said no.
 */
export class FhirHttpError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly httpStatus: number | null = null,
    /** What the server itself said (OAuth error description, OperationOutcome text). */
    readonly serverDetail: string | null = null,
  ) {
    super(message);
    this.name = 'FhirHttpError';
  }
}

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'EPROTO',
]);

function errorChain(error: unknown): { code?: unknown; name?: string; message?: string }[] {
  const chain: { code?: unknown; name?: string; message?: string }[] = [];
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 6; depth++) {
    chain.push(current as { code?: unknown; name?: string; message?: string });
    const e = current as { cause?: unknown; errors?: unknown[] };
    current = e.cause ?? (Array.isArray(e.errors) ? e.errors[0] : undefined);
  }
  return chain;
}

/** Turns what undici/Node throw into a FhirHttpError with a plain-words message. */
export function describeNetworkError(error: unknown, url: string, timeoutMs: number): FhirHttpError {
  if (error instanceof FhirHttpError) return error;
  let host = url;
  try {
    host = new URL(url).host;
  } catch {
    // keep the raw string
  }
  for (const e of errorChain(error)) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
      return new FhirHttpError('dns', `The server name ${host} could not be found (DNS). Check the base URL and your network.`);
    }
    if (code === 'ECONNREFUSED') {
      return new FhirHttpError('unreachable', `Nothing is listening at ${host} (connection refused). Check the base URL and that the server is running.`);
    }
    if (code === 'ECONNRESET' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'UND_ERR_SOCKET') {
      return new FhirHttpError('unreachable', `The connection to ${host} failed (${code}). Check the network, proxy and base URL.`);
    }
    if (code === 'DEPTH_ZERO_SELF_SIGNED_CERT' || code === 'SELF_SIGNED_CERT_IN_CHAIN') {
      return new FhirHttpError(
        'tls',
        `The server ${host} presented a self-signed certificate, which is not trusted. Add its CA certificate to the connection's CA bundle, or turn on "allow self-signed certificates" if you trust this server.`,
      );
    }
    if (TLS_CODES.has(code) || code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL')) {
      return new FhirHttpError('tls', `The TLS handshake with ${host} failed (${code}): ${e.message ?? ''}`.trim());
    }
    if (
      code === 'UND_ERR_CONNECT_TIMEOUT' ||
      code === 'UND_ERR_HEADERS_TIMEOUT' ||
      code === 'UND_ERR_BODY_TIMEOUT' ||
      e.name === 'TimeoutError'
    ) {
      return new FhirHttpError('timeout', `${host} did not answer within ${Math.round(timeoutMs / 1000)} s (the connection's timeout).`);
    }
    if (e.name === 'AbortError') return new FhirHttpError('timeout', `The request to ${host} was cancelled.`);
  }
  const first = errorChain(error)[0];
  return new FhirHttpError('unreachable', `The request to ${host} failed: ${first?.message ?? String(error)}`);
}
