import type { ConnectionTestResult } from '../../../shared/contract';
import type { FhirConnectionClient } from '../fhir-http/fhir-connection-client';
import { FhirHttpError } from '../fhir-http/http-error';
import { summarizeCapabilityStatement } from './capability-summary';
import { operationOutcomeText } from './outcome-text';

/** `GET [base]/metadata` and its verdict in plain words; never throws for what the server did. */
export async function testConnection(client: FhirConnectionClient, now: () => number): Promise<ConnectionTestResult> {
  try {
    const res = await client.request({ method: 'GET', url: 'metadata' });
    if (res.status === 401 || res.status === 403) {
      const detail = operationOutcomeText(res.body);
      return {
        ok: false,
        kind: res.status === 401 ? 'unauthorized' : 'forbidden',
        message:
          res.status === 401
            ? `The server refused the credentials (HTTP 401)${detail ? `: ${detail}` : ''}. Check the auth settings.`
            : `The server understood the credentials but does not allow this (HTTP 403)${detail ? `: ${detail}` : ''}. Check the scope and the client's permissions.`,
        httpStatus: res.status,
        serverDetail: detail,
      };
    }
    if (res.status < 200 || res.status >= 300) {
      const detail = operationOutcomeText(res.body);
      return {
        ok: false,
        kind: 'http',
        message: `GET ${res.url} answered HTTP ${res.status} ${res.statusText}${detail ? `: ${detail}` : ''}. Check the base URL (it should end at the FHIR root, e.g. …/fhir/R4).`,
        httpStatus: res.status,
        serverDetail: detail,
      };
    }
    let body: unknown = null;
    try {
      body = JSON.parse(new TextDecoder().decode(res.body));
    } catch {
      body = null;
    }
    const capabilities = summarizeCapabilityStatement(body, new Date(now()).toISOString());
    if (!capabilities) {
      return {
        ok: false,
        kind: 'not-fhir',
        message: `${res.url} answered, but not with a FHIR CapabilityStatement. Check that the base URL is the FHIR root.`,
        httpStatus: res.status,
        serverDetail: null,
      };
    }
    return { ok: true, capabilities, durationMs: res.durationMs };
  } catch (error) {
    if (error instanceof FhirHttpError) {
      return { ok: false, kind: error.kind, message: error.message, httpStatus: error.httpStatus, serverDetail: error.serverDetail };
    }
    throw error;
  }
}
