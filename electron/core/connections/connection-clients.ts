import { TlsOptions as TlsOptionsSchema, type AuthConfig, type SecretName } from '../../../shared/contract';
import { createAuthProvider, type SigningKey } from '../auth/build-auth';
import { CommandFailure } from '../command-error';
import type { FhirConnectionClient } from '../fhir-http/fhir-connection-client';
import type { AdHocClientOptions, FhirClients } from '../fhir-http/fhir-clients';
import { FhirHttpError } from '../fhir-http/http-error';
import { httpFhirClient } from '../fhir-http/http-fhir-client';
import { loggedSender } from '../fhir-http/logged-sender';
import type { RequestLog } from '../fhir-http/request-log';
import { HttpTransport } from '../fhir-http/transport';
import { SecretBoxError } from '../secrets/secret-box';
import { PRIVATE_KEY_SECRET, type ConnectionStore } from './connection-store';

interface Built {
  updatedAt: number;
  client: FhirConnectionClient;
  transport: HttpTransport;
}

interface ClientSpec {
  connectionId: string | null;
  baseUrl: string;
  headers: { name: string; value: string }[];
  timeoutMs: number;
  tls: TlsOptionsSchema;
  proxyUrl: string | null;
  auth: AuthConfig;
  tlsClientKey: string | null;
  secret(name: SecretName): Promise<string | null>;
  signingKey(): Promise<SigningKey | null>;
}

/** A secret that cannot be decrypted is a connection problem the user can fix, not a crash. */
async function readSecret<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof SecretBoxError) throw new FhirHttpError('secret', error.message);
    throw error;
  }
}

/**
 * Builds and caches one HTTP client per saved connection (one keep-alive pool and one token
 * cache each), rebuilt when the connection changes. Implements FhirClients for other features.
 */
export class ConnectionClients implements FhirClients {
  private readonly built = new Map<string, Built>();
  private readonly building = new Map<string, Promise<Built>>();

  constructor(
    private readonly store: ConnectionStore,
    private readonly requestLog: RequestLog,
    private readonly now: () => number,
  ) {}

  private build(spec: ClientSpec): { client: FhirConnectionClient; transport: HttpTransport } {
    const transport = new HttpTransport({
      tls: spec.tls,
      tlsClientKey: spec.tlsClientKey,
      proxyUrl: spec.proxyUrl,
      timeoutMs: spec.timeoutMs,
    });
    // The auth provider needs the sender for token exchanges, and the sender needs the auth's
    // credential header names for redaction: build auth with a sender that redacts every
    // credential header, whatever the mode.
    const authNames = spec.auth.type === 'api-key' ? [spec.auth.headerName] : [];
    const send = loggedSender(transport, this.requestLog, spec.connectionId, authNames);
    const auth = createAuthProvider(spec.auth, {
      baseUrl: spec.baseUrl,
      send,
      now: this.now,
      secret: (name) => readSecret(() => spec.secret(name)),
      signingKey: () => readSecret(() => spec.signingKey()),
    });
    return { client: httpFhirClient({ baseUrl: spec.baseUrl, extraHeaders: spec.headers, auth, send }), transport };
  }

  async clientFor(connectionId: string): Promise<FhirConnectionClient> {
    const stored = this.store.stored(connectionId);
    if (!stored) throw new CommandFailure('not-found', `Connection ${connectionId} does not exist.`);
    const cached = this.built.get(connectionId);
    if (cached && cached.updatedAt === stored.updatedAt) return cached.client;
    const pending = this.building.get(connectionId);
    if (pending) return (await pending).client;
    const promise = (async (): Promise<Built> => {
      const { config } = stored;
      const tlsClientKey = config.tls.clientCertPem
        ? await readSecret(() => this.store.secret(connectionId, 'tlsClientKey'))
        : null;
      const { client, transport } = this.build({
        connectionId,
        baseUrl: config.baseUrl,
        headers: config.headers,
        timeoutMs: config.timeoutMs,
        tls: config.tls,
        proxyUrl: config.proxyUrl,
        auth: config.auth,
        tlsClientKey,
        secret: (name) => this.store.secret(connectionId, name),
        signingKey: async () => {
          const key = this.store.stored(connectionId)?.config.key;
          const pem = key ? await this.store.secret(connectionId, PRIVATE_KEY_SECRET) : null;
          return key && pem ? { privateKeyPem: pem, alg: key.alg, kid: key.kid } : null;
        },
      });
      const built = { updatedAt: stored.updatedAt, client, transport };
      const previous = this.built.get(connectionId);
      this.built.set(connectionId, built);
      if (previous) void previous.transport.close();
      return built;
    })();
    this.building.set(connectionId, promise);
    try {
      return (await promise).client;
    } finally {
      this.building.delete(connectionId);
    }
  }

  async resolveClient(connectionId: string): Promise<{ client: FhirConnectionClient; connectionName: string | null }> {
    const client = await this.clientFor(connectionId);
    return { client, connectionName: this.store.stored(connectionId)?.config.name ?? null };
  }

  clientForUrl(baseUrl: string, options: AdHocClientOptions = {}): FhirConnectionClient & { close(): Promise<void> } {
    const secrets = options.secrets ?? {};
    const { client, transport } = this.build({
      connectionId: null,
      baseUrl,
      headers: options.headers ?? [],
      timeoutMs: options.timeoutMs ?? 30_000,
      tls: TlsOptionsSchema.parse(options.tls ?? {}),
      proxyUrl: options.proxyUrl ?? null,
      auth: options.auth ?? { type: 'none' },
      tlsClientKey: secrets.tlsClientKey ?? null,
      secret: async (name) => secrets[name] ?? null,
      signingKey: async () => options.signingKey ?? null,
    });
    return { baseUrl: client.baseUrl, request: (r) => client.request(r), close: () => transport.close() };
  }

  /** Drops the cached client (and its token) of a changed or deleted connection. */
  forget(connectionId: string): void {
    const built = this.built.get(connectionId);
    this.built.delete(connectionId);
    if (built) void built.transport.close();
  }

  async close(): Promise<void> {
    await Promise.all([...this.built.values()].map((b) => b.transport.close()));
    this.built.clear();
  }
}
