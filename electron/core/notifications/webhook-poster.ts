/** What came back from one outbound webhook POST (replay, forward or test notification). */
export interface PostOutcome {
  status: number | null;
  durationMs: number;
  responseHeaders: [string, string][];
  responseBody: string | null;
  error: string | null;
}

const RESPONSE_LIMIT = 64 * 1024;
const TIMEOUT_MS = 30_000;

/** Hop-by-hop and length headers are the transport's business, not the replayed message's. */
const NOT_REPLAYED = new Set(['host', 'content-length', 'connection', 'keep-alive', 'transfer-encoding', 'expect', 'upgrade', 'te', 'trailer']);

export function replayableHeaders(headers: readonly [string, string][]): [string, string][] {
  return headers.filter(([name, value]) => !NOT_REPLAYED.has(name.toLowerCase()) && value !== '[redacted]');
}

function describe(error: unknown, url: string): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if ((error as { name?: string }).name === 'TimeoutError') return `No answer from ${url} within ${TIMEOUT_MS / 1000} s.`;
  if (cause?.code === 'ECONNREFUSED') return `Nothing is listening at ${url} (connection refused).`;
  if (cause?.code === 'ENOTFOUND') return `The host of ${url} could not be found.`;
  return `Could not reach ${url}: ${cause?.message ?? (error instanceof Error ? error.message : String(error))}`;
}

/** POSTs the exact bytes with the given headers; never throws, the outcome says what happened. */
export async function postWebhook(url: string, headers: readonly [string, string][], body: Uint8Array, now: () => number): Promise<PostOutcome> {
  const started = now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: headers.map(([k, v]) => [k, v] as [string, string]),
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    return {
      status: response.status,
      durationMs: now() - started,
      responseHeaders: [...response.headers.entries()],
      responseBody: new TextDecoder().decode(bytes.subarray(0, RESPONSE_LIMIT)),
      error: null,
    };
  } catch (error) {
    return { status: null, durationMs: now() - started, responseHeaders: [], responseBody: null, error: describe(error, url) };
  }
}
