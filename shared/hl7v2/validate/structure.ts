import type { StructureNode } from '../definitions/dictionary-types';
import type { V2Issue } from './issue';

interface Cursor {
  readonly names: readonly string[];
  pos: number;
  readonly issues: V2Issue[];
  readonly structure: string;
}

const firstCache = new WeakMap<readonly StructureNode[], ReadonlySet<string>>();

/**
 * Checks segment order and cardinality against an abstract message structure. Matching is greedy,
 * which is exact for the v2.5.1 structures here (no segment can start two sibling alternatives).
 */
export function validateStructure(
  structure: string,
  grammar: readonly StructureNode[],
  names: readonly string[],
): V2Issue[] {
  const cursor: Cursor = { names, pos: 0, issues: [], structure };
  matchSequence(grammar, cursor, structure);
  for (let i = cursor.pos; i < names.length; i++) {
    const name = names[i] as string;
    if (name.startsWith('Z')) continue; // site-defined segments are allowed anywhere
    cursor.issues.push({
      severity: 'error',
      code: 'segment-unexpected',
      message: `${name} is not expected here in ${structure} (segment ${i + 1})`,
      location: name,
      segmentIndex: i,
    });
  }
  return cursor.issues;
}

function matchSequence(nodes: readonly StructureNode[], c: Cursor, groupName: string): void {
  for (const node of nodes) {
    const [name, min, max, children] = node;
    let count = 0;
    while (max === 0 || count < max) {
      while (c.names[c.pos]?.startsWith('Z')) c.pos++;
      const next = c.names[c.pos];
      if (next === undefined) break;
      if (children) {
        if (!firstOf(children).has(next)) break;
        const before = c.pos;
        matchSequence(children, c, name);
        count++;
        if (c.pos === before) break;
      } else if (name.split('|').includes(next)) {
        c.pos++;
        count++;
      } else break;
    }
    if (count < min) {
      const key = children ? firstRequired(children) ?? name : name;
      const what = children ? `${key} (group ${name})` : name;
      c.issues.push({
        severity: 'error',
        code: 'segment-missing',
        message: `${c.structure} requires ${what}${groupName === c.structure ? '' : ` in ${groupName}`}`,
        location: key,
      });
    }
  }
}

/** Segment names that can begin a sequence: up to and including its first required element. */
function firstOf(nodes: readonly StructureNode[]): ReadonlySet<string> {
  const cached = firstCache.get(nodes);
  if (cached) return cached;
  const out = new Set<string>();
  for (const [name, min, , children] of nodes) {
    if (children) for (const n of firstOf(children)) out.add(n);
    else for (const n of name.split('|')) out.add(n);
    if (min > 0) break;
  }
  firstCache.set(nodes, out);
  return out;
}

/** The first segment a group cannot do without: what to name when the group is missing. */
function firstRequired(nodes: readonly StructureNode[]): string | undefined {
  for (const [name, min, , children] of nodes) {
    if (min === 0) continue;
    return children ? firstRequired(children) : name.split('|')[0];
  }
  return undefined;
}
