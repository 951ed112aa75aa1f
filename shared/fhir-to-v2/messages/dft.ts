import type { ChargeItem, Encounter, Reference } from '@medplum/fhirtypes';
import type { V2SegmentDraft } from '../../hl7v2';
import type { MappingContext } from '../context';
import { child } from '../fhir-path';
import type { Located } from '../input';
import { buildFt1 } from '../segments/ft1';
import { buildPid, resolvePatient } from '../segments/pid';
import { buildPv1, resolveEncounter } from '../segments/pv1';

/**
 * DFT^P03 body (after MSH, EVN): PID, PV1 from the charge's context (billing systems post to the
 * visit account, PV1-19), then one FT1 per ChargeItem.
 */
export function buildDft(ctx: MappingContext, focus: readonly Located<ChargeItem>[]): V2SegmentDraft[] {
  const first = focus[0];
  if (!first) return [];
  const subjectPath = child(first.path, 'subject');
  const patient = resolvePatient(ctx, first.resource.subject, first, subjectPath);
  const out: V2SegmentDraft[] = [buildPid(ctx, patient, first.resource.subject, subjectPath)];
  const context: Reference | undefined = first.resource.context;
  const encounter: Located<Encounter> | undefined = resolveEncounter(ctx, context, first, child(first.path, 'context'));
  if (encounter) out.push(buildPv1(ctx, encounter));
  else if (!context) ctx.issue('warning', 'missing-visit', 'ChargeItem has no context Encounter: DFT is sent without PV1, and most billing systems need the visit (PV1-19)', child(first.path, 'context'), 'PV1');
  focus.forEach((charge, i) => {
    ctx.use(charge);
    out.push(buildFt1(ctx, charge, i + 1));
  });
  return out;
}
