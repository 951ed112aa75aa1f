import type { FhirDestinationConfig } from '../contract/writeback';
import { normalizeInput } from '../fhir-to-v2/input';
import { parseKind } from './kind';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Identifier system of the message Bundles Switchboard sends; the value is the writeback's control id. */
export const WRITEBACK_IDENTIFIER_SYSTEM = 'urn:switchboard:writeback';
export const REDOX_EVENT_BASE = 'https://fhir.redoxengine.com/EventDefinition/';

/** The HTTP request a FHIR destination receives for one writeback; the same on every attempt. */
export interface FhirWritebackRequest {
  readonly method: 'POST' | 'PUT';
  /** Relative to the connection's base URL ('' is the base itself, for transactions). */
  readonly path: string;
  readonly body: string;
  /** A 2xx means "queued by the receiver", not "delivered" (see FhirDestinationConfig.asynchronous). */
  readonly asynchronous: boolean;
  /** `POST Observation/$observation-create`, for lists. */
  readonly summary: string;
}

export type FhirRequestResult = { ok: true; request: FhirWritebackRequest } | { ok: false; error: string };

export interface FhirRequestContext {
  readonly controlId: string;
  readonly kind: string;
  /** FHIR instant for Bundle.timestamp. */
  readonly now: string;
}

/**
 * Builds the request for a FHIR destination. Pure, so the editor can show exactly what will be
 * sent: plain create (POST `[type]`) or update (PUT `[type]/[id]`), transaction/batch Bundles
 * to the base, or a Redox-style `message` Bundle POSTed to a resource `$operation`.
 */
export function buildFhirRequest(input: unknown, config: FhirDestinationConfig, ctx: FhirRequestContext): FhirRequestResult {
  if (!isObject(input) || typeof input.resourceType !== 'string') {
    return { ok: false, error: 'The input is not a FHIR resource (a JSON object with a resourceType).' };
  }
  const asynchronous = config.asynchronous ?? config.mode === 'redox-operation';
  const done = (method: 'POST' | 'PUT', path: string, body: unknown): FhirRequestResult => ({
    ok: true,
    request: { method, path, body: JSON.stringify(body, null, 2), asynchronous, summary: `${method} ${path || '(base)'}` },
  });
  if (config.mode === 'redox-operation') return redoxRequest({ ...input, resourceType: input.resourceType }, config, ctx, done);

  const bundleType = input.resourceType === 'Bundle' ? input.type : undefined;
  if (bundleType === 'transaction' || bundleType === 'batch') return done('POST', '', input);
  if (config.mode === 'create') return done('POST', input.resourceType, input);
  const id = typeof input.id === 'string' ? input.id : '';
  if (!/^[A-Za-z0-9\-.]{1,64}$/.test(id)) {
    return { ok: false, error: `An update (PUT ${input.resourceType}/[id]) needs ${input.resourceType}.id.` };
  }
  return done('PUT', `${input.resourceType}/${id}`, input);
}

function redoxRequest(
  input: Json & { resourceType: string },
  config: FhirDestinationConfig,
  ctx: FhirRequestContext,
  done: (method: 'POST', path: string, body: unknown) => FhirRequestResult,
): FhirRequestResult {
  const parsed = parseKind(ctx.kind);
  if (!parsed) return { ok: false, error: `"${ctx.kind}" is not a writeback kind such as ObservationCreate.` };
  const operation = config.operation ?? defaultOperation(parsed.resourceType, parsed.action);
  const eventUri = config.eventUri ?? `${REDOX_EVENT_BASE}${ctx.kind}`;
  const identifier = { system: WRITEBACK_IDENTIFIER_SYSTEM, value: ctx.controlId };

  // Already a message Bundle: send it as written, only adding the identifier and timestamp if missing.
  if (input.resourceType === 'Bundle' && input.type === 'message') {
    return done('POST', operation, { ...input, identifier: input.identifier ?? identifier, timestamp: input.timestamp ?? ctx.now });
  }

  const normalized = normalizeInput(input);
  if (normalized.focus.length === 0) return { ok: false, error: 'The input holds no resource to write back.' };
  const entries: { fullUrl: string; resource: Json }[] = [];
  const urlOf = new Map<unknown, string>();
  normalized.all.forEach((located, i) => {
    if (located.resource.resourceType === 'MessageHeader') return;
    const rawEntry = input.resourceType === 'Bundle' && Array.isArray(input.entry) ? (input.entry as unknown[])[i] : undefined;
    const given = isObject(rawEntry) && typeof rawEntry.fullUrl === 'string' ? rawEntry.fullUrl : null;
    const fullUrl = given ?? `urn:uuid:${pseudoUuid(`${ctx.controlId}/${i}`)}`;
    urlOf.set(located.resource, fullUrl);
    entries.push({ fullUrl, resource: located.resource as unknown as Json });
  });
  const header = {
    resourceType: 'MessageHeader',
    eventUri,
    source: { name: config.sourceName, endpoint: config.sourceEndpoint ?? 'urn:switchboard' },
    focus: normalized.focus.map((f) => ({ reference: urlOf.get(f.resource) ?? '' })).filter((r) => r.reference !== ''),
  };
  return done('POST', operation, {
    resourceType: 'Bundle',
    type: 'message',
    identifier,
    timestamp: ctx.now,
    entry: [{ fullUrl: `urn:uuid:${pseudoUuid(`${ctx.controlId}/header`)}`, resource: header }, ...entries],
  });
}

/**
 * Redox's operation for a kind: the documented `$observation-create` / `$diagnosticreport-create`,
 * `$appointment-create` for every appointment change (it carries AppointmentUpdate too), and
 * `$<type>-<action>` otherwise (set `operation` on the destination when the receiver differs).
 */
export function defaultOperation(resourceType: string, action: string): string {
  const lower = resourceType.toLowerCase();
  if (resourceType === 'Appointment') return 'Appointment/$appointment-create';
  return `${resourceType}/$${lower}-${action}`;
}

/** A stable UUID-shaped name for an entry (same control id, same UUIDs: the preview is what is sent). */
function pseudoUuid(seed: string): string {
  const words: string[] = [];
  for (let round = 0; round < 4; round++) {
    let h = 0x811c9dc5 ^ round;
    for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
    words.push(h.toString(16).padStart(8, '0'));
  }
  const hex = words.join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
