/** A benchmark others can register in benchmarks.ts: a setup that returns the operation to time. */
export interface Benchmark {
  readonly name: string;
  readonly description: string;
  /** Target for p99, in milliseconds (reported, and flagged when missed). */
  readonly targetP99Ms?: number;
  readonly iterations: number;
  readonly warmup: number;
  setup(): () => void;
}

export interface BenchmarkResult {
  readonly name: string;
  readonly description: string;
  readonly iterations: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly meanMs: number;
  readonly maxMs: number;
  readonly targetP99Ms?: number;
  readonly metTarget?: boolean;
  readonly node: string;
  readonly at: string;
}

export function runBenchmark(b: Benchmark, now: () => number): BenchmarkResult {
  const op = b.setup();
  for (let i = 0; i < b.warmup; i++) op();
  const times: number[] = [];
  for (let i = 0; i < b.iterations; i++) {
    const t0 = now();
    op();
    times.push(now() - t0);
  }
  times.sort((x, y) => x - y);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)] ?? 0;
  const p99 = pct(99);
  return {
    name: b.name,
    description: b.description,
    iterations: b.iterations,
    p50Ms: round(pct(50)),
    p99Ms: round(p99),
    meanMs: round(times.reduce((a, t) => a + t, 0) / times.length),
    maxMs: round(times[times.length - 1] ?? 0),
    ...(b.targetP99Ms === undefined ? {} : { targetP99Ms: b.targetP99Ms, metTarget: p99 <= b.targetP99Ms }),
    node: process.version,
    at: new Date().toISOString(),
  };
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/**
 * A benchmark that drives a whole scenario itself (a host process, a browser) and measures what
 * it needs, instead of timing one synchronous operation. It must bound its own time and clean up.
 */
export interface ScenarioBenchmark {
  readonly name: string;
  readonly description: string;
  run(): Promise<ScenarioOutcome>;
}

export interface ScenarioOutcome {
  /** Written as bench-results/<name>.json. */
  readonly report: Readonly<Record<string, unknown>>;
  /** Printed after the table of timed benchmarks. */
  readonly lines: readonly string[];
  readonly metTargets: boolean;
}
