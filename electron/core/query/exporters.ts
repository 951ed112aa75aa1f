import type { ResultColumn } from '../../../shared/fhir/default-columns';
import type { SearchEntry } from '../../../shared/fhir/search-page';
import type { ColumnEvaluator } from './column-evaluator';

/** RFC 4180: quote a field when it holds a comma, quote, CR or LF; double inner quotes. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv(entries: readonly SearchEntry[], columns: readonly ResultColumn[], evaluator: ColumnEvaluator): string {
  const header = ['resourceType', 'id', 'fullUrl', 'search.mode', ...columns.map((c) => c.label)];
  const expressions = columns.map((c) => c.expression);
  const lines = [header.map(csvField).join(',')];
  for (const entry of entries) {
    const cells = [entry.resourceType ?? '', entry.id ?? '', entry.fullUrl ?? '', entry.searchMode, ...evaluator.cells(entry.resource, expressions)];
    lines.push(cells.map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** One resource per line: what bulk FHIR tools read. */
export function toNdjson(entries: readonly SearchEntry[]): string {
  return entries
    .filter((e) => e.resource !== null && e.resource !== undefined)
    .map((e) => `${JSON.stringify(e.resource)}\n`)
    .join('');
}

/** All fetched entries as one searchset Bundle, search modes kept. */
export function toSearchsetBundle(entries: readonly SearchEntry[], total: number | null): string {
  const bundle = {
    resourceType: 'Bundle',
    type: 'searchset',
    ...(total === null ? {} : { total }),
    entry: entries.map((e) => ({
      ...(e.fullUrl ? { fullUrl: e.fullUrl } : {}),
      resource: e.resource,
      ...(e.searchMode === 'unknown' ? {} : { search: { mode: e.searchMode } }),
    })),
  };
  return JSON.stringify(bundle, null, 2);
}
