import type { Immunization, ImmunizationPerformer, Location, Organization } from '@medplum/fhirtypes';
import { SegmentBuilder, type V2Leaf, type V2SegmentDraft, type V2Value } from '../../hl7v2';
import { IMMUNIZATION_STATUS, mapCode } from '../codes/code-maps';
import type { MappingContext } from '../context';
import { ceFromConcept, systemLeaf } from '../datatypes/ce';
import { routeCe } from '../datatypes/route';
import { xcnFromReference } from '../datatypes/xcn';
import { child } from '../fhir-path';
import type { Located } from '../input';
import { unitsOf } from './observation-value';

/** RXA-6 when the dose is not known: the CDC immunization guide's convention. */
const UNKNOWN_DOSE = '999';

/** The performer with a v2-0443 function code (AP administering, OP ordering), or an unqualified one for AP. */
export function performerWith(imm: Located<Immunization>, fn: 'AP' | 'OP'): { p: ImmunizationPerformer; i: number } | undefined {
  const all = (imm.resource.performer ?? []).map((p, i) => ({ p, i }));
  return all.find(({ p }) => p.function?.coding?.some((c) => c.code === fn)) ?? (fn === 'AP' ? all.find(({ p }) => !p.function) : undefined);
}

/** RXA ← Immunization (reverse of the IG's RXA[Immunization]). */
export function buildRxa(ctx: MappingContext, imm: Located<Immunization>): V2SegmentDraft {
  const m = imm.resource;
  const path = imm.path;
  const rxa = new SegmentBuilder('RXA')
    .set(1, ctx.fixed('0', 'give sub-ID (CDC immunization guide: 0)'))
    .set(2, ctx.fixed('1', 'administration sub-ID (CDC immunization guide: 1)'));
  if (m.occurrenceDateTime === undefined) {
    ctx.issue('error', 'missing-occurrence', 'Immunization has no occurrenceDateTime: RXA-3/RXA-4 (required) are empty', child(path, m.occurrenceString ? 'occurrenceString' : 'occurrenceDateTime'), 'RXA-3');
  }
  const when = ctx.dateTime(m.occurrenceDateTime, child(path, 'occurrenceDateTime'), 'RXA-3');
  rxa.set(3, when);
  // RXA-4 is required in 2.5.1; a single administration ends when it starts.
  rxa.set(4, when ? { ...when, via: 'one administration: end = start' } : undefined);
  rxa.set(5, ceFromConcept(ctx, m.vaccineCode, child(path, 'vaccineCode'), 'RXA-5'), [child(path, 'vaccineCode')]);
  const dose = m.doseQuantity;
  rxa.set(6, dose?.value !== undefined ? ctx.leaf(dose.value, child(path, 'doseQuantity.value')) : ctx.fixed(UNKNOWN_DOSE, 'dose unknown: 999 (CDC convention)'));
  rxa.set(7, unitsOf(ctx, dose, child(path, 'doseQuantity')));
  if (m.primarySource !== undefined) {
    const code = m.primarySource ? '00' : '01';
    const text = m.primarySource ? 'New immunization record' : 'Historical information - source unspecified';
    rxa.set(9, [ctx.leaf(code, child(path, 'primarySource'), `primarySource ${String(m.primarySource)} → ${code} (NIP001)`), ctx.fixed(text, 'NIP001 text'), ctx.fixed('NIP001', 'CDC immunization information source')]);
  }
  const ap = performerWith(imm, 'AP');
  if (ap) {
    const pPath = child(path, 'performer', ap.i);
    if (ap.p.function) ctx.mark(child(pPath, 'function'));
    rxa.set(10, xcnFromReference(ctx, ap.p.actor, child(pPath, 'actor'), imm, 'RXA-10'));
  }
  rxa.set(11, administeredAt(ctx, imm));
  rxa.set(15, ctx.leaf(m.lotNumber, child(path, 'lotNumber')));
  rxa.set(16, ctx.date(m.expirationDate, child(path, 'expirationDate'), 'RXA-16'));
  rxa.set(17, manufacturer(ctx, imm));
  rxa.set(18, ceFromConcept(ctx, m.statusReason, child(path, 'statusReason'), 'RXA-18'));
  rxa.setRepeating(19, (m.reasonCode ?? []).map((r, i) => ceFromConcept(ctx, r, child(path, 'reasonCode', i), 'RXA-19')));
  rxa.set(20, completionStatus(ctx, imm));
  rxa.set(21, actionCode(ctx, imm));
  rxa.set(22, ctx.dateTime(m.recorded, child(path, 'recorded'), 'RXA-22'));
  return rxa.draft;
}

