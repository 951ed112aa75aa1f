import { FhirHttpError } from '../fhir-http/http-error';
import type { LoggedSender } from '../fhir-http/logged-sender';

export interface SmartConfiguration {
  tokenEndpoint: string;
  authMethods: string[];
  signingAlgs: string[];
}

export function wellKnownUrl(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/.well-known/smart-configuration`;
}

/** SMART App Launch discovery: where the token endpoint is and what it accepts. */
export async function discoverSmart(send: LoggedSender, baseUrl: string, signal?: AbortSignal): Promise<SmartConfiguration> {
  const url = wellKnownUrl(baseUrl);
  const res = await send('discovery', { method: 'GET', url, headers: { Accept: 'application/json' }, ...(signal ? { signal } : {}) });
  let json: Record<string, unknown> | null = null;
  try {
    json = JSON.parse(new TextDecoder().decode(res.body)) as Record<string, unknown>;
  } catch {
    json = null;
  }
  if (res.status !== 200 || !json || typeof json.token_endpoint !== 'string') {
    throw new FhirHttpError(
      'token',
      `SMART discovery failed: ${url} answered HTTP ${res.status}${json ? ' without a token_endpoint' : ''}. Enter the token URL in the connection.`,
      res.status,
    );
  }
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  return {
    tokenEndpoint: json.token_endpoint,
    authMethods: strings(json.token_endpoint_auth_methods_supported),
    signingAlgs: strings(json.token_endpoint_auth_signing_alg_values_supported),
  };
}
