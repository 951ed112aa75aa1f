import type { Connection, Jwks } from '../../../shared/contract';
import { generateSigningKeyPair } from '../auth/signing-keys';
import { CommandFailure } from '../command-error';
import type { CoreContext, Feature } from '../feature';
import { RequestLog } from '../fhir-http/request-log';
import type { SecretBox } from '../secrets/secret-box';
import { SecretBoxError } from '../secrets/secret-box';
import { ConnectionClients } from './connection-clients';
import { ConnectionStore } from './connection-store';
import { testConnection } from './test-connection';

/** The connection store, its HTTP clients and the request log, built once by the composition root. */
export interface ConnectionsService {
  store: ConnectionStore;
  clients: ConnectionClients;
  requestLog: RequestLog;
}

export function createConnectionsService(deps: Pick<CoreContext, 'db' | 'now'> & { secrets: SecretBox }): ConnectionsService {
  const store = new ConnectionStore(deps.db, deps.secrets, deps.now);
  const requestLog = new RequestLog(deps.now);
  return { store, requestLog, clients: new ConnectionClients(store, requestLog, deps.now) };
}

function mustGet(store: ConnectionStore, id: string): Connection {
  const connection = store.get(id);
  if (!connection) throw new CommandFailure('not-found', `Connection ${id} does not exist.`);
  return connection;
}

/** Turns a SecretBox refusal into the `unavailable` answer that says how to fix it. */
async function withSecrets<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SecretBoxError) throw new CommandFailure(error.reason === 'unavailable' ? 'unavailable' : 'conflict', error.message);
    throw error;
  }
}

function jwksOf(service: ConnectionsService, id: string): Jwks {
  const stored = service.store.stored(id);
  if (!stored) throw new CommandFailure('not-found', `Connection ${id} does not exist.`);
  const key = stored.config.key;
  return { keys: key ? [{ ...key.publicJwk, kid: key.kid, alg: key.alg, use: 'sig' }] : [] };
}

/** FHIR server connections: settings, secrets, key pairs, connection tests and the request log. */
export function connectionsFeature(ctx: CoreContext, service: ConnectionsService): Feature {
  const { store, clients, requestLog } = service;
  const changed = (id: string, deleted = false) => ctx.events.emit('connections.changed', { id, deleted });

  return {
    handlers: {
      'connections.list': () => ({ items: store.list() }),
      'connections.get': (input) => mustGet(store, input.id),
      'connections.save': async (input) => {
        const { id, secrets, ...fields } = input;
        const saved = await withSecrets(() => store.save(id, fields, secrets));
        if (!saved) throw new CommandFailure('not-found', `Connection ${id ?? ''} does not exist.`);
        clients.forget(saved.id);
        ctx.log.info('connection saved', { id: saved.id, auth: saved.auth.type });
        changed(saved.id);
        return saved;
      },
      'connections.delete': (input) => {
        const deleted = store.delete(input.id);
        clients.forget(input.id);
        if (deleted) changed(input.id, true);
        return { deleted };
      },
      'connections.test': async (input) => {
        mustGet(store, input.id);
        const client = await clients.clientFor(input.id);
        const result = await testConnection(client, ctx.now);
        if (result.ok) store.saveCapabilities(input.id, result.capabilities);
        const verdict = result.ok
          ? `FHIR ${result.capabilities.fhirVersion ?? '?'}, ${result.capabilities.resources.length} resource types`
          : result.message;
        store.recordTest(input.id, result.ok, verdict);
        ctx.log.info('connection tested', { id: input.id, ok: result.ok, kind: result.ok ? null : result.kind });
        changed(input.id);
        return result;
      },
      'connections.capabilities': (input) => {
        mustGet(store, input.id);
        return { capabilities: store.capabilities(input.id) };
      },
      'connections.generateKeyPair': async (input) => {
        mustGet(store, input.id);
        const pair = await generateSigningKeyPair(input.alg);
        await withSecrets(() => store.setKey(input.id, pair.privateKeyPem, pair.publicJwk));
        clients.forget(input.id);
        changed(input.id);
        return jwksOf(service, input.id);
      },
      'connections.jwks': (input) => jwksOf(service, input.id),
      'requestLog.list': (input) => ({ items: requestLog.list(input.connectionId, input.limit) }),
    },
    close: () => clients.close(),
  };
}
