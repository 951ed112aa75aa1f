import type { AuthProvider } from '../auth/auth-provider';
import type { FhirConnectionClient, FhirHttpRequest, FhirHttpResponse } from './fhir-connection-client';
import type { LoggedSender } from './logged-sender';
import { redactHeaders } from './redact';

export interface HttpFhirClientOptions {
  baseUrl: string;
  extraHeaders: readonly { name: string; value: string }[];
  auth: AuthProvider;
  send: LoggedSender;
}

/** Resolves a request URL against the base: `Patient?x` → `{base}/Patient?x`; absolute URLs stay. */
export function resolveFhirUrl(baseUrl: string, url: string): string {
  if (/^https?:\/\//i.test(url)) return url;
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return new URL(url.replace(/^\/+/, ''), base).toString();
}

/**
 * The FhirConnectionClient over HTTP. Credentials and the connection's extra headers go only to
 * the base URL's origin: an absolute URL elsewhere (a `next` link or Location on another host)
 * gets neither, so a token never leaks to a server it was not issued for.
 * A 401 on a token-based connection drops the cached token and retries once with a new one.
 */
export function httpFhirClient(options: HttpFhirClientOptions): FhirConnectionClient {
  const origin = new URL(options.baseUrl).origin;
  return {
    baseUrl: options.baseUrl,
    async request(req: FhirHttpRequest): Promise<FhirHttpResponse> {
      const url = resolveFhirUrl(options.baseUrl, req.url);
      const sameOrigin = new URL(url).origin === origin;
      const build = async (): Promise<Record<string, string>> => {
        const headers: Record<string, string> = { Accept: 'application/fhir+json' };
        if (req.body !== undefined) headers['Content-Type'] = 'application/fhir+json';
        if (sameOrigin) for (const h of options.extraHeaders) headers[h.name] = h.value;
        for (const [name, value] of Object.entries(req.headers ?? {})) {
          // One spelling per header: the caller's case-insensitively replaces ours.
          for (const existing of Object.keys(headers)) if (existing.toLowerCase() === name.toLowerCase()) delete headers[existing];
          headers[name] = value;
        }
        if (sameOrigin) Object.assign(headers, await options.auth.headers(req.signal));
        return headers;
      };
      const attempt = async () => {
        const headers = await build();
        const res = await options.send('fhir', {
          method: req.method,
          url,
          headers,
          ...(req.body !== undefined ? { body: req.body } : {}),
          ...(req.signal ? { signal: req.signal } : {}),
        });
        return { res, headers };
      };
      let { res, headers } = await attempt();
      if (res.status === 401 && sameOrigin && options.auth.invalidate()) ({ res, headers } = await attempt());
      return {
        url,
        method: req.method,
        status: res.status,
        statusText: res.statusText,
        headers: res.headers,
        body: res.body,
        requestHeaders: redactHeaders(Object.entries(headers), options.auth.secretHeaderNames),
        durationMs: res.durationMs,
      };
    },
  };
}
