import type { Encounter, Patient } from '@medplum/fhirtypes';
import type { V2SegmentDraft } from '../../hl7v2';
import type { MappingContext } from '../context';
import { child } from '../fhir-path';
import type { Located } from '../input';
import { buildPid, resolvePatient } from '../segments/pid';
import { buildPv1, buildPv2, resolveEncounter } from '../segments/pv1';

/** Patient → A28 (create) / A31 (update), or A08 when the destination wants visit-bound updates. */
export function patientTrigger(ctx: MappingContext): string {
  return ctx.options.action === 'create' ? 'A28' : 'A31';
}

/**
 * Encounter trigger from the status transition (an inference; the IG only maps v2 → FHIR):
 * cancel of an admitted stay → A11, → finished → A03, planned → A05, new inpatient → A01,
 * new outpatient/emergency → A04, anything else → A08.
 */
export function encounterTrigger(ctx: MappingContext, enc: Located<Encounter>): string {
  const status = enc.resource.status;
  const previous = ctx.options.previousStatus;
  const inpatient = enc.resource.class?.code === 'IMP' || enc.resource.class?.code === 'ACUTE';
  if ((status === 'cancelled' || status === 'entered-in-error') && previous !== 'planned') return 'A11';
  if (status === 'finished' && previous !== 'finished') return 'A03';
  if (status === 'planned') return 'A05';
  if (ctx.options.action === 'create') return inpatient && status === 'in-progress' ? 'A01' : 'A04';
  return 'A08';
}

/** ADT body for a Patient writeback: PID then `PV1|1|N` (ADT_A05 requires a PV1). */
export function buildAdtForPatient(ctx: MappingContext, patient: Located<Patient>, encounter?: Located<Encounter>): V2SegmentDraft[] {
  const out = [buildPid(ctx, patient), buildPv1(ctx, encounter)];
  const pv2 = buildPv2(ctx, encounter);
  if (pv2) out.push(pv2);
  return out;
}

/** ADT body for an Encounter writeback: PID of its subject, PV1/PV2 of the visit. */
export function buildAdtForEncounter(ctx: MappingContext, enc: Located<Encounter>): V2SegmentDraft[] {
  ctx.use(enc);
  ctx.mark(child(enc.path, 'status'));
  const patient = resolvePatient(ctx, enc.resource.subject, enc, child(enc.path, 'subject'));
  const out = [buildPid(ctx, patient, enc.resource.subject, child(enc.path, 'subject')), buildPv1(ctx, enc)];
  const pv2 = buildPv2(ctx, enc);
  if (pv2) out.push(pv2);
  return out;
}

export function visitOf(ctx: MappingContext, patient: Located<Patient>): Located<Encounter> | undefined {
  const enc = ctx.input.ofType<Encounter>('Encounter')[0];
  return enc ? resolveEncounter(ctx, { reference: `Encounter/${enc.resource.id ?? ''}` }, patient, enc.path) : undefined;
}
