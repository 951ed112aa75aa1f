import { randomBytes } from 'node:crypto';
import type { Endpoint, EndpointSaveInput, EndpointSaveResult } from '../../../shared/contract';
import { CommandFailure } from '../command-error';
import type { EndpointRegistry } from '../receiver/endpoint-registry';
import { hashToken } from '../receiver/shared-token';
import type { SecretBox } from '../secrets/secret-box';
import { DEFAULT_ENDPOINT_ID, type EndpointStore, type EndpointWrite, type StoredEndpoint } from '../store/endpoint-store';

type SaveInput = Omit<EndpointSaveInput, 'id'> & { id?: number };

/** Endpoint commands: validation, hashing and encrypting secrets, and the receiver's safety rule. */
export class EndpointService {
  constructor(
    private readonly store: EndpointStore,
    private readonly registry: EndpointRegistry,
    private readonly secrets: SecretBox,
    private readonly receiverHost: () => string,
    private readonly baseUrl: () => string | null,
  ) {}

  list(): Endpoint[] {
    return this.store.list().map((e) => this.registry.toContract(e, this.baseUrl()));
  }

  get(id: number): Endpoint {
    const e = this.store.get(id);
    if (!e) throw new CommandFailure('not-found', `Endpoint ${id} does not exist.`);
    return this.registry.toContract(e, this.baseUrl());
  }

  async save(input: SaveInput): Promise<EndpointSaveResult> {
    const existing = input.id === undefined ? null : this.store.get(input.id);
    if (input.id !== undefined && !existing) throw new CommandFailure('not-found', `Endpoint ${input.id} does not exist.`);
    const samePath = this.store.byPath(input.path);
    if (samePath && samePath.id !== input.id) {
      throw new CommandFailure('conflict', `Endpoint "${samePath.name}" already receives at ${input.path}.`);
    }

    const tokenHash = input.auth !== 'token' ? null : input.token !== undefined ? hashToken(input.token) : (existing?.tokenHash ?? null);
    if (input.auth === 'token' && tokenHash === null) throw new CommandFailure('invalid-input', 'Set the shared token senders must present.');

    let hmacCiphertexts: string[] = [];
    let generatedSecret: string | undefined;
    if (input.auth === 'hmac') {
      const plain = input.hmacSecrets ?? [];
      if (input.generateHmacSecret) {
        generatedSecret = `whsec_${randomBytes(32).toString('base64')}`;
        plain.push(generatedSecret);
      }
      if (plain.length > 0 && !this.secrets.available) {
        throw new CommandFailure('unavailable', this.secrets.unavailableReason ?? 'Secrets cannot be stored.');
      }
      const kept = input.hmacSecrets === undefined ? (existing?.hmacCiphertexts ?? []) : [];
      hmacCiphertexts = [...kept, ...(await Promise.all(plain.map((s) => this.secrets.encrypt(s))))];
      if (hmacCiphertexts.length === 0) throw new CommandFailure('invalid-input', 'Add the signing secret (whsec_…) the sender uses, or generate one.');
      if (hmacCiphertexts.length > 5) throw new CommandFailure('invalid-input', 'At most 5 signing secrets (two are enough for a rotation).');
    }

    const write: EndpointWrite = {
      name: input.name,
      path: input.path,
      enabled: input.enabled ?? existing?.enabled ?? true,
      auth: input.auth,
      tokenHash,
      hmacCiphertexts,
      challengeResponse: input.challengeResponse ?? existing?.challengeResponse ?? 'json',
      maxBodyBytes: input.maxBodyBytes !== undefined ? input.maxBodyBytes : (existing?.maxBodyBytes ?? null),
      retention: {
        maxAgeDays: input.retention?.maxAgeDays !== undefined ? input.retention.maxAgeDays : (existing?.retention.maxAgeDays ?? null),
        maxCount: input.retention?.maxCount !== undefined ? input.retention.maxCount : (existing?.retention.maxCount ?? null),
        maxBytes: input.retention?.maxBytes !== undefined ? input.retention.maxBytes : (existing?.retention.maxBytes ?? null),
      },
      autoHydrateConnectionId:
        input.autoHydrateConnectionId !== undefined ? input.autoHydrateConnectionId : (existing?.autoHydrateConnectionId ?? null),
    };
    if (input.id === DEFAULT_ENDPOINT_ID && !write.enabled) {
      throw new CommandFailure('conflict', 'The default endpoint cannot be disabled; change its path or auth instead.');
    }
    this.assertSafe(input.id, write);
    const saved = this.store.save(input.id, write);
    await this.registry.reload();
    return { ...this.registry.toContract(saved, this.baseUrl()), ...(generatedSecret ? { generatedSecret } : {}) };
  }

  async delete(id: number): Promise<boolean> {
    if (id === DEFAULT_ENDPOINT_ID) throw new CommandFailure('conflict', 'The default endpoint cannot be deleted.');
    const deleted = this.store.delete(id);
    await this.registry.reload();
    return deleted;
  }

  /** The rule of the single receiver, per endpoint: off loopback, every open endpoint needs a credential. */
  assertSafe(id: number | undefined, write: EndpointWrite): void {
    const all = this.store.list().map((e) => (e.id === id ? { ...e, ...write } : e));
    if (id === undefined) all.push({ ...blank(), ...write });
    try {
      this.registry.assertSafe(
        this.receiverHost(),
        all.map((e) => {
          const runtime = this.registry.runtime(e.id);
          const commandLine = runtime?.tokenSource === 'command-line';
          return {
            path: e.path,
            enabled: e.enabled,
            auth: commandLine ? 'token' : e.auth,
            tokenSet: commandLine || e.tokenHash !== null,
          };
        }),
      );
    } catch (error) {
      throw new CommandFailure('conflict', error instanceof Error ? error.message : String(error));
    }
  }
}

function blank(): StoredEndpoint {
  return {
    id: -1,
    name: '',
    path: '',
    enabled: true,
    auth: 'none',
    tokenHash: null,
    hmacCiphertexts: [],
    challengeResponse: 'json',
    maxBodyBytes: null,
    retention: { maxAgeDays: null, maxCount: null, maxBytes: null },
    autoHydrateConnectionId: null,
    rejectedUnauthorized: 0,
    duplicates: 0,
    storedCount: 0,
    storedBytes: 0,
    createdAt: 0,
    updatedAt: 0,
  };
}
