import type { AuthConfig, ExtraHeader, SecretName, TlsOptions } from '../../../shared/contract';
import type { SigningKey } from '../auth/build-auth';
import type { FhirConnectionClient } from './fhir-connection-client';

/** Settings for a client to a URL that is not a saved connection (the CLI, one-off checks). */
export interface AdHocClientOptions {
  headers?: ExtraHeader[];
  timeoutMs?: number;
  tls?: Partial<TlsOptions>;
  proxyUrl?: string | null;
  auth?: AuthConfig;
  /** Plain secret values for `auth` (and `tlsClientKey`); held in memory only. */
  secrets?: Partial<Record<SecretName, string>>;
  signingKey?: SigningKey;
}

/**
 * How core features get an HTTP client for a FHIR server. Every request made through these
 * clients is recorded (redacted) in the request log, token exchanges included.
 */
export interface FhirClients {
  /** The client for a saved connection; rejects with CommandFailure `not-found` for an unknown id. */
  clientFor(connectionId: string): Promise<FhirConnectionClient>;
  /** `clientFor` plus the connection's name, in the shape the query service takes. */
  resolveClient(connectionId: string): Promise<{ client: FhirConnectionClient; connectionName: string | null }>;
  /** A client for any base URL, without saving a connection. Call `close()` on it when done. */
  clientForUrl(baseUrl: string, options?: AdHocClientOptions): FhirConnectionClient & { close(): Promise<void> };
}
