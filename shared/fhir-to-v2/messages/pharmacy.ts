import type { MedicationRequest } from '@medplum/fhirtypes';
import { SegmentBuilder, type V2SegmentDraft } from '../../hl7v2';
import type { MappingContext } from '../context';
import { identifierOfType } from '../datatypes/cx';
import { xcnFromReference } from '../datatypes/xcn';
import { child } from '../fhir-path';
import type { Located } from '../input';
import { buildDosageTq1 } from '../segments/dosage-tq1';
import { buildNotes } from '../segments/nte';
import { buildOrc, orderControl, orderIds, orderStatus } from '../segments/order-orc';
import { buildMedicationRxr, buildRxe, buildRxo } from '../segments/pharmacy-order';
import { buildPid, resolvePatient } from '../segments/pid';
import { buildPv1, resolveEncounter } from '../segments/pv1';
import { priorityCode } from '../segments/request-obr';

/**
 * OMP^O09 (placer order: ORC, TQ1, RXO, NTE, RXR) or RDE^O11 (encoded order: ORC, RXE, NTE, TQ1,
 * RXR; RDE needs at least one TQ1 and one RXR after RXE). One ORDER group per MedicationRequest,
 * one TQ1 per dosage instruction.
 */
export function buildPharmacyOrder(ctx: MappingContext, focus: readonly Located<MedicationRequest>[], code: 'OMP' | 'RDE'): V2SegmentDraft[] {
  const first = focus[0];
  if (!first) return [];
  const subjectPath = child(first.path, 'subject');
  const patient = resolvePatient(ctx, first.resource.subject, first, subjectPath);
  const out: V2SegmentDraft[] = [buildPid(ctx, patient, first.resource.subject, subjectPath)];
  const encounter = resolveEncounter(ctx, first.resource.encounter, first, child(first.path, 'encounter'));
  if (encounter) out.push(buildPv1(ctx, encounter));
  for (const mr of focus) {
    ctx.use(mr);
    const r = mr.resource;
    const path = mr.path;
    const statusPath = child(path, 'status');
    const requester = xcnFromReference(ctx, r.requester, child(path, 'requester'), mr, 'ORC-12');
    out.push(buildOrc({
      control: orderControl(ctx, r.status, statusPath),
      ids: orderIds(ctx, r.identifier, path, 'placer'),
      placerGroup: undefined,
      status: orderStatus(ctx, r.status, statusPath),
      transactionTime: ctx.dateTime(r.authoredOn, child(path, 'authoredOn'), 'ORC-9'),
      orderingProvider: requester,
    }));
    const priority = priorityCode(ctx, r.priority, child(path, 'priority'));
    const dosages = r.dosageInstruction ?? [];
    const timings = dosages.map((d, i) => buildDosageTq1(ctx, d, child(path, 'dosageInstruction', i), i + 1, priority));
    if (code === 'RDE' && timings.length === 0) {
      // RDE_O11 requires a TQ1 after RXE; with no dosage instruction there is only the priority to say.
      timings.push(new SegmentBuilder('TQ1').set(1, ctx.fixed('1', 'set ID (RDE requires a TQ1)')).draft);
    }
    const notes = buildNotes(ctx, r.note, path, 'P');
    if (code === 'OMP') {
      out.push(...timings, buildRxo(ctx, mr, requester), ...notes, buildMedicationRxr(ctx, mr));
    } else {
      const number = identifierOfType(r.identifier, 'PLAC') ?? (r.identifier?.[0] ? { id: r.identifier[0], index: 0 } : undefined);
      const rxe = buildRxe(ctx, mr, number?.id.value, child(child(path, 'identifier', number?.index ?? 0), 'value'));
      out.push(rxe, ...notes, ...timings, buildMedicationRxr(ctx, mr));
    }
  }
  return out;
}
