import type { ServiceRequest } from '@medplum/fhirtypes';
import { SegmentBuilder, type V2SegmentDraft, type V2Value } from '../../hl7v2';
import { mapCode, PRIORITY } from '../codes/code-maps';
import type { MappingContext } from '../context';
import { ceFromConcept } from '../datatypes/ce';
import { tableCe } from '../datatypes/table-ce';
import { child } from '../fhir-path';
import type { Located } from '../input';
import type { OrderIds } from './order-orc';

/** OBR ← ServiceRequest (reverse of the IG's OBR[ServiceRequest]); `timing` is OBR-27 in ORM (no TQ1 there). */
export function buildRequestObr(
  ctx: MappingContext,
  sr: Located<ServiceRequest>,
  setId: number,
  ids: OrderIds,
  orderedBy: V2Value | undefined,
  timing: V2Value | undefined,
): V2SegmentDraft {
  const r = sr.resource;
  if (!r.code?.coding?.length && !r.code?.text) {
    ctx.issue('error', 'missing-code', 'ServiceRequest.code is missing: OBR-4 (required) is empty', child(sr.path, 'code'), 'OBR-4');
  }
  return new SegmentBuilder('OBR')
    .set(1, ctx.fixed(String(setId), 'set ID'))
    .set(2, ids.placer)
    .set(3, ids.filler)
    .set(4, ceFromConcept(ctx, r.code, child(sr.path, 'code'), 'OBR-4'), [child(sr.path, 'code')])
    .set(16, orderedBy)
    .set(27, timing)
    .setRepeating(31, (r.reasonCode ?? []).map((c, i) => ceFromConcept(ctx, c, child(sr.path, 'reasonCode', i), 'OBR-31'))).draft;
}

/** Priority (table 0485): stat → S, asap / urgent → A, routine → R. */
export function priorityCode(ctx: MappingContext, priority: string | undefined, path: string): { code: string; path: string } | undefined {
  const code = mapCode(PRIORITY, priority);
  if (priority === 'urgent') ctx.note('priority urgent has no table 0485 code; sent as A (as soon as possible)', path, 'TQ1-9');
  return code ? { code, path } : undefined;
}

/** TQ1 ← occurrence[x] and priority (OML, OMP, RDE): start / end, priority as CWE of table 0485. */
export function buildRequestTq1(
  ctx: MappingContext,
  setId: number,
  start: { value?: string; path: string },
  end: { value?: string; path: string },
  priority: { code: string; path: string } | undefined,
): V2SegmentDraft {
  return new SegmentBuilder('TQ1')
    .set(1, ctx.fixed(String(setId), 'set ID'))
    .set(7, ctx.dateTime(start.value, start.path, 'TQ1-7'))
    .set(8, ctx.dateTime(end.value, end.path, 'TQ1-8'))
    .set(9, priority ? priorityCe(ctx, priority) : undefined).draft;
}

export function priorityCe(ctx: MappingContext, p: { code: string; path: string }): V2Value {
  return tableCe(ctx, p.code, 485, p.path, `priority → ${p.code} (table 0485)`);
}
