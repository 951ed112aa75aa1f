/** One row of an ER7 comparison: a segment the same in both, only in one, or changed field by field. */
export type DiffRow =
  | { readonly kind: 'same'; readonly text: string }
  | { readonly kind: 'added'; readonly text: string }
  | { readonly kind: 'removed'; readonly text: string }
  | { readonly kind: 'changed'; readonly before: string; readonly after: string; readonly fields: readonly number[] };

export const segmentsOf = (er7: string) => er7.split(/\r\n?|\n/).filter((s) => s !== '');

/** Field numbers (as in `PID-5`) whose text differs between two versions of one segment. */
export function changedFields(before: string, after: string): number[] {
  const a = before.split('|');
  const b = after.split('|');
  // In MSH the first `|` is field 1 itself, so split index i is field i + 1; elsewhere it is field i.
  const shift = after.startsWith('MSH') ? 1 : 0;
  const out: number[] = [];
  for (let i = 1; i < Math.max(a.length, b.length); i++) if ((a[i] ?? '') !== (b[i] ?? '')) out.push(i + shift);
  return out;
}

/** Blanks fields that always differ between two sends of one writeback (MSH-7 time, MSH-10 control id). */
export function withoutVolatile(er7: string): string {
  return segmentsOf(er7)
    .map((s) => {
      if (!s.startsWith('MSH')) return s;
      const f = s.split('|');
      if (f.length > 6) f[6] = '';
      if (f.length > 9) f[9] = '';
      return f.join('|');
    })
    .join('\r');
}

/**
 * Segment-level diff (longest common subsequence of identical lines); between the common lines, a
 * removed and an added segment with the same id pair up as one changed segment with its fields.
 */
export function diffEr7(previous: string, current: string): DiffRow[] {
  const a = segmentsOf(previous);
  const b = segmentsOf(current);
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    const row = lcs[i] as Uint32Array;
    const below = lcs[i + 1] as Uint32Array;
    for (let j = m - 1; j >= 0; j--) row[j] = a[i] === b[j] ? (below[j + 1] as number) + 1 : Math.max(below[j] as number, row[j + 1] as number);
  }
  const rows: DiffRow[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    const unpairedAdded = [...added];
    for (const r of removed) {
      const k = unpairedAdded.findIndex((x) => x.slice(0, 3) === r.slice(0, 3));
      if (k >= 0) {
        const after = unpairedAdded.splice(k, 1)[0] as string;
        rows.push({ kind: 'changed', before: r, after, fields: changedFields(r, after) });
      } else rows.push({ kind: 'removed', text: r });
    }
    for (const x of unpairedAdded) rows.push({ kind: 'added', text: x });
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      flush();
      rows.push({ kind: 'same', text: a[i] as string });
      i++;
      j++;
    } else if (j < m && (i >= n || (lcs[i]?.[j + 1] ?? 0) >= (lcs[i + 1]?.[j] ?? 0))) {
      added.push(b[j++] as string);
    } else {
      removed.push(a[i++] as string);
    }
  }
  flush();
  return rows;
}
