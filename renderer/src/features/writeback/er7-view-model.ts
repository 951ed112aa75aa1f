import { describeField, parseLocation, type Er7Segment } from '../../../../shared/hl7v2';
import type { TranslationResult } from '../../../../shared/fhir-to-v2';

/** `3:5` = field 5 of the message's fourth segment. */
export const fieldKey = (segmentIndex: number, field: number) => `${segmentIndex}:${field}`;

/** Segment families, for colouring segment ids the way HL7 editors do (header, patient, order, result…). */
const FAMILY: Readonly<Record<string, string>> = {
  MSH: 'header', EVN: 'header', MSA: 'header', ERR: 'error', SFT: 'header',
  PID: 'patient', PD1: 'patient', NK1: 'patient', PV1: 'visit', PV2: 'visit', IN1: 'visit', GT1: 'visit',
  ORC: 'order', OBR: 'order', RXO: 'order', RXE: 'order', RXA: 'order', RXR: 'order', RXC: 'order', TQ1: 'order', SPM: 'order',
  OBX: 'result', NTE: 'note', TXA: 'result',
  SCH: 'schedule', RGS: 'schedule', AIS: 'schedule', AIG: 'schedule', AIL: 'schedule', AIP: 'schedule',
  FT1: 'finance', IAM: 'clinical', AL1: 'clinical', DG1: 'clinical', PR1: 'clinical',
};
export const segmentFamily = (name: string) => FAMILY[name] ?? 'other';

/** How a segment is named in locations: `OBX[2]` when the message has more than one OBX. */
export function segmentLabels(segments: readonly Er7Segment[]): string[] {
  const counts = new Map<string, number>();
  for (const s of segments) counts.set(s.name, (counts.get(s.name) ?? 0) + 1);
  const seen = new Map<string, number>();
  return segments.map((s) => {
    const n = (seen.get(s.name) ?? 0) + 1;
    seen.set(s.name, n);
    return (counts.get(s.name) ?? 0) > 1 ? `${s.name}[${n}]` : s.name;
  });
}

export interface FieldFacts {
  /** FHIR elements this field came from (lineage), in order, without repeats. */
  readonly sources: ReadonlyMap<string, readonly string[]>;
  /** Worst issue severity per field. */
  readonly issues: ReadonlyMap<string, 'error' | 'warning' | 'info'>;
  readonly labels: readonly string[];
}

const RANK = { info: 0, warning: 1, error: 2 } as const;

/** Per-field facts the preview shows, computed once per translation. */
export function fieldFacts(result: TranslationResult): FieldFacts {
  const sources = new Map<string, string[]>();
  for (const l of result.lineage) {
    if (l.field === undefined) continue;
    const key = fieldKey(l.segmentIndex, l.field);
    const list = sources.get(key) ?? [];
    for (const p of l.fhirPaths) if (!list.includes(p)) list.push(p);
    sources.set(key, list);
  }
  const issues = new Map<string, 'error' | 'warning' | 'info'>();
  for (const i of result.issues) {
    const loc = i.location ? parseLocation(i.location) : undefined;
    if (i.segmentIndex === undefined || loc?.field === undefined) continue;
    const key = fieldKey(i.segmentIndex, loc.field);
    const before = issues.get(key);
    if (!before || RANK[i.severity] > RANK[before]) issues.set(key, i.severity);
  }
  return { sources, issues, labels: segmentLabels(result.segments) };
}

/** Tooltip of a field: its definition, then where it came from. */
export function fieldTitle(segment: string, label: string, field: number, sources: readonly string[] | undefined): string {
  const definition = describeField(segment, field).label.replace(`${segment}-${field}`, `${label}-${field}`);
  return sources && sources.length > 0 ? `${definition}\n← ${sources.join('\n← ')}` : definition;
}
