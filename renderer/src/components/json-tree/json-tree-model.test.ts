import { describe, expect, it } from 'vitest';
import { childrenOf, summarize } from './json-tree-model';

describe('json tree model', () => {
  const doc = { resourceType: 'Bundle', entry: Array.from({ length: 1000 }, (_, i) => ({ resource: { resourceType: 'Observation', id: `o${i}` } })) };

  it('summarises containers without walking them', () => {
    expect(summarize('(root)', [], doc)).toEqual({ key: '(root)', path: [], kind: 'object', size: 2, preview: 'Bundle {2}' });
  });

  it('returns a window of children with their paths', () => {
    const { children, total } = childrenOf(doc, ['entry'], 998, 10);
    expect(total).toBe(1000);
    expect(children.map((c) => c.path)).toEqual([['entry', 998], ['entry', 999]]);
    expect(childrenOf(doc, ['entry', 5, 'resource'], 0, 10).children.map((c) => `${c.key}=${c.preview}`)).toEqual(['resourceType="Observation"', 'id="o5"']);
  });

  it('cuts very long strings in previews', () => {
    expect(summarize('div', ['div'], 'x'.repeat(2000)).preview).toHaveLength(503);
  });
});
