import type { AllergyIntolerance } from '@medplum/fhirtypes';
import type { V2SegmentDraft } from '../../hl7v2';
import type { MappingContext } from '../context';
import { child } from '../fhir-path';
import type { Located } from '../input';
import { buildIam } from '../segments/iam';
import { buildPid, resolvePatient } from '../segments/pid';
import { buildPv1, resolveEncounter } from '../segments/pv1';

/**
 * ADT^A60 body (after MSH, EVN): PID, PV1 when the first allergy names a visit, then one IAM per
 * AllergyIntolerance. Chosen over AL1 in A08/A31 because IAM carries the action code (IAM-6) and a
 * unique ID (IAM-7), so an update or delete reaches the right record.
 */
export function buildAllergyUpdate(ctx: MappingContext, focus: readonly Located<AllergyIntolerance>[]): V2SegmentDraft[] {
  const first = focus[0];
  if (!first) return [];
  const patientPath = child(first.path, 'patient');
  const patient = resolvePatient(ctx, first.resource.patient, first, patientPath);
  const out: V2SegmentDraft[] = [buildPid(ctx, patient, first.resource.patient, patientPath)];
  const encounter = resolveEncounter(ctx, first.resource.encounter, first, child(first.path, 'encounter'));
  if (encounter) out.push(buildPv1(ctx, encounter));
  focus.forEach((allergy, i) => {
    ctx.use(allergy);
    out.push(buildIam(ctx, allergy, i + 1));
  });
  return out;
}
