import type { Benchmark, ScenarioBenchmark } from './benchmark';
import { DELIVERY_BENCHMARK } from './delivery-bench';
import { INBOX_QUERY_BENCHMARK } from './inbox-query-bench';
import { WRITEBACK_PREVIEW_BENCHMARK } from './preview-bench';
import { INGEST_BENCHMARK } from './ingest-bench';
import { RESULTS_RENDER_BENCHMARK } from './results-render-bench';
import { TRANSLATE_BENCHMARKS } from './translate-bench';

/** Every benchmark `npm run bench` runs. Add yours here. */
export const BENCHMARKS: readonly Benchmark[] = [...TRANSLATE_BENCHMARKS];

/** Scenario benchmarks (host + browser), run after the timed ones. */
export const SCENARIO_BENCHMARKS: readonly ScenarioBenchmark[] = [RESULTS_RENDER_BENCHMARK, INGEST_BENCHMARK, INBOX_QUERY_BENCHMARK, DELIVERY_BENCHMARK, WRITEBACK_PREVIEW_BENCHMARK];
