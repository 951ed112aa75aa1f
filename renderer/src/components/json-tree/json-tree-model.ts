import type { JsonNodeKind, JsonNodeSummary } from './json-tree-protocol';

const kindOf = (value: unknown): JsonNodeKind =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : (typeof value as JsonNodeKind);

function preview(value: unknown, kind: JsonNodeKind): string {
  if (kind === 'string') {
    const s = value as string;
    return JSON.stringify(s.length > 500 ? `${s.slice(0, 500)}…` : s);
  }
  if (kind === 'array') return `[${(value as unknown[]).length}]`;
  if (kind === 'object') {
    const obj = value as Record<string, unknown>;
    const type = typeof obj.resourceType === 'string' ? `${obj.resourceType} ` : '';
    return `${type}{${Object.keys(obj).length}}`;
  }
  return String(value);
}

export function summarize(key: string, path: (string | number)[], value: unknown): JsonNodeSummary {
  const kind = kindOf(value);
  const size = kind === 'array' ? (value as unknown[]).length : kind === 'object' ? Object.keys(value as object).length : 0;
  return { key, path, kind, size, preview: preview(value, kind) };
}

export function nodeAt(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** A window of a container's children, summarised: the view never holds more than it shows. */
export function childrenOf(root: unknown, path: (string | number)[], offset: number, limit: number): { children: JsonNodeSummary[]; total: number } {
  const node = nodeAt(root, path);
  if (Array.isArray(node)) {
    const slice = node.slice(offset, offset + limit);
    return { children: slice.map((v, i) => summarize(String(offset + i), [...path, offset + i], v)), total: node.length };
  }
  if (node !== null && typeof node === 'object') {
    const keys = Object.keys(node);
    return {
      children: keys.slice(offset, offset + limit).map((k) => summarize(k, [...path, k], (node as Record<string, unknown>)[k])),
      total: keys.length,
    };
  }
  return { children: [], total: 0 };
}
