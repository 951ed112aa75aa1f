import type { RequestLogEntry } from '../../../shared/contract';
import { redactHeaders, redactUrl } from './redact';
import type { RequestLog } from './request-log';
import type { HttpTransport, RawRequest, RawResponse } from './transport';
import { FhirHttpError } from './http-error';

export type ExchangeKind = RequestLogEntry['kind'];

/** Sends one request through a transport and records it (redacted) in the request log, answer or not. */
export type LoggedSender = (kind: ExchangeKind, req: RawRequest) => Promise<RawResponse & { durationMs: number }>;

export function loggedSender(
  transport: HttpTransport,
  log: RequestLog,
  connectionId: string | null,
  secretHeaderNames: readonly string[],
  clock: () => number = () => performance.now(),
): LoggedSender {
  return async (kind, req) => {
    const started = clock();
    const base = {
      connectionId,
      kind,
      method: req.method,
      url: redactUrl(req.url),
      requestHeaders: redactHeaders(Object.entries(req.headers), secretHeaderNames),
    };
    try {
      const res = await transport.send(req);
      const durationMs = Math.round(clock() - started);
      log.record({ ...base, status: res.status, durationMs, error: null });
      return { ...res, durationMs };
    } catch (error) {
      const durationMs = Math.round(clock() - started);
      log.record({ ...base, status: null, durationMs, error: error instanceof FhirHttpError ? error.message : 'request failed' });
      throw error;
    }
  };
}
