import type { MemoryRepository } from '@medplum/fhir-router';
import type { Resource } from '@medplum/fhirtypes';
import { outcome } from './outcome';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `Observation/$observation-create` and the like: Redox's writeback operations. */
export const REDOX_OPERATION = /^([A-Z][A-Za-z]+)\/\$([a-z]+)-(create|update)$/;

/**
 * A Redox-style writeback as the sandbox answers it: the body must be a `message` Bundle whose
 * first entry is a MessageHeader with an `eventUri` and a focus inside the Bundle; the focus
 * resources are stored and the answer is a Bundle whose entries carry `response.status`
 * "201 Created" and a `location`. Anything else is a 400 OperationOutcome, as Redox answers.
 */
export async function redoxWriteback(
  repo: MemoryRepository,
  baseUrl: string,
  resourceType: string,
  body: unknown,
): Promise<{ status: number; body: unknown }> {
  const bad = (text: string, expression: string) => ({ status: 400, body: { ...outcome('error', 'invalid', text), issue: [{ severity: 'error', code: 'invalid', details: { text }, expression: [expression] }] } });
  if (!isObject(body) || body.resourceType !== 'Bundle' || body.type !== 'message') return bad('A writeback must be a Bundle of type message.', 'Bundle.type');
  const entries = Array.isArray(body.entry) ? body.entry.filter(isObject) : [];
  const header = isObject(entries[0]?.resource) ? entries[0].resource : null;
  if (!header || header.resourceType !== 'MessageHeader') return bad('The first entry must be a MessageHeader.', 'Bundle.entry[0]');
  if (typeof header.eventUri !== 'string') return bad('MessageHeader.eventUri is required.', 'Bundle.entry[0].resource.eventUri');
  const focus = Array.isArray(header.focus) ? header.focus.filter(isObject) : [];
  const byUrl = new Map(entries.map((e) => [e.fullUrl, e.resource] as const));
  const targets = focus.map((f) => byUrl.get(f.reference)).filter(isObject);
  if (targets.length === 0 || targets.some((t) => t.resourceType !== resourceType)) {
    return bad(`MessageHeader.focus must point at ${resourceType} entries of the Bundle.`, 'Bundle.entry[0].resource.focus');
  }
  const response: Json[] = [];
  for (const t of targets) {
    const { id: _ignored, ...fresh } = t;
    const created = await repo.createResource(fresh as unknown as Resource);
    response.push({ response: { status: '201 Created', location: `${baseUrl}/${created.resourceType}/${created.id}/_history/1` } });
  }
  return { status: 200, body: { resourceType: 'Bundle', type: 'message', entry: response } };
}
