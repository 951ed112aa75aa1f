import type { Located } from './input';

/** Bookkeeping elements that carry no clinical content for the receiver. */
const SKIPPED_ROOT = new Set(['resourceType', 'id', 'meta', 'text', 'contained']);

/**
 * Leaf paths of the resources the mapping used that no v2 field carries. A leaf counts as mapped
 * when it, or an element containing it, was consumed.
 */
export function findUnmapped(resources: Iterable<Located>, consumed: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const { resource, path } of resources) {
    for (const [key, value] of Object.entries(resource)) {
      if (SKIPPED_ROOT.has(key)) continue;
      walk(value, `${path}.${key}`, consumed, out);
    }
  }
  return out;
}

function walk(value: unknown, path: string, consumed: ReadonlySet<string>, out: string[]): void {
  if (consumed.has(path)) return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, `${path}[${i}]`, consumed, out));
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) walk(v, `${path}.${key}`, consumed, out);
    return;
  }
  out.push(path);
}
