import type { Benchmark } from './benchmark';
import { TRANSLATE_BENCHMARKS } from './translate-bench';

/** Every benchmark `npm run bench` runs. Add yours here. */
export const BENCHMARKS: readonly Benchmark[] = [...TRANSLATE_BENCHMARKS];
