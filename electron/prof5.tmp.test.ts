import { it } from 'vitest';
import { performance } from 'node:perf_hooks';
import { mkdtempSync } from 'node:fs';
import { openDatabase } from './core/store/database';
import { NotificationStore, type IncomingNotification } from './core/store/notification-store';
import { mrnOf, rng, syntheticNotification } from './bench/synthetic-notifications';
import type { NotificationFilter } from '../shared/contract';
it('prof', () => {
  const db = openDatabase(mkdtempSync('/tmp/prof-'));
  db.exec('PRAGMA synchronous=OFF');
  const store = new NotificationStore(db);
  const r = rng(1);
  const N = 50000; const T0 = Date.UTC(2026, 9, 1); const step = 30 * 86400000 / N;
  let t = performance.now();
  for (let b = 0; b < N; b += 5000) {
    const items: IncomingNotification[] = [];
    for (let i = b; i < b + 5000; i++) { const { body, facts } = syntheticNotification(i, 1 + Math.floor(r() * 2500), r); items.push({ receivedAt: T0 + i * step, endpointId: i % 10 ? 1 : 2, endpointPath: '/webhook', method: 'POST', remoteAddress: null, headers: [], contentType: 'application/json', body, parseStatus: 'ok', parseError: null, verification: 'token', source: null, facts }); }
    store.importBatch(items);
  }
  console.log('build', ((performance.now() - t) / N * 1000).toFixed(0), 'µs/row');
  db.exec('PRAGMA analysis_limit=1000; PRAGMA optimize=0x10002');
  const q = (label: string, f: NotificationFilter, order?: 'relevance') => {
    const t0 = performance.now(); let n = 0;
    for (let i = 0; i < 5; i++) n = store.list({ limit: 100, filter: f, ...(order ? { order } : {}) }).items.length;
    console.log(label.padEnd(20), ((performance.now() - t0) / 5).toFixed(1), 'ms', n);
  };
  const week = 7 * 86400000;
  q('patient+time', { patient: { system: 'urn:oid:1.2.840.114350.1.13.0.1.7.5.737384.14', value: mrnOf(77) }, receivedFrom: new Date(T0 + 5 * 86400000).toISOString(), receivedTo: new Date(T0 + 5 * 86400000 + week).toISOString() });
  q('text', { text: 'potassium' });
  q('text phrase', { text: '"potassium 12.3"' });
  q('text+filters', { text: 'potassium', categories: ['clinical'], endpointIds: [1] });
  q('text rare', { text: mrnOf(77) });
  q('relevance', { text: 'potassium' }, 'relevance');
  q('unfiltered', {});
  q('patient only', { patient: { value: mrnOf(77) } });
  q('time only', { receivedFrom: new Date(T0 + 5 * 86400000).toISOString(), receivedTo: new Date(T0 + 5 * 86400000 + week).toISOString() });
  q('event+unread', { events: ['ClaimCreated'], read: false });
  q('rtype+time', { resourceTypes: ['Observation'], receivedFrom: new Date(T0 + 5 * 86400000).toISOString(), receivedTo: new Date(T0 + 5 * 86400000 + week).toISOString() });
}, 600000);
