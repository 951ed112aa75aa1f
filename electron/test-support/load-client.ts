import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface LoadOptions {
  url: string;
  /** Senders, each with one request in flight at a time (like autocannon -c). */
  concurrency: number;
  /** Stop starting requests after this long. */
  durationMs: number;
  /** The body of request number `seq`. */
  body: (seq: number) => Buffer;
  headers?: Record<string, string>;
  /** Stop early (e.g. once the server has been killed). */
  stop?: () => boolean;
  /** Per-request timeout; a stuck request counts as an error. */
  timeoutMs?: number;
  /** Called after each 2xx answer, with how many there have been. */
  onAcknowledged?: (count: number) => void;
}

export interface LoadResult {
  completed: number;
  errors: number;
  /** Milliseconds from sending to the full answer, for 2xx answers. */
  latencies: number[];
  statuses: Record<number, number>;
  /** seq → the JSON answer of every 2xx. */
  acknowledged: Map<number, unknown>;
  elapsedMs: number;
}

/** A small, bounded HTTP load generator on keep-alive connections (127.0.0.1 only in tests and benchmarks). */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const target = new URL(options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const result: LoadResult = { completed: 0, errors: 0, latencies: [], statuses: {}, acknowledged: new Map(), elapsedMs: 0 };
  const started = performance.now();
  const deadline = started + options.durationMs;
  let nextSeq = 0;

  const one = (seq: number): Promise<void> =>
    new Promise((resolve) => {
      const body = options.body(seq);
      const t0 = performance.now();
      const req = request(
        {
          host: target.hostname,
          port: target.port,
          path: `${target.pathname}${target.search}`,
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': body.byteLength, ...options.headers },
          timeout: options.timeoutMs ?? 10_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            result.statuses[status] = (result.statuses[status] ?? 0) + 1;
            result.completed++;
            if (status >= 200 && status < 300) {
              result.latencies.push(performance.now() - t0);
              try {
                result.acknowledged.set(seq, JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown);
              } catch {
                result.acknowledged.set(seq, null);
              }
              options.onAcknowledged?.(result.acknowledged.size);
            }
            resolve();
          });
          res.on('error', () => {
            result.errors++;
            resolve();
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        result.errors++;
        resolve();
      });
      req.end(body);
    });

  const sender = async () => {
    while (performance.now() < deadline && !(options.stop?.() ?? false)) await one(nextSeq++);
  };
  await Promise.all(Array.from({ length: options.concurrency }, sender));
  result.elapsedMs = performance.now() - started;
  agent.destroy();
  return result;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}
