import { checkWriteback, type FhirCheckIssue } from '../../../../shared/fhir/writeback-checks';
import { translate, type TranslateOptions, type TranslationResult } from '../../../../shared/fhir-to-v2';
import { normalizeInput } from '../../../../shared/fhir-to-v2/input';
import { indexFhirJson, type TextRange } from './fhir-json-locations';

/** Everything the preview shows for one version of the editor's text. */
export type PreviewOutput =
  | {
      readonly kind: 'ok';
      readonly result: TranslationResult;
      readonly checks: readonly FhirCheckIssue[];
      /** Where each FHIR path the result mentions sits in the text it was computed from (nearest ancestor when absent). */
      readonly ranges: Readonly<Record<string, TextRange>>;
      /** Exact ranges of the unmapped elements (only those present in the text). */
      readonly unmappedRanges: readonly TextRange[];
      readonly rootType: string | null;
      /** The resource type that decides the message (`Observation`, `ServiceRequest`…), for the message-type choice. */
      readonly focusType: string | null;
      /** Time spent in parse + translate + checks + indexing. */
      readonly computeMs: number;
    }
  /** The text is not JSON (yet): the view keeps the last good preview. `failed`: a bug in the translator. */
  | { readonly kind: 'invalid-json' | 'failed'; readonly message: string; readonly computeMs: number };

/** Parses, translates, checks and locates: pure, run in the preview worker (and in tests). */
export function computePreview(text: string, options: TranslateOptions, now: () => number = () => performance.now()): PreviewOutput {
  const t0 = now();
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return { kind: 'invalid-json', message: error instanceof Error ? error.message : String(error), computeMs: now() - t0 };
  }
  const result = translate(input, options);
  const checks = checkWriteback(input);
  const index = indexFhirJson(text);
  const ranges: Record<string, TextRange> = {};
  const locate = (path: string | undefined) => {
    if (path === undefined || path in ranges) return;
    const r = index.nearestRangeOf(path);
    if (r) ranges[path] = r;
  };
  for (const l of result.lineage) for (const p of l.fhirPaths) locate(p);
  for (const i of result.issues) locate(i.fhirPath);
  for (const c of checks) locate(c.fhirPath);
  const unmappedRanges: TextRange[] = [];
  for (const p of result.unmapped) {
    const r = index.rangeOf(p);
    if (r) unmappedRanges.push(r);
  }
  return { kind: 'ok', result, checks, ranges, unmappedRanges, rootType: index.rootType, focusType: normalizeInput(input).focus[0]?.resource.resourceType ?? null, computeMs: now() - t0 };
}
