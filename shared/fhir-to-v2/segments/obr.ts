import type { DiagnosticReport, Observation, ServiceRequest } from '@medplum/fhirtypes';
import { SegmentBuilder, type V2SegmentDraft } from '../../hl7v2';
import { mapCode, OBSERVATION_STATUS, REPORT_STATUS } from '../codes/code-maps';
import type { MappingContext } from '../context';
import { ceFromConcept } from '../datatypes/ce';
import { eiFromIdentifier, identifierOfType } from '../datatypes/cx';
import { xcnFromReference } from '../datatypes/xcn';
import { child } from '../fhir-path';
import type { Located } from '../input';

export interface OrderNumbers {
  readonly placer?: ReturnType<typeof eiFromIdentifier>;
  readonly filler?: ReturnType<typeof eiFromIdentifier>;
  readonly orderedBy?: ReturnType<typeof xcnFromReference>;
}

/** Placer/filler numbers: the report's own PLAC/FILL identifiers, else its basedOn ServiceRequest's. */
export function orderNumbers(ctx: MappingContext, report: Located<DiagnosticReport | Observation>): OrderNumbers {
  const r = report.resource;
  const placer = identifierOfType(r.identifier, 'PLAC');
  const filler = identifierOfType(r.identifier, 'FILL');
  const basedOnIndex = (r.basedOn ?? []).findIndex((b) => ctx.input.resolve(b, report)?.resource.resourceType === 'ServiceRequest');
  const sr = basedOnIndex >= 0 ? (ctx.input.resolve(r.basedOn?.[basedOnIndex], report) as Located<ServiceRequest>) : undefined;
  if (sr) {
    ctx.use(sr);
    ctx.mark(child(child(report.path, 'basedOn', basedOnIndex), 'reference'));
  }
  const srPlacer = sr ? identifierOfType(sr.resource.identifier, 'PLAC') ?? firstIdentifier(sr.resource) : undefined;
  return {
    placer: placer
      ? eiFromIdentifier(ctx, placer.id, child(report.path, 'identifier', placer.index))
      : sr && srPlacer
        ? eiFromIdentifier(ctx, srPlacer.id, child(sr.path, 'identifier', srPlacer.index))
        : undefined,
    filler: filler ? eiFromIdentifier(ctx, filler.id, child(report.path, 'identifier', filler.index)) : undefined,
    orderedBy: sr ? xcnFromReference(ctx, sr.resource.requester, child(sr.path, 'requester'), sr, 'OBR-16') : undefined,
  };
}

function firstIdentifier(r: ServiceRequest) {
  const id = r.identifier?.[0];
  return id ? { id, index: 0 } : undefined;
}

/** ORC|RE for results (as NIST LRI sends it). */
export function buildResultOrc(ctx: MappingContext, numbers: OrderNumbers): V2SegmentDraft {
  return new SegmentBuilder('ORC')
    .set(1, ctx.fixed('RE', 'observations to follow (results)'))
    .set(2, numbers.placer)
    .set(3, numbers.filler)
    .set(12, numbers.orderedBy).draft;
}

/** OBR ← DiagnosticReport, or ← a standalone Observation (its code names the order). */
export function buildResultObr(
  ctx: MappingContext,
  source: Located<DiagnosticReport | Observation>,
  setId: number,
  numbers: OrderNumbers,
): V2SegmentDraft {
  const r = source.resource;
  const path = source.path;
  const resourceType = r.resourceType;
  const isReport = resourceType === 'DiagnosticReport';
  const obr = new SegmentBuilder('OBR')
    .set(1, ctx.fixed(String(setId), 'set ID'))
    .set(2, numbers.placer)
    .set(3, numbers.filler)
    .set(4, ceFromConcept(ctx, r.code, child(path, 'code'), 'OBR-4'), [child(path, 'code')]);
  if (!r.code?.coding?.length && !r.code?.text) {
    ctx.issue('error', 'missing-code', `${r.resourceType}.code is missing: OBR-4 (required) is empty`, child(path, 'code'), 'OBR-4');
  }
  const start = r.effectiveDateTime ?? r.effectivePeriod?.start;
  obr.set(7, ctx.dateTime(start, child(path, r.effectiveDateTime ? 'effectiveDateTime' : 'effectivePeriod.start'), 'OBR-7'));
  obr.set(8, ctx.dateTime(r.effectivePeriod?.end, child(path, 'effectivePeriod.end'), 'OBR-8'));
  obr.set(16, numbers.orderedBy);
  obr.set(22, ctx.dateTime(r.issued, child(path, 'issued'), 'OBR-22'));
  if (isReport) {
    const catIndex = (r.category ?? []).findIndex((c) => c.coding?.some((k) => k.system === 'http://terminology.hl7.org/CodeSystem/v2-0074'));
    const codingIndex = catIndex >= 0 ? (r.category?.[catIndex]?.coding ?? []).findIndex((k) => k.system === 'http://terminology.hl7.org/CodeSystem/v2-0074') : -1;
    if (catIndex >= 0) {
      const cp = child(child(child(path, 'category', catIndex), 'coding', codingIndex), 'code');
      obr.set(24, ctx.leaf(r.category?.[catIndex]?.coding?.[codingIndex]?.code, cp, 'category (v2-0074)'));
    }
  }
  const statusPath = child(path, 'status');
  const status = r.status;
  const code = isReport ? mapCode(REPORT_STATUS, status) : mapCode(OBSERVATION_STATUS, status);
  if (!status) ctx.issue('error', 'missing-status', `${resourceType}.status is missing: OBR-25 left empty`, statusPath, 'OBR-25');
  else if (!code) ctx.issue('error', 'no-v2-status', `${resourceType} status "${status}" has no v2 result status (table 0123)`, statusPath, 'OBR-25');
  else {
    if (isReport && (status === 'entered-in-error' || status === 'registered' || status === 'partial')) {
      ctx.note(`DiagnosticReport status ${status} sent as ${code}; table 0123 has no exact equivalent`, statusPath, 'OBR-25');
    }
    // A standalone Observation's 0085 code stands in for 0123: they agree on F/P/C/X/I; W (wrong) → X.
    const resultCode = !isReport && code === 'W' ? 'X' : code;
    obr.set(25, ctx.leaf(resultCode, statusPath, `status ${status} → ${resultCode} (table 0123)`));
  }
  return obr.draft;
}
