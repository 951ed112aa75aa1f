import { parseLocation } from '../../../../shared/hl7v2';
import type { SchemaMarker } from './editor-types';
import type { TextRange } from './fhir-json-locations';
import type { OkPreview } from './useLivePreview';

export type IssueSource = 'input' | 'mapping' | 'validation' | 'fhir' | 'schema';

/** One row of the issues list, located in the editor (text range) and/or the preview (segment and field). */
export interface ShownIssue {
  readonly key: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly source: IssueSource;
  readonly message: string;
  /** `PID-5`, `OBX[2]-5.1`. */
  readonly location?: string;
  readonly fhirPath?: string;
  readonly segmentIndex?: number;
  readonly field?: number;
  readonly range?: TextRange;
}

export const SOURCE_LABEL: Readonly<Record<IssueSource, string>> = {
  input: 'FHIR input',
  mapping: 'mapping',
  validation: 'v2.5.1',
  fhir: 'FHIR R4',
  schema: 'JSON schema',
};

const RANK = { error: 0, warning: 1, info: 2 } as const;

/** Translator issues (input, mapping, v2 validation), FHIR checks and the JSON schema's markers, worst first. */
export function collectIssues(output: OkPreview | null, schema: readonly SchemaMarker[]): ShownIssue[] {
  const out: ShownIssue[] = [];
  if (output) {
    output.result.issues.forEach((i, n) => {
      const loc = i.location ? parseLocation(i.location) : undefined;
      const range = i.fhirPath ? output.ranges[i.fhirPath] : undefined;
      out.push({
        key: `t${n}`,
        severity: i.severity,
        source: i.source === 'input' ? 'input' : i.source,
        message: i.message,
        ...(i.location ? { location: i.location } : {}),
        ...(i.fhirPath ? { fhirPath: i.fhirPath } : {}),
        ...(i.segmentIndex !== undefined && loc?.field !== undefined ? { segmentIndex: i.segmentIndex, field: loc.field } : {}),
        ...(range ? { range } : {}),
      });
    });
    output.checks.forEach((c, n) => {
      const range = output.ranges[c.fhirPath];
      out.push({ key: `f${n}`, severity: c.severity, source: 'fhir', message: c.message, fhirPath: c.fhirPath, ...(range ? { range } : {}) });
    });
  }
  schema.forEach((m, n) => {
    out.push({ key: `s${n}`, severity: m.severity, source: 'schema', message: `${m.message} (line ${m.line})`, range: { start: m.start, end: m.end } });
  });
  // Stable within a severity: the order each source reports in.
  return out.map((issue, i) => ({ issue, i })).sort((a, b) => RANK[a.issue.severity] - RANK[b.issue.severity] || a.i - b.i).map((x) => x.issue);
}

/** The text ranges the editor marks: FHIR checks and translator issues that point at the input. */
export function editorMarkersOf(issues: readonly ShownIssue[]) {
  return issues
    .filter((i) => i.source !== 'schema' && i.range !== undefined && (i.source === 'fhir' || i.source === 'input' || i.severity !== 'info'))
    .map((i) => ({
      start: (i.range as TextRange).start,
      end: (i.range as TextRange).end,
      severity: i.severity,
      message: i.location ? `${i.message} (${i.location})` : i.message,
      source: SOURCE_LABEL[i.source],
    }));
}

/** Same rows, in the same order, pointing at the same places (a keystroke usually changes none). */
export function sameIssues(a: readonly ShownIssue[], b: readonly ShownIssue[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((x, n) => {
    const y = b[n] as ShownIssue;
    return (
      x.key === y.key &&
      x.severity === y.severity &&
      x.source === y.source &&
      x.message === y.message &&
      x.location === y.location &&
      x.fhirPath === y.fhirPath &&
      x.segmentIndex === y.segmentIndex &&
      x.field === y.field &&
      x.range?.start === y.range?.start &&
      x.range?.end === y.range?.end
    );
  });
}
