import type { HydrationResult } from '../../../shared/contract/notification-actions';
import type { FhirConnectionClient } from '../fhir-http/fhir-connection-client';
import type { HydrationTarget } from './hydration-targets';

const JSON_LIMIT = 2 * 1024 * 1024;
const CONCURRENCY = 4;

async function fetchTarget(client: FhirConnectionClient, target: HydrationTarget): Promise<HydrationResult> {
  try {
    const response = await client.request({ method: 'GET', url: target.path });
    const text = new TextDecoder().decode(response.body);
    let json: string | null = null;
    let resourceType: string | null = null;
    try {
      const parsed = JSON.parse(text) as { resourceType?: unknown };
      resourceType = typeof parsed.resourceType === 'string' ? parsed.resourceType : null;
      json = JSON.stringify(parsed, null, 2);
    } catch {
      json = text;
    }
    if (json.length > JSON_LIMIT) json = `${json.slice(0, JSON_LIMIT)}\n… (cut at 2 MB)`;
    return {
      target: target.label,
      url: response.url,
      status: response.status,
      resourceType,
      json,
      error: response.status >= 400 ? `The server answered ${response.status} ${response.statusText}`.trim() : null,
    };
  } catch (error) {
    return { target: target.label, url: target.path, status: null, resourceType: null, json: null, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Fetches every target through the connection, a few at a time, in the order given. */
export async function fetchTargets(client: FhirConnectionClient, targets: readonly HydrationTarget[]): Promise<HydrationResult[]> {
  const results: HydrationResult[] = new Array<HydrationResult>(targets.length);
  let next = 0;
  const worker = async () => {
    while (next < targets.length) {
      const i = next++;
      results[i] = await fetchTarget(client, targets[i] as HydrationTarget);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, targets.length) }, worker));
  return results;
}
