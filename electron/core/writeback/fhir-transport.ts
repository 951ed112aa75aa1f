import { FhirDestinationConfig, type FhirAnswerDetail } from '../../../shared/contract';
import { operationOutcomeIssues, redoxIssues, type OutcomeIssue } from '../../../shared/fhir/outcome-issues';
import type { FhirClients } from '../fhir-http/fhir-clients';
import { failure, type DeliveryOutcome, type Transport } from './delivery';
import type { QueuedWriteback } from './writeback-store';

const MAX_BODY_CHARS = 1024 * 1024;
type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * FHIR REST through a saved connection (its auth, TLS and timeout). 2xx → accepted, as
 * `accepted-by-receiver` when the destination is asynchronous (Redox: in its queue, not yet in the
 * EHR); 408, 429 and 5xx → retried; other 4xx → rejected. OperationOutcome issues are kept,
 * including those inside a 2xx and inside a transaction/batch response's entries.
 */
export class FhirTransport implements Transport {
  constructor(private readonly clients: Pick<FhirClients, 'clientFor'>) {}

  plannedBytes(w: QueuedWriteback): number {
    return Buffer.byteLength(w.message_text, 'utf8');
  }

  async send(w: QueuedWriteback, signal: AbortSignal): Promise<DeliveryOutcome> {
    const config = FhirDestinationConfig.parse(JSON.parse(w.destination_json));
    const asynchronous = config.asynchronous ?? config.mode === 'redox-operation';
    const bytesOut = this.plannedBytes(w);
    const started = performance.now();
    let client;
    try {
      client = await this.clients.clientFor(config.connectionId);
    } catch (error) {
      return failure('connection-error', `connection ${config.connectionId}: ${message(error)}`);
    }
    let response;
    try {
      response = await client.request({
        method: w.message_method === 'PUT' ? 'PUT' : 'POST',
        url: w.message_path ?? '',
        headers: { 'content-type': 'application/fhir+json', accept: 'application/fhir+json' },
        body: w.message_text,
        signal,
      });
    } catch (error) {
      const durationMs = performance.now() - started;
      if (signal.aborted) return failure('interrupted', 'stopped while waiting for the answer', { bytesOut, durationMs });
      const text = message(error);
      return failure(/timed? ?out|timeout/i.test(text) ? 'timeout' : 'connection-error', text, { bytesOut, durationMs });
    }
    const bodyText = Buffer.from(response.body).toString('utf8');
    let json: unknown = null;
    try {
      json = bodyText.trim() === '' ? null : JSON.parse(bodyText);
    } catch {
      json = null;
    }
    const issues = [...operationOutcomeIssues(json, 'response'), ...redoxIssues(json), ...entryIssues(json)];
    const header = (name: string) => response.headers.find(([k]) => k.toLowerCase() === name)?.[1] ?? null;
    const http: FhirAnswerDetail = {
      method: response.method,
      url: response.url,
      status: response.status,
      statusText: response.statusText,
      location: header('location') ?? header('content-location') ?? entryLocation(json),
      responseHeaders: response.headers,
      issues,
    };
    const common = {
      bytesOut,
      bytesIn: response.body.length,
      durationMs: response.durationMs,
      http,
      responseBody: bodyText.length > MAX_BODY_CHARS ? bodyText.slice(0, MAX_BODY_CHARS) : bodyText,
      result: `HTTP ${response.status}`,
    };
    const errors = issues.filter((i) => i.severity === 'error' || i.severity === 'fatal');
    const issueText = errors.map((i) => i.text).join('; ');
    const failedEntries = entryFailures(json);
    if (response.status >= 200 && response.status < 300) {
      const notes = [
        failedEntries > 0 ? `${failedEntries} batch entr${failedEntries === 1 ? 'y' : 'ies'} failed` : '',
        errors.length > 0 ? `error issues in the answer: ${issueText}` : '',
      ].filter(Boolean);
      return {
        ...failure('accepted', '', common),
        error: notes.length > 0 ? notes.join('; ') : null,
        acceptance: asynchronous ? 'accepted-by-receiver' : 'delivered',
        result: `HTTP ${response.status}${http.location ? ` ${http.location}` : ''}`,
      };
    }
    const statusLine = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    const why = issueText ? `${statusLine}: ${issueText}` : statusLine;
    if (response.status === 408 || response.status === 429 || response.status >= 500) return failure('server-error', why, common);
    if (response.status >= 400) return { ...failure('rejected', why, common), rejectCode: `HTTP ${response.status}` };
    return failure('protocol-error', `unexpected ${statusLine}`, common);
  }

  close(): void {}
}

function entryIssues(body: unknown): OutcomeIssue[] {
  if (!isObject(body) || body.resourceType !== 'Bundle' || !Array.isArray(body.entry)) return [];
  return body.entry.flatMap((e) => (isObject(e) && isObject(e.response) ? operationOutcomeIssues(e.response.outcome, 'entry') : []));
}

function entryFailures(body: unknown): number {
  if (!isObject(body) || body.resourceType !== 'Bundle' || !Array.isArray(body.entry)) return 0;
  return body.entry.filter((e) => isObject(e) && isObject(e.response) && typeof e.response.status === 'string' && !/^2/.test(e.response.status)).length;
}

function entryLocation(body: unknown): string | null {
  if (!isObject(body) || body.resourceType !== 'Bundle' || !Array.isArray(body.entry)) return null;
  for (const e of body.entry) {
    if (isObject(e) && isObject(e.response) && typeof e.response.location === 'string') return e.response.location;
  }
  return null;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
