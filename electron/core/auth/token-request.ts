import { FhirHttpError } from '../fhir-http/http-error';
import type { LoggedSender } from '../fhir-http/logged-sender';
import { basicCredentials } from './auth-provider';
import type { IssuedToken } from './token-cache';

export interface TokenRequest {
  tokenUrl: string;
  form: Record<string, string>;
  /** client_secret_basic: client id and secret in an Authorization header. */
  basic?: { clientId: string; clientSecret: string };
  signal?: AbortSignal;
}

const text = (body: Uint8Array) => new TextDecoder().decode(body);

/**
 * One OAuth 2.0 token exchange (RFC 6749 §4.4): form-encoded POST, JSON answer. Recorded in the
 * request log as a `token` exchange, with the Authorization header redacted and no body kept.
 */
export async function requestToken(send: LoggedSender, req: TokenRequest): Promise<IssuedToken> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/x-www-form-urlencoded',
    Accept: 'application/json',
  };
  if (req.basic) {
    // RFC 6749 §2.3.1: id and secret are form-urlencoded before the Basic encoding.
    headers.Authorization = basicCredentials(encodeURIComponent(req.basic.clientId), encodeURIComponent(req.basic.clientSecret));
  }
  const res = await send('token', {
    method: 'POST',
    url: req.tokenUrl,
    headers,
    body: new URLSearchParams(req.form).toString(),
    ...(req.signal ? { signal: req.signal } : {}),
  });
  let json: Record<string, unknown> | null = null;
  try {
    const parsed: unknown = JSON.parse(text(res.body));
    if (parsed && typeof parsed === 'object') json = parsed as Record<string, unknown>;
  } catch {
    json = null;
  }
  if (res.status < 200 || res.status >= 300) {
    const error = typeof json?.error === 'string' ? json.error : null;
    const description = typeof json?.error_description === 'string' ? json.error_description : null;
    const detail = [error, description].filter(Boolean).join(': ') || null;
    throw new FhirHttpError(
      'token',
      `The token endpoint refused the request (HTTP ${res.status}${detail ? `, ${detail}` : ''}). Check the client id, the secret or key registered with the server, and the scope.`,
      res.status,
      detail,
    );
  }
  if (!json || typeof json.access_token !== 'string' || json.access_token === '') {
    throw new FhirHttpError('token', 'The token endpoint answered without an access_token.', res.status);
  }
  const expiresIn = typeof json.expires_in === 'number' && json.expires_in > 0 ? json.expires_in : null;
  return { accessToken: json.access_token, expiresIn };
}
