import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { NotificationFilter } from '../../shared/contract';
import { percentile } from '../test-support/load-client';
import { DATABASE_FILE, openDatabase } from '../core/store/database';
import { type IncomingNotification, NotificationStore } from '../core/store/notification-store';
import type { ScenarioBenchmark, ScenarioOutcome } from './benchmark';
import { mrnOf, rng, syntheticNotification } from './synthetic-notifications';

const ROWS = Number(process.env.INBOX_BENCH_ROWS ?? 1_000_000);
const PATIENTS = 50_000;
const DAYS = 30;
const BATCH = 10_000;
const RUNS = 200;
const PAGE = 100;
const TARGET_FILTERED_P95_MS = 50;
const TARGET_TEXT_P95_MS = 150;
const T_END = Date.UTC(2026, 10, 1);
const T_START = T_END - DAYS * 24 * 3600 * 1000;
const SYSTEM = 'urn:oid:1.2.840.114350.1.13.0.1.7.5.737384.14';

interface Timing {
  runs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  meanItems: number;
}

function time(runs: number, query: (i: number) => { items: unknown[] }): Timing {
  for (let i = 0; i < 10; i++) query(i);
  const times: number[] = [];
  let items = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    items += query(i).items.length;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const r = (n: number) => Math.round(n * 1000) / 1000;
  return { runs, p50Ms: r(percentile(times, 50)), p95Ms: r(percentile(times, 95)), maxMs: r(times.at(-1) ?? 0), meanItems: Math.round(items / runs) };
}

/** Inserts ROWS synthetic notifications through the store's own write path, in large transactions. */
function build(store: NotificationStore): void {
  const random = rng(7);
  const step = (T_END - T_START) / ROWS;
  for (let start = 0; start < ROWS; start += BATCH) {
    const items: IncomingNotification[] = [];
    for (let seq = start; seq < Math.min(ROWS, start + BATCH); seq++) {
      const patient = 1 + Math.floor(random() * PATIENTS);
      const { body, facts } = syntheticNotification(seq, patient, random);
      items.push({
        receivedAt: Math.round(T_START + seq * step),
        endpointId: seq % 10 === 0 ? 2 : 1,
        endpointPath: seq % 10 === 0 ? '/subscriptions' : '/webhook',
        method: 'POST',
        remoteAddress: '127.0.0.1',
        headers: [['content-type', 'application/fhir+json'], ['application-name', 'RedoxEngine']],
        contentType: 'application/fhir+json',
        body,
        parseStatus: 'ok',
        parseError: null,
        verification: 'token',
        verificationDetail: 'Shared token matched',
        source: facts.source,
        facts,
      });
    }
    store.importBatch(items);
  }
}

/**
 * The inbox at 1,000,000 stored notifications (about 2 KB each, 30 days, 50,000 patients): p95 of
 * a filtered page (patient identifier + 7-day range) and of a full-text search page, through the
 * same `list` the `notifications.list` command calls (count included).
 */
export const INBOX_QUERY_BENCHMARK: ScenarioBenchmark = {
  name: 'inbox-query',
  description: `${ROWS.toLocaleString('en')} stored notifications: filtered page (patient + time range) and full-text search, p95`,
  async run(): Promise<ScenarioOutcome> {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-inbox-bench-'));
    try {
      const db = openDatabase(dir);
      // Only while building a throwaway database: the receiver always runs with FULL.
      db.exec('PRAGMA synchronous = OFF');
      const store = new NotificationStore(db);
      const t0 = performance.now();
      build(store);
      db.exec('PRAGMA synchronous = FULL');
      db.exec('PRAGMA analysis_limit = 1000');
      db.exec('PRAGMA optimize = 0x10002');
      const buildSeconds = Math.round((performance.now() - t0) / 100) / 10;
      db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      const fileMb = Math.round(statSync(join(dir, DATABASE_FILE)).size / 1024 / 1024);

      const random = rng(99);
      const week = 7 * 24 * 3600 * 1000;
      const windowFilter = (): NotificationFilter => {
        const from = T_START + random() * (T_END - T_START - week);
        return { receivedFrom: new Date(from).toISOString(), receivedTo: new Date(from + week).toISOString() };
      };
      const list = (filter: NotificationFilter, order?: 'relevance') => store.list({ limit: PAGE, filter, ...(order ? { order } : {}) });
      const patient = () => ({ system: SYSTEM, value: mrnOf(1 + Math.floor(random() * PATIENTS)) });
      const words = ['potassium', 'hemoglobin', 'troponin', 'creatinine'];

      const timings = {
        filteredPatientAndTime: time(RUNS, () => list({ patient: patient(), ...windowFilter() })),
        textSearch: time(RUNS, (i) => list({ text: words[i % words.length] ?? 'potassium' })),
        textSearchPhrase: time(RUNS, (i) => list({ text: `"${words[i % words.length] ?? 'potassium'} ${(random() * 200).toFixed(1)}"` })),
        textSearchWithFilters: time(RUNS, (i) => list({ text: words[i % words.length] ?? 'potassium', categories: ['clinical'], endpointIds: [1] })),
        textSearchRare: time(RUNS, () => list({ text: mrnOf(1 + Math.floor(random() * PATIENTS)) })),
        textSearchRelevance: time(50, (i) => list({ text: words[i % words.length] ?? 'potassium' }, 'relevance')),
        unfilteredFirstPage: time(RUNS, () => list({})),
        patientOnly: time(RUNS, () => list({ patient: { value: mrnOf(1 + Math.floor(random() * PATIENTS)) } })),
        timeRangeOnly: time(RUNS, () => list(windowFilter())),
        eventAndUnread: time(RUNS, () => list({ events: ['ClaimCreated'], read: false })),
        resourceType: time(RUNS, () => list({ resourceTypes: ['Observation'], ...windowFilter() })),
      };
      store.close();
      db.close();

      const metFiltered = timings.filteredPatientAndTime.p95Ms < TARGET_FILTERED_P95_MS;
      const metText = timings.textSearch.p95Ms < TARGET_TEXT_P95_MS;
      const report = {
        name: 'inbox-query',
        rows: ROWS,
        patients: PATIENTS,
        days: DAYS,
        pageSize: PAGE,
        buildSeconds,
        databaseFileMb: fileMb,
        timings,
        targets: { filteredP95UnderMs: TARGET_FILTERED_P95_MS, textP95UnderMs: TARGET_TEXT_P95_MS },
        met: { filtered: metFiltered, text: metText },
        loadAverage: loadavg()[0],
        node: process.version,
        at: new Date().toISOString(),
      };
      const lines = [
        `  built ${ROWS.toLocaleString('en')} rows in ${buildSeconds} s (${fileMb} MB)`,
        ...Object.entries(timings).map(([k, t]) => `  ${k.padEnd(24)} p50 ${t.p50Ms} ms  p95 ${t.p95Ms} ms  max ${t.maxMs} ms  (${t.meanItems} items/page)`),
        `  filtered page p95 ${timings.filteredPatientAndTime.p95Ms} ms (target < ${TARGET_FILTERED_P95_MS}: ${metFiltered ? 'met' : 'MISSED'}); full-text p95 ${timings.textSearch.p95Ms} ms (target < ${TARGET_TEXT_P95_MS}: ${metText ? 'met' : 'MISSED'})`,
      ];
      return { report, lines, metTargets: metFiltered && metText };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
