import type { Endpoint } from '../../../shared/contract';
import type { Logger } from '../logger';
import type { SecretBox } from '../secrets/secret-box';
import { DEFAULT_ENDPOINT_ID, type EndpointStore, type StoredEndpoint } from '../store/endpoint-store';
import { isLoopbackHost } from './loopback';
import { DEFAULT_MAX_BODY_BYTES } from './receiver-config';
import { hashToken, type TokenHash } from './shared-token';
import { hmacKey } from './standard-webhooks-verifier';

/** An endpoint as the receiver uses it: token hash, decrypted HMAC keys, effective limits. */
export interface RuntimeEndpoint {
  id: number;
  name: string;
  path: string;
  enabled: boolean;
  auth: StoredEndpoint['auth'];
  tokenHash: TokenHash | null;
  tokenSource: 'settings' | 'command-line' | null;
  hmacKeys: Buffer[];
  /** Set when the endpoint cannot verify anyone (HMAC secret not decryptable): it answers 503. */
  error: string | null;
  challengeResponse: 'json' | 'raw';
  maxBodyBytes: number;
}

/** Command-line flags that change the default endpoint for this run only. */
export interface DefaultEndpointOverrides {
  path?: string;
  secret?: string;
}

export class EndpointSafetyError extends Error {}

/** Counters are kept in memory and written every few seconds: a flood of 401s must not mean a flood of fsyncs. */
const COUNTER_FLUSH_MS = 2_000;

/**
 * The receiver's view of the endpoints table: routes by path, holds decrypted HMAC keys (the
 * database only has ciphertexts), applies command-line overrides to the default endpoint, and
 * buffers the refused/duplicate counters.
 */
export class EndpointRegistry {
  private byPath = new Map<string, RuntimeEndpoint>();
  private byId = new Map<number, RuntimeEndpoint>();
  private readonly pending = new Map<number, { rejected: number; duplicates: number }>();
  private flushTimer: NodeJS.Timeout | null = null;
  private readonly overrideTokenHash: TokenHash | null;

  constructor(
    private readonly store: EndpointStore,
    private readonly secrets: SecretBox,
    private readonly overrides: DefaultEndpointOverrides,
    private readonly log: Logger,
    private readonly onCountersChanged: (ids: number[]) => void = () => {},
  ) {
    this.overrideTokenHash = overrides.secret ? hashToken(overrides.secret) : null;
  }

  /** Reads every endpoint and decrypts its HMAC secrets; call at start and after every change. */
  async reload(): Promise<void> {
    const endpoints = await Promise.all(this.store.list().map((e) => this.toRuntime(e)));
    this.byPath = new Map(endpoints.filter((e) => e.enabled).map((e) => [e.path, e]));
    this.byId = new Map(endpoints.map((e) => [e.id, e]));
  }

  /** Loads synchronously without HMAC keys (used before start so status is right at once). */
  reloadWithoutSecrets(): void {
    const endpoints = this.store.list().map((e) => this.runtimeOf(e, [], null));
    this.byPath = new Map(endpoints.filter((e) => e.enabled).map((e) => [e.path, e]));
    this.byId = new Map(endpoints.map((e) => [e.id, e]));
  }

  route(path: string): RuntimeEndpoint | undefined {
    return this.byPath.get(path);
  }

  runtime(id: number): RuntimeEndpoint | undefined {
    return this.byId.get(id);
  }

  paths(): string[] {
    return [...this.byPath.keys()];
  }

  /** Refuses a configuration where an open endpoint would be reachable from other machines. */
  assertSafe(host: string, endpoints: readonly { path: string; enabled: boolean; auth: string; tokenSet: boolean }[]): void {
    if (isLoopbackHost(host)) return;
    const open = endpoints.find((e) => e.enabled && (e.auth === 'none' || (e.auth === 'token' && !e.tokenSet)));
    if (open) {
      throw new EndpointSafetyError(
        `The receiver is bound to ${host}, which other machines can reach; endpoint ${open.path} needs a shared token or HMAC secret first (--receiver-secret for the default one).`,
      );
    }
  }

