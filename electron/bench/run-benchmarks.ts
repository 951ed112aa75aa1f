import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runBenchmark } from './benchmark';
import { BENCHMARKS, SCENARIO_BENCHMARKS } from './benchmarks';

/** Runs every registered benchmark, writes bench-results/<name>.json and prints a table. */
async function main(): Promise<void> {
  const outDir = join(process.cwd(), 'bench-results');
  mkdirSync(outDir, { recursive: true });
  const filter = process.argv[2];
  const rows: string[] = [];
  let missed = 0;
  for (const b of BENCHMARKS) {
    if (filter && !b.name.includes(filter)) continue;
    const r = runBenchmark(b, () => performance.now());
    writeFileSync(join(outDir, `${r.name}.json`), `${JSON.stringify(r, null, 2)}\n`);
    if (r.metTarget === false) missed++;
    const target = r.targetP99Ms === undefined ? '' : `${r.targetP99Ms} ms ${r.metTarget ? 'met' : 'MISSED'}`;
    rows.push(`${r.name.padEnd(34)} ${String(r.iterations).padStart(6)} ${fmt(r.p50Ms)} ${fmt(r.p99Ms)} ${fmt(r.maxMs)}  ${target}`);
  }
  if (rows.length > 0) {
    process.stdout.write(`${'benchmark'.padEnd(34)} ${'runs'.padStart(6)} ${'p50 ms'.padStart(9)} ${'p99 ms'.padStart(9)} ${'max ms'.padStart(9)}  p99 target\n`);
    process.stdout.write(`${rows.join('\n')}\n`);
  }
  for (const s of SCENARIO_BENCHMARKS) {
    if (filter && !s.name.includes(filter)) continue;
    process.stdout.write(`\n${s.name}: ${s.description}\n`);
    try {
      const outcome = await s.run();
      writeFileSync(join(outDir, `${s.name}.json`), `${JSON.stringify(outcome.report, null, 2)}\n`);
      process.stdout.write(`${outcome.lines.join('\n')}\n`);
      if (!outcome.metTargets) missed++;
    } catch (error) {
      missed++;
      process.stdout.write(`${s.name} FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
  }
  if (missed > 0) process.exitCode = 1;
}

function fmt(ms: number): string {
  return ms.toFixed(3).padStart(9);
}

await main();