/** RXR ← route (required) and site; undefined when the Immunization says neither. */
export function buildImmunizationRxr(ctx: MappingContext, imm: Located<Immunization>): V2SegmentDraft | undefined {
  const { route, site } = imm.resource;
  if (!route && !site) return undefined;
  if (!route) ctx.issue('warning', 'missing-route', 'Immunization.site is given without a route: RXR-1 (required) is empty', child(imm.path, 'route'), 'RXR-1');
  return new SegmentBuilder('RXR')
    .set(1, routeCe(ctx, route, child(imm.path, 'route'), 'RXR-1'))
    .set(2, ceFromConcept(ctx, site, child(imm.path, 'site'), 'RXR-2')).draft;
}

/** RXA-20 (table 0322): completed → CP, or PA when subpotent; not-done → RE with a refusal reason, else NA. */
function completionStatus(ctx: MappingContext, imm: Located<Immunization>): V2Value | undefined {
  const m = imm.resource;
  const statusPath = child(imm.path, 'status');
  if (m.status === 'completed' && m.isSubpotent) return ctx.leaf('PA', [statusPath, child(imm.path, 'isSubpotent')], 'completed but subpotent → PA');
  if (m.status === 'not-done' && m.statusReason) return ctx.leaf('RE', [statusPath, child(imm.path, 'statusReason')], 'not-done with a reason → RE (refused)');
  const code = mapCode(IMMUNIZATION_STATUS, m.status);
  if (m.status === 'not-done') ctx.note('Immunization not-done without statusReason sent as NA (not administered); RE needs a refusal reason', statusPath, 'RXA-20');
  return ctx.leaf(code, statusPath, `status ${m.status ?? ''} → ${code ?? ''} (table 0322)`);
}

/** RXA-21 (table 0323) from the edit: create → A, update → U; delete or entered-in-error → D. */
function actionCode(ctx: MappingContext, imm: Located<Immunization>): V2Value | undefined {
  if (ctx.options.action === 'delete') return ctx.fixed('D', 'action delete → D');
  if (imm.resource.status === 'entered-in-error') return ctx.leaf('D', child(imm.path, 'status'), 'entered-in-error → D (delete)');
  return ctx.fixed(ctx.options.action === 'create' ? 'A' : 'U', `action ${ctx.options.action} → ${ctx.options.action === 'create' ? 'A' : 'U'} (table 0323)`);
}

/** RXA-11 (LA2): the facility (LA2.4) named by the Location's identifier, else its name. */
function administeredAt(ctx: MappingContext, imm: Located<Immunization>): V2Value | undefined {
  const ref = imm.resource.location;
  if (!ref) return undefined;
  const refPath = child(imm.path, 'location');
  const target = ctx.input.resolve(ref, imm);
  let facility: V2Leaf | undefined;
  if (target?.resource.resourceType === 'Location') {
    ctx.use(target);
    ctx.mark(child(refPath, 'reference'));
    const l = target.resource as Location;
    const id = l.identifier?.[0]?.value;
    facility = id ? ctx.leaf(id, child(target.path, 'identifier[0].value')) : ctx.leaf(l.name, child(target.path, 'name'));
  } else facility = ctx.leaf(ref.display, child(refPath, 'display'));
  return facility ? [undefined, undefined, undefined, [facility]] : undefined;
}

/** RXA-17 ← manufacturer: the Organization's MVX identifier and name. */
function manufacturer(ctx: MappingContext, imm: Located<Immunization>): V2Value | undefined {
  const ref = imm.resource.manufacturer;
  if (!ref) return undefined;
  const refPath = child(imm.path, 'manufacturer');
  const target = ctx.input.resolve(ref, imm);
  if (target?.resource.resourceType !== 'Organization') return [undefined, ctx.leaf(ref.display, child(refPath, 'display'))];
  ctx.use(target);
  ctx.mark(child(refPath, 'reference'));
  const o = target.resource as Organization;
  const idIndex = Math.max(0, (o.identifier ?? []).findIndex((i) => /mvx/i.test(i.system ?? '')));
  const id = o.identifier?.[idIndex];
  const idPath = child(target.path, 'identifier', idIndex);
  return [ctx.leaf(id?.value, child(idPath, 'value')), ctx.leaf(o.name, child(target.path, 'name')), id?.system ? systemLeaf(ctx, id.system, child(idPath, 'system'), 'RXA-17') : undefined];
}