  /** The safety check over what is stored now (with this run's overrides). */
  assertStoredSafe(host: string): void {
    this.assertSafe(
      host,
      this.store.list().map((e) => {
        const r = this.runtimeOf(e, [], null);
        return { path: r.path, enabled: r.enabled, auth: r.auth, tokenSet: r.tokenHash !== null };
      }),
    );
  }

  countRejected(id: number): void {
    this.bump(id, 'rejected');
  }

  countDuplicate(id: number): void {
    this.bump(id, 'duplicates');
  }

  /** Stored counters plus those not yet written. */
  counters(e: StoredEndpoint): { rejected: number; duplicates: number } {
    const p = this.pending.get(e.id);
    return { rejected: e.rejectedUnauthorized + (p?.rejected ?? 0), duplicates: e.duplicates + (p?.duplicates ?? 0) };
  }

  toContract(e: StoredEndpoint, baseUrl: string | null): Endpoint {
    const runtime = this.byId.get(e.id) ?? this.runtimeOf(e, [], null);
    const counters = this.counters(e);
    return {
      id: e.id,
      name: e.name,
      path: runtime.path,
      url: baseUrl === null ? null : `${baseUrl}${runtime.path}`,
      isDefault: e.id === DEFAULT_ENDPOINT_ID,
      enabled: e.enabled,
      auth: runtime.auth,
      tokenSource: runtime.tokenSource,
      hmacSecretCount: e.hmacCiphertexts.length,
      challengeResponse: e.challengeResponse,
      maxBodyBytes: e.maxBodyBytes,
      retention: e.retention,
      autoHydrateConnectionId: e.autoHydrateConnectionId,
      storedCount: e.storedCount,
      storedBytes: e.storedBytes,
      rejectedUnauthorized: counters.rejected,
      duplicates: counters.duplicates,
      error: runtime.error,
      createdAt: new Date(e.createdAt).toISOString(),
      updatedAt: new Date(e.updatedAt).toISOString(),
    };
  }

  flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (this.pending.size === 0) return;
    const deltas = new Map(this.pending);
    this.pending.clear();
    try {
      this.store.addCounters(deltas);
    } catch (error) {
      this.log.warn('receiver: counters not saved', { error: error instanceof Error ? error.name : 'unknown' });
    }
    this.onCountersChanged([...deltas.keys()]);
  }

  close(): void {
    this.flush();
  }

  private bump(id: number, field: 'rejected' | 'duplicates'): void {
    const entry = this.pending.get(id) ?? { rejected: 0, duplicates: 0 };
    entry[field]++;
    this.pending.set(id, entry);
    if (!this.flushTimer) {
      this.flushTimer = setTimeout(() => this.flush(), COUNTER_FLUSH_MS);
      this.flushTimer.unref();
    }
  }

  private async toRuntime(e: StoredEndpoint): Promise<RuntimeEndpoint> {
    if (e.auth !== 'hmac' || e.hmacCiphertexts.length === 0) {
      return this.runtimeOf(e, [], e.auth === 'hmac' ? 'No HMAC secret is set for this endpoint.' : null);
    }
    try {
      const plain = await Promise.all(e.hmacCiphertexts.map((c) => this.secrets.decrypt(c)));
      return this.runtimeOf(e, plain.map(hmacKey), null);
    } catch (error) {
      const reason = error instanceof Error ? error.message : 'unknown error';
      return this.runtimeOf(e, [], `The HMAC secret cannot be decrypted: ${reason}`);
    }
  }

  private runtimeOf(e: StoredEndpoint, hmacKeys: Buffer[], error: string | null): RuntimeEndpoint {
    const isDefault = e.id === DEFAULT_ENDPOINT_ID;
    const commandLineToken = isDefault ? this.overrideTokenHash : null;
    const auth = commandLineToken ? 'token' : e.auth;
    return {
      id: e.id,
      name: e.name,
      path: (isDefault ? this.overrides.path : undefined) ?? e.path,
      enabled: e.enabled,
      auth,
      tokenHash: commandLineToken ?? (auth === 'token' ? e.tokenHash : null),
      tokenSource: commandLineToken ? 'command-line' : auth === 'token' && e.tokenHash ? 'settings' : null,
      hmacKeys,
      error,
      challengeResponse: e.challengeResponse,
      maxBodyBytes: e.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    };
  }
}
