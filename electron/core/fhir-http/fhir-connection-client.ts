/**
 * How the core talks HTTP to one FHIR server: the connection's base URL, auth, extra headers,
 * TLS options and timeout are already applied. Query execution, hydration and FHIR writeback
 * delivery all go through this interface.
 */
export interface FhirHttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Absolute, or relative to the connection's base URL (e.g. `Patient?name=x`, `Observation/_search`). */
  url: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  signal?: AbortSignal;
}

export interface FhirHttpResponse {
  /** The URL actually requested, absolute. */
  url: string;
  method: FhirHttpRequest['method'];
  status: number;
  statusText: string;
  /** Response headers as received. */
  headers: [string, string][];
  body: Uint8Array;
  /** Request headers as sent, credentials replaced by `[redacted]`. */
  requestHeaders: [string, string][];
  durationMs: number;
}

export interface FhirConnectionClient {
  readonly baseUrl: string;
  /** Resolves for any HTTP status; rejects (with a readable message) only when no answer came. */
  request(request: FhirHttpRequest): Promise<FhirHttpResponse>;
}
