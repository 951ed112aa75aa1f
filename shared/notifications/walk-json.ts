import { isObject, type JsonObject } from './json';

/**
 * Calls `visit` once for every object in `root`, in document order (depth first, keys and array
 * items in their order). Iterative with an explicit stack, so a deeply nested body cannot overflow
 * the call stack. Each object is entered once (a seen-set), so the cost stays linear even for a
 * graph that shares or cycles objects, which JSON.parse never produces but a caller might.
 * (A Set, not a WeakSet: it is several times faster here and lives only for one walk.)
 */
export function forEachObject(root: unknown, visit: (node: JsonObject) => void): void {
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push(node[i]);
      continue;
    }
    if (!isObject(node)) continue;
    visit(node);
    const values = Object.values(node);
    for (let i = values.length - 1; i >= 0; i--) {
      const value = values[i];
      if (typeof value === 'object' && value !== null) stack.push(value);
    }
  }
}
