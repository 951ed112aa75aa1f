import { getLocation, parseTree, type Node, type Segment } from 'jsonc-parser';

/** A [start, end) character range in the editor's text. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** FHIR element paths as the translator prints them (`Bundle.entry[2].resource.code`) ↔ where they sit in the JSON text. */
export interface PathIndex {
  /** The root resource type (`Bundle`, `Observation`), or null when the text is not a resource. */
  readonly rootType: string | null;
  /** The range of an element: `"key": value` for object members, the value for array items. */
  rangeOf(path: string): TextRange | undefined;
  /** The element's range, or its nearest ancestor's when it is absent (an element the mapping wanted but the JSON lacks). */
  nearestRangeOf(path: string): TextRange | undefined;
}

/** Builds the index from text that may be incomplete (tolerant parse: whatever parses is indexed). */
export function indexFhirJson(text: string): PathIndex {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  const ranges = new Map<string, TextRange>();
  const rootType = root ? resourceTypeOf(root) : null;
  if (root && rootType) {
    ranges.set(rootType, { start: root.offset, end: root.offset + root.length });
    walk(root, rootType, ranges);
  }
  const rangeOf = (path: string) => ranges.get(path);
  return {
    rootType,
    rangeOf,
    nearestRangeOf(path) {
      let p: string | undefined = path;
      while (p) {
        const r = ranges.get(p);
        if (r) return r;
        p = parentPath(p);
      }
      return undefined;
    },
  };
}

function resourceTypeOf(node: Node): string | null {
  if (node.type !== 'object') return null;
  const prop = node.children?.find((p) => p.children?.[0]?.value === 'resourceType');
  const value = prop?.children?.[1]?.value;
  return typeof value === 'string' && value !== '' ? value : null;
}

function walk(node: Node, path: string, ranges: Map<string, TextRange>): void {
  if (node.type === 'object') {
    for (const prop of node.children ?? []) {
      const key = prop.children?.[0]?.value;
      const value = prop.children?.[1];
      if (typeof key !== 'string') continue;
      const childPath = `${path}.${key}`;
      ranges.set(childPath, { start: prop.offset, end: prop.offset + prop.length });
      if (value) walk(value, childPath, ranges);
    }
  } else if (node.type === 'array') {
    (node.children ?? []).forEach((item, i) => {
      const childPath = `${path}[${i}]`;
      ranges.set(childPath, { start: item.offset, end: item.offset + item.length });
      walk(item, childPath, ranges);
    });
  }
}

/** `a.b[2].c` → `a.b[2]` → `a.b` → `a` → undefined. */
export function parentPath(path: string): string | undefined {
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
  return cut > 0 ? path.slice(0, cut) : undefined;
}

/** The FHIR path of the element at a caret offset (scans only the text before it), or null outside any element. */
export function fhirPathAt(text: string, offset: number, rootType: string | null): string | null {
  if (!rootType) return null;
  const location = getLocation(text, valueBefore(text, offset));
  return toFhirPath(rootType, location.path);
}

/**
 * A caret at the end of a line (`"code": "2345-7",|`) means that line's element, not the object
 * around it: step back over spaces and a comma into a value that ends there.
 */
function valueBefore(text: string, offset: number): number {
  let o = offset;
  while (o > 0 && (text[o - 1] === ' ' || text[o - 1] === '\t' || text[o - 1] === ',')) o--;
  return o > 0 && /["\w\]}]/.test(text[o - 1] as string) ? o - 1 : offset;
}

export function toFhirPath(rootType: string, segments: readonly Segment[]): string {
  let out = rootType;
  for (const s of segments) out += typeof s === 'number' ? `[${s}]` : s === '' ? '' : `.${s}`;
  return out;
}
