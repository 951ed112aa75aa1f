import type { Encounter, Location, Reference } from '@medplum/fhirtypes';
import { SegmentBuilder, type V2SegmentDraft } from '../../hl7v2';
import { mapCode, PATIENT_CLASS } from '../codes/code-maps';
import type { MappingContext } from '../context';
import { ceFromConcept } from '../datatypes/ce';
import { cxFromIdentifier, identifierOfType } from '../datatypes/cx';
import { xcnFromReference } from '../datatypes/xcn';
import { child } from '../fhir-path';
import type { Located } from '../input';

/** Follows an `encounter` reference; a missing target is only a warning (PV1 falls back to class N). */
export function resolveEncounter(ctx: MappingContext, ref: Reference | undefined, from: Located, refPath: string): Located<Encounter> | undefined {
  if (!ref) return undefined;
  const found = ctx.input.resolve(ref, from);
  if (found?.resource.resourceType === 'Encounter') {
    ctx.mark(child(refPath, 'reference'));
    return found as Located<Encounter>;
  }
  ctx.issue('warning', 'unresolved-encounter', `${refPath} is not in the input; PV1 is sent without visit details`, refPath, 'PV1');
  return undefined;
}

/** PV1 ← Encounter; without one, `PV1|1|N` (class "not applicable", the usual person-level convention). */
export function buildPv1(ctx: MappingContext, located: Located<Encounter> | undefined): V2SegmentDraft {
  const pv1 = new SegmentBuilder('PV1').set(1, ctx.fixed('1', 'set ID'));
  if (!located) return pv1.set(2, ctx.fixed('N', 'no Encounter: class N (not applicable)')).draft;
  ctx.use(located);
  const e = located.resource;
  const path = located.path;
  const cls = e.class?.code;
  const mapped = mapCode(PATIENT_CLASS, cls);
  if (cls && !mapped) ctx.issue('warning', 'no-v2-code', `Encounter class ${cls} has no v2.5.1 patient class (table 0004); sent as U`, child(path, 'class.code'), 'PV1-2');
  if (!cls) ctx.issue('warning', 'missing-class', 'Encounter.class is missing; PV1-2 (required) sent as U (unknown)', child(path, 'class'), 'PV1-2');
  pv1.set(2, mapped ? ctx.leaf(mapped, child(path, 'class.code'), `class ${cls} → ${mapped} (table 0004)`) : ctx.fixed('U', 'class unknown'));
  const locIndex = (e.location ?? []).findIndex((l) => l.location !== undefined);
  if (locIndex >= 0) pv1.set(3, pointOfCare(ctx, located, locIndex));
  const participants = (e.participant ?? []).map((p, i) => ({ p, i }));
  const byType = (code: string) => participants.filter(({ p }) => p.type?.some((t) => t.coding?.some((c) => c.code === code)));
  const xcns = (code: string, location: string) =>
    byType(code).map(({ p, i }) => {
      const pPath = child(path, 'participant', i);
      ctx.mark(child(pPath, 'type'));
      return xcnFromReference(ctx, p.individual, child(pPath, 'individual'), located, location);
    });
  pv1.setRepeating(7, xcns('ATND', 'PV1-7'));
  pv1.setRepeating(8, xcns('REF', 'PV1-8'));
  pv1.setRepeating(9, xcns('CON', 'PV1-9'));
  pv1.set(10, ctx.leaf(e.serviceType?.coding?.[0]?.code, child(path, 'serviceType.coding[0].code')));
  pv1.set(14, ctx.leaf(e.hospitalization?.admitSource?.coding?.[0]?.code, child(path, 'hospitalization.admitSource.coding[0].code')));
  pv1.setRepeating(17, xcns('ADM', 'PV1-17'));
  const vn = identifierOfType(e.identifier, 'VN') ?? ((e.identifier ?? [])[0] ? { id: (e.identifier ?? [])[0], index: 0 } : undefined);
  if (vn?.id) pv1.set(19, cxFromIdentifier(ctx, vn.id, child(path, 'identifier', vn.index), 'PV1-19'));
  pv1.set(36, ctx.leaf(e.hospitalization?.dischargeDisposition?.coding?.[0]?.code, child(path, 'hospitalization.dischargeDisposition.coding[0].code')));
  pv1.set(44, ctx.dateTime(e.period?.start, child(path, 'period.start'), 'PV1-44'));
  pv1.set(45, ctx.dateTime(e.period?.end, child(path, 'period.end'), 'PV1-45'));
  return pv1.draft;
}

/** PV2-3 admit reason ← Encounter.reasonCode; undefined when there is nothing to say. */
export function buildPv2(ctx: MappingContext, located: Located<Encounter> | undefined): V2SegmentDraft | undefined {
  const reason = located?.resource.reasonCode?.[0];
  if (!located || !reason) return undefined;
  return new SegmentBuilder('PV2').set(3, ceFromConcept(ctx, reason, child(located.path, 'reasonCode', 0), 'PV2-3')).draft;
}

/** PL: point of care / room / bed cannot be told apart in FHIR Location; the name goes to PL.1, facility from managingOrganization. */
function pointOfCare(ctx: MappingContext, enc: Located<Encounter>, index: number) {
  const locPath = child(child(enc.path, 'location', index), 'location');
  const ref = enc.resource.location?.[index]?.location;
  const target = ctx.input.resolve(ref, enc);
  if (target?.resource.resourceType === 'Location') {
    ctx.use(target);
    ctx.mark(child(locPath, 'reference'));
    const l = target.resource as Location;
    return [ctx.leaf(l.name, child(target.path, 'name'))];
  }
  return [ctx.leaf(ref?.display, child(locPath, 'display'))];
}
