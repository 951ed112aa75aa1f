import { DEFAULT_DELIMITERS, encodeMessage, parseLocation, validateMessage, type V2Issue, type V2SegmentDraft } from '../hl7v2';
import { MappingContext } from './context';
import { controlIdFor } from './control-id';
import { normalizeInput } from './input';
import { nowInstant } from './now';
import { resolveOptions, type TranslateOptions } from './options';
import { ALLOWED_CODES, PLANNERS } from './planners';
import type { LineageEntry, TranslationIssue, TranslationResult } from './result';
import { buildEvn, buildMsh, formatMessageType } from './segments/msh';
import { findUnmapped } from './unmapped';

/**
 * FHIR writeback → HL7 v2 message, with lineage, unmapped elements and validation issues.
 * Never throws for bad input: problems come back as located issues, and `ok` is false when no
 * message could be produced.
 */
export function translate(input: unknown, options: TranslateOptions = {}): TranslationResult {
  const resolved = resolveOptions(options);
  const normalized = normalizeInput(input);
  const ctx = new MappingContext(normalized, resolved);
  for (const p of normalized.problems) ctx.issue('error', 'input', p.message, p.fhirPath);
  const focus = normalized.focus;
  const first = focus[0];
  if (!first) return failed(ctx.issues);
  const focusType = first.resource.resourceType;
  const planner = PLANNERS[focusType];
  if (!planner) {
    ctx.issue('error', 'unsupported-resource', `${focusType} writebacks are not translated to HL7 v2`, first.path);
    return failed(ctx.issues);
  }
  let event: string | undefined;
  if (resolved.messageType) {
    const [code, trigger] = resolved.messageType.split('^');
    if (!code || !(ALLOWED_CODES[focusType] ?? []).includes(code)) {
      ctx.issue('error', 'message-type-mismatch',
        `${focusType} cannot be sent as ${resolved.messageType}; allowed: ${(ALLOWED_CODES[focusType] ?? []).join(', ')}`, first.path);
      return failed(ctx.issues);
    }
    event = trigger;
  }
  const plan = planner(ctx, focus, event);
  if (!plan) return failed(ctx.issues);
  const now = resolved.now ?? nowInstant();
  const controlId = controlIdFor(resolved, input);
  const body = plan.build();
  const drafts: V2SegmentDraft[] = [buildMsh(ctx, plan.type, controlId, now)];
  if (plan.evn) drafts.push(buildEvn(ctx, plan.type.event, now, plan.occurred));
  drafts.push(...body);
  const encoded = encodeMessage(drafts, DEFAULT_DELIMITERS);
  const validation = validateMessage(encoded.message).map((i) => locate(i, encoded.lineage, encoded.intended));
  const issues = [...ctx.issues, ...validation];
  return {
    ok: !issues.some((i) => i.source === 'input' && i.severity === 'error' && i.code === 'input'),
    messageType: formatMessageType(plan.type),
    controlId,
    er7: encoded.message.text,
    segments: encoded.message.segments,
    lineage: encoded.lineage,
    unmapped: findUnmapped(ctx.used, ctx.consumed),
    issues,
  };
}

function failed(issues: readonly TranslationIssue[]): TranslationResult {
  return { ok: false, messageType: '', controlId: '', er7: '', segments: [], lineage: [], unmapped: [], issues };
}

/** Gives a validation issue the FHIR path to fix, from the lineage of the field it sits on. */
function locate(
  issue: V2Issue,
  lineage: readonly LineageEntry[],
  intended: readonly { v2: string; segmentIndex: number; fhirPaths: readonly string[] }[],
): TranslationIssue {
  const loc = issue.location ? parseLocation(issue.location) : undefined;
  let fhirPath: string | undefined;
  if (loc?.field !== undefined && issue.segmentIndex !== undefined) {
    const hit = lineage.find(
      (l) =>
        l.segmentIndex === issue.segmentIndex &&
        l.field === loc.field &&
        (loc.component === undefined || l.component === loc.component) &&
        l.fhirPaths.length > 0,
    );
    fhirPath =
      hit?.fhirPaths[0] ??
      intended.find((i) => i.segmentIndex === issue.segmentIndex && parseLocation(i.v2)?.field === loc.field)?.fhirPaths[0];
  }
  return { ...issue, source: 'validation', ...(fhirPath === undefined ? {} : { fhirPath }) };
}
