import type { ServiceRequest } from '@medplum/fhirtypes';
import type { V2SegmentDraft, V2Value } from '../../hl7v2';
import type { MappingContext } from '../context';
import { eiFromIdentifier } from '../datatypes/cx';
import { xcnFromReference } from '../datatypes/xcn';
import { child } from '../fhir-path';
import type { Located } from '../input';
import { buildNotes } from '../segments/nte';
import { buildOrc, orderControl, orderIds, orderStatus } from '../segments/order-orc';
import { buildPid, resolvePatient } from '../segments/pid';
import { buildPv1, resolveEncounter } from '../segments/pv1';
import { buildRequestObr, buildRequestTq1, priorityCode } from '../segments/request-obr';

/**
 * ORM^O01 / OML^O21 body: PID (+ PV1 with a visit), then per ServiceRequest an ORDER group: ORC,
 * TQ1 (OML only: ORM_O01 has no TQ1, so ORC-7 / OBR-27 carry the timing as TQ), OBR, NTE.
 */
export function buildGeneralOrder(ctx: MappingContext, focus: readonly Located<ServiceRequest>[], code: 'ORM' | 'OML'): V2SegmentDraft[] {
  const first = focus[0];
  if (!first) return [];
  const subjectPath = child(first.path, 'subject');
  const patient = resolvePatient(ctx, first.resource.subject, first, subjectPath);
  const out: V2SegmentDraft[] = [buildPid(ctx, patient, first.resource.subject, subjectPath)];
  const encounter = resolveEncounter(ctx, first.resource.encounter, first, child(first.path, 'encounter'));
  if (encounter) out.push(buildPv1(ctx, encounter));
  focus.forEach((sr, i) => {
    ctx.use(sr);
    const r = sr.resource;
    const path = sr.path;
    const statusPath = child(path, 'status');
    const ids = orderIds(ctx, r.identifier, path, 'placer');
    const requester = xcnFromReference(ctx, r.requester, child(path, 'requester'), sr, 'ORC-12');
    const priority = priorityCode(ctx, r.priority, child(path, 'priority'));
    const start = { value: r.occurrenceDateTime ?? r.occurrencePeriod?.start, path: child(path, r.occurrenceDateTime ? 'occurrenceDateTime' : 'occurrencePeriod.start') };
    const end = { value: r.occurrencePeriod?.end, path: child(path, 'occurrencePeriod.end') };
    const tq: V2Value | undefined = code === 'ORM' ? legacyTiming(ctx, start, end, priority) : undefined;
    out.push(buildOrc({
      control: orderControl(ctx, r.status, statusPath),
      ids,
      placerGroup: eiFromIdentifier(ctx, r.requisition, child(path, 'requisition')),
      status: orderStatus(ctx, r.status, statusPath),
      timing: tq,
      transactionTime: ctx.dateTime(r.authoredOn, child(path, 'authoredOn'), 'ORC-9'),
      orderingProvider: requester,
    }));
    if (code === 'OML') out.push(buildRequestTq1(ctx, 1, start, end, priority));
    out.push(buildRequestObr(ctx, sr, i + 1, ids, requester, tq));
    out.push(...buildNotes(ctx, r.note, path, 'P'));
  });
  return out;
}

/** TQ (backward compatible in 2.5.1): TQ.4 start, TQ.5 end, TQ.6 priority. */
function legacyTiming(
  ctx: MappingContext,
  start: { value?: string; path: string },
  end: { value?: string; path: string },
  priority: { code: string; path: string } | undefined,
): V2Value {
  return [
    undefined, undefined, undefined,
    ctx.dateTime(start.value, start.path, 'ORC-7.4'),
    ctx.dateTime(end.value, end.path, 'ORC-7.5'),
    priority ? ctx.leaf(priority.code, priority.path, `priority → ${priority.code}`) : undefined,
  ];
}
