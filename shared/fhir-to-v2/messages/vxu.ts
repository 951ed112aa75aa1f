import type { Encounter, Immunization } from '@medplum/fhirtypes';
import type { V2SegmentDraft } from '../../hl7v2';
import type { MappingContext } from '../context';
import { xcnFromReference } from '../datatypes/xcn';
import { child } from '../fhir-path';
import type { Located } from '../input';
import { buildImmunizationObx } from '../segments/immunization-obx';
import { buildOrc, orderIds } from '../segments/order-orc';
import { buildPid, resolvePatient } from '../segments/pid';
import { buildPv1, resolveEncounter } from '../segments/pv1';
import { buildImmunizationRxr, buildRxa, performerWith } from '../segments/rxa';

/**
 * VXU^V04 body: PID, PV1 when the first Immunization names a visit, then per Immunization the ORDER
 * group ORC|RE (required around RXA in 2.5.1), RXA, RXR, OBX. The record's own identifier is
 * the filler order number (ORC-3), which the CDC guide requires.
 */
export function buildVxu(ctx: MappingContext, focus: readonly Located<Immunization>[]): V2SegmentDraft[] {
  const first = focus[0];
  if (!first) return [];
  const patientPath = child(first.path, 'patient');
  const patient = resolvePatient(ctx, first.resource.patient, first, patientPath);
  const out: V2SegmentDraft[] = [buildPid(ctx, patient, first.resource.patient, patientPath)];
  const encounter: Located<Encounter> | undefined = resolveEncounter(ctx, first.resource.encounter, first, child(first.path, 'encounter'));
  if (encounter) out.push(buildPv1(ctx, encounter));
  for (const imm of focus) {
    ctx.use(imm);
    const op = performerWith(imm, 'OP');
    const opPath = op ? child(imm.path, 'performer', op.i) : undefined;
    if (op && opPath) ctx.mark(child(opPath, 'function'));
    out.push(buildOrc({
      control: ctx.fixed('RE', 'observations to follow (an administration report)'),
      ids: orderIds(ctx, imm.resource.identifier, imm.path, 'filler'),
      transactionTime: ctx.dateTime(imm.resource.recorded, child(imm.path, 'recorded'), 'ORC-9'),
      orderingProvider: op && opPath ? xcnFromReference(ctx, op.p.actor, child(opPath, 'actor'), imm, 'ORC-12') : undefined,
    }));
    out.push(buildRxa(ctx, imm));
    const rxr = buildImmunizationRxr(ctx, imm);
    if (rxr) out.push(rxr);
    out.push(...buildImmunizationObx(ctx, imm));
  }
  return out;
}
