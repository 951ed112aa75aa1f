import type { MedicationRequest } from '@medplum/fhirtypes';
import { SegmentBuilder, type V2SegmentDraft, type V2Value } from '../../hl7v2';
import type { MappingContext } from '../context';
import { ceFromConcept } from '../datatypes/ce';
import { routeCe } from '../datatypes/route';
import { child } from '../fhir-path';
import type { Located } from '../input';
import { doseOf, medicationOf } from './medication';
import { unitsOf } from './observation-value';

const DOSAGE = 'dosageInstruction[0]';

/** RXO ← MedicationRequest (reverse of the IG's RXO[MedicationRequest]): the placer's pharmacy order (OMP). */
export function buildRxo(ctx: MappingContext, mr: Located<MedicationRequest>, requester: V2Value | undefined): V2SegmentDraft {
  const r = mr.resource;
  const path = mr.path;
  const med = medicationOf(ctx, mr, 'RXO-1');
  const dose = doseOf(r.dosageInstruction?.[0], child(path, DOSAGE));
  const dispense = r.dispenseRequest;
  return new SegmentBuilder('RXO')
    .set(1, med.code)
    .set(2, ctx.leaf(dose?.min, dose?.minPath ?? ''))
    .set(3, ctx.leaf(dose?.max, dose?.maxPath ?? ''))
    .set(4, unitsOf(ctx, dose?.unit, dose?.unitPath ?? ''))
    .set(5, med.form)
    .setRepeating(7, (r.dosageInstruction?.[0]?.additionalInstruction ?? []).map((c, i) => ceFromConcept(ctx, c, child(child(path, DOSAGE), 'additionalInstruction', i), 'RXO-7')))
    .set(9, substitution(ctx, mr))
    .set(11, ctx.leaf(dispense?.quantity?.value, child(path, 'dispenseRequest.quantity.value')))
    .set(12, unitsOf(ctx, dispense?.quantity, child(path, 'dispenseRequest.quantity')))
    .set(13, ctx.leaf(dispense?.numberOfRepeatsAllowed, child(path, 'dispenseRequest.numberOfRepeatsAllowed')))
    .set(14, requester)
    .setRepeating(20, (r.reasonCode ?? []).map((c, i) => ceFromConcept(ctx, c, child(path, 'reasonCode', i), 'RXO-20'))).draft;
}

/**
 * RXE ← MedicationRequest (RDE): not in the IG (its RDE_O11 map is unfinished); from the 2.5.1
 * field list and LinuxForHealth's MedicationRequest template. RXE-2, -3 and -5 are required.
 */
export function buildRxe(ctx: MappingContext, mr: Located<MedicationRequest>, prescriptionNumber: string | undefined, numberPath: string): V2SegmentDraft {
  const r = mr.resource;
  const path = mr.path;
  const med = medicationOf(ctx, mr, 'RXE-2');
  const dose = doseOf(r.dosageInstruction?.[0], child(path, DOSAGE));
  if (dose?.min === undefined) {
    ctx.issue('warning', 'missing-dose', 'The first dosageInstruction has no dose: RXE-3 and RXE-5 (required) are empty', child(child(path, DOSAGE), 'doseAndRate'), 'RXE-3');
  }
  const dispense = r.dispenseRequest;
  return new SegmentBuilder('RXE')
    .set(2, med.code, [path])
    .set(3, ctx.leaf(dose?.min, dose?.minPath ?? ''))
    .set(4, ctx.leaf(dose?.max, dose?.maxPath ?? ''))
    .set(5, unitsOf(ctx, dose?.unit, dose?.unitPath ?? ''))
    .set(6, med.form)
    .setRepeating(7, (r.dosageInstruction?.[0]?.additionalInstruction ?? []).map((c, i) => ceFromConcept(ctx, c, child(child(path, DOSAGE), 'additionalInstruction', i), 'RXE-7')))
    .set(10, ctx.leaf(dispense?.quantity?.value, child(path, 'dispenseRequest.quantity.value')))
    .set(11, unitsOf(ctx, dispense?.quantity, child(path, 'dispenseRequest.quantity')))
    .set(12, ctx.leaf(dispense?.numberOfRepeatsAllowed, child(path, 'dispenseRequest.numberOfRepeatsAllowed')))
    .set(15, ctx.leaf(prescriptionNumber, numberPath, 'placer order number as prescription number'))
    .setRepeating(27, (r.reasonCode ?? []).map((c, i) => ceFromConcept(ctx, c, child(path, 'reasonCode', i), 'RXE-27')))
    .set(32, ctx.dateTime(r.authoredOn, child(path, 'authoredOn'), 'RXE-32')).draft;
}

/** RXR ← the first dosage with a route (RXR-1 required; both OMP and RDE need ≥1 RXR). */
export function buildMedicationRxr(ctx: MappingContext, mr: Located<MedicationRequest>): V2SegmentDraft {
  const dosages = mr.resource.dosageInstruction ?? [];
  const index = Math.max(0, dosages.findIndex((d) => d.route !== undefined));
  const d = dosages[index];
  const p = child(mr.path, 'dosageInstruction', index);
  if (!d?.route) ctx.issue('warning', 'missing-route', 'No dosageInstruction has a route: RXR-1 (required) is empty', child(p, 'route'), 'RXR-1');
  return new SegmentBuilder('RXR')
    .set(1, routeCe(ctx, d?.route, child(p, 'route'), 'RXR-1'))
    .set(2, ceFromConcept(ctx, d?.site, child(p, 'site'), 'RXR-2'))
    .set(4, ceFromConcept(ctx, d?.method, child(p, 'method'), 'RXR-4')).draft;
}

/** RXO-9 (table 0161): allowed → G (generic substitution), not allowed → N. */
function substitution(ctx: MappingContext, mr: Located<MedicationRequest>): V2Value | undefined {
  const allowed = mr.resource.substitution?.allowedBoolean;
  if (allowed === undefined) return undefined;
  return ctx.leaf(allowed ? 'G' : 'N', child(mr.path, 'substitution.allowedBoolean'), `substitution allowed ${String(allowed)} → ${allowed ? 'G' : 'N'} (table 0161)`);
}
