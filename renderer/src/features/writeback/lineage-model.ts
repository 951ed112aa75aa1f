import { lineageForFhirPath } from '../../../../shared/fhir-to-v2';
import type { TextRange } from './fhir-json-locations';
import { fieldKey } from './er7-view-model';
import type { OkPreview } from './useLivePreview';
import type { FieldPick } from './writeback-store';

/** The FHIR elements a v2 field came from, and where they are in the text (v2 → FHIR). */
export function sourcesOfField(output: OkPreview, pick: FieldPick): { paths: string[]; ranges: TextRange[] } {
  const paths: string[] = [];
  for (const l of output.result.lineage) {
    if (l.segmentIndex !== pick.segmentIndex || l.field !== pick.field) continue;
    for (const p of l.fhirPaths) if (!paths.includes(p)) paths.push(p);
  }
  const ranges: TextRange[] = [];
  for (const p of paths) {
    const r = output.ranges[p];
    if (r && !ranges.some((x) => x.start === r.start && x.end === r.end)) ranges.push(r);
  }
  return { paths, ranges };
}

/** Paths too general to highlight by: the whole input, the entry list, an entry. */
const TOO_GENERAL = /^(?:[A-Za-z]+|Bundle\.entry(?:\[\d+\])?)$/;

/** The v2 fields produced from the FHIR element at `path` or inside it (FHIR → v2), as field keys. */
export function fieldsFromPath(output: OkPreview, path: string | null): Set<string> {
  const out = new Set<string>();
  if (!path || TOO_GENERAL.test(path)) return out;
  for (const l of lineageForFhirPath(output.result, path)) if (l.field !== undefined) out.add(fieldKey(l.segmentIndex, l.field));
  return out;
}
