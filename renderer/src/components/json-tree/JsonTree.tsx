import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { JsonNodeSummary } from './json-tree-protocol';
import { useJsonTreeWorker } from './useJsonTreeWorker';

const ROW = 22;
const BATCH = 200;

interface Loaded {
  children: JsonNodeSummary[];
  total: number;
}

type Row = { kind: 'node'; node: JsonNodeSummary; depth: number } | { kind: 'more'; parent: JsonNodeSummary; depth: number; shown: number; total: number };

const keyOf = (path: readonly (string | number)[]) => JSON.stringify(path);

/**
 * A collapsible JSON tree for bodies of any size: the worker parses and holds the document, the view
 * fetches children only when a node opens, in batches, and renders only the rows on screen.
 * Give it a `key` per document: expansion state belongs to one document.
 */
export function JsonTree({ text, label }: { text: string; label: string }) {
  const { root, error, children } = useJsonTreeWorker(text);
  const [loaded, setLoaded] = useState(new Map<string, Loaded>());
  const [expanded, setExpanded] = useState(new Set<string>([keyOf([])]));
  const scrollRef = useRef<HTMLDivElement>(null);

  const load = useCallback(
    async (path: (string | number)[], offset: number) => {
      const batch = await children(path, offset, BATCH);
      setLoaded((prev) => {
        const next = new Map(prev);
        const before = next.get(keyOf(path));
        next.set(keyOf(path), { children: [...(offset === 0 ? [] : (before?.children ?? [])), ...batch.children], total: batch.total });
        return next;
      });
    },
    [children],
  );

  useEffect(() => {
    if (root && !loaded.has(keyOf([]))) void load([], 0);
  }, [root, loaded, load]);

  const rows = useMemo(() => {
    const out: Row[] = [];
    const walk = (parent: JsonNodeSummary, depth: number) => {
      const entry = loaded.get(keyOf(parent.path));
      if (!entry) return;
      for (const node of entry.children) {
        out.push({ kind: 'node', node, depth });
        if (expanded.has(keyOf(node.path))) walk(node, depth + 1);
      }
      if (entry.children.length < entry.total) out.push({ kind: 'more', parent, depth, shown: entry.children.length, total: entry.total });
    };
    if (root) walk(root, 0);
    return out;
  }, [root, loaded, expanded]);

  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW, overscan: 30 });

  const toggle = (node: JsonNodeSummary) => {
    const key = keyOf(node.path);
    const next = new Set(expanded);
    if (next.has(key)) next.delete(key);
    else {
      next.add(key);
      if (!loaded.has(key)) void load(node.path, 0);
    }
    setExpanded(next);
  };

  if (error) return <p className="error">Not JSON: {error}</p>;
  if (!root) return <p className="muted">Parsing…</p>;
  return (
    <div className="json-tree" ref={scrollRef} role="tree" aria-label={label} data-testid="json-tree">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          const style = { transform: `translateY(${item.start}px)`, paddingLeft: 8 + row.depth * 16, height: ROW };
          if (row.kind === 'more') {
            return (
              <div key={`more-${keyOf(row.parent.path)}`} className="tree-row" style={style}>
                <button type="button" className="link" onClick={() => void load(row.parent.path, row.shown)}>
                  show {Math.min(BATCH, row.total - row.shown)} more of {row.total - row.shown}…
                </button>
              </div>
            );
          }
          const { node } = row;
          const container = node.kind === 'object' || node.kind === 'array';
          const open = expanded.has(keyOf(node.path));
          return (
            <div key={keyOf(node.path)} className="tree-row" style={style} role="treeitem" aria-expanded={container ? open : undefined}>
              {container ? (
                <button type="button" className="tree-toggle" onClick={() => toggle(node)} aria-label={`${open ? 'Collapse' : 'Expand'} ${node.key}`}>
                  {open ? '▾' : '▸'}
                </button>
              ) : (
                <span className="tree-toggle" />
              )}
              <span className="tree-key">{node.key}</span>
              <span className={`tree-value ${node.kind}`}>{node.preview}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
