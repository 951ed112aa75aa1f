import type { DiagnosticReport, Observation, Reference } from '@medplum/fhirtypes';
import type { V2SegmentDraft } from '../../hl7v2';
import type { MappingContext } from '../context';
import { attachmentValue } from '../segments/observation-value';
import { child } from '../fhir-path';
import type { Located } from '../input';
import { buildObservationObx } from '../segments/obx';
import { buildResultObr, buildResultOrc, orderNumbers } from '../segments/obr';
import { buildPid, resolvePatient } from '../segments/pid';
import { buildPv1, resolveEncounter } from '../segments/pv1';
import { SegmentBuilder, leaf } from '../../hl7v2';

/**
 * ORU^R01 body (after MSH): PID, PV1 when there is a visit, then one ORDER_OBSERVATION group per
 * DiagnosticReport (ORC, OBR, NTE conclusion, OBX per result) or per standalone Observation.
 */
export function buildOru(ctx: MappingContext, focus: readonly Located[]): V2SegmentDraft[] {
  const reports = focus.filter((l): l is Located<DiagnosticReport> => l.resource.resourceType === 'DiagnosticReport');
  const carried = new Set<Located>();
  for (const dr of reports) {
    (dr.resource.result ?? []).forEach((ref) => {
      const found = ctx.input.resolve(ref, dr);
      if (found) carried.add(found);
    });
  }
  const standalone = focus.filter((l): l is Located<Observation> => l.resource.resourceType === 'Observation' && !carried.has(l));
  const first = reports[0] ?? standalone[0];
  if (!first) return [];
  const subject: Reference | undefined = first.resource.subject;
  const patient = resolvePatient(ctx, subject, first, child(first.path, 'subject'));
  const encounter = resolveEncounter(ctx, first.resource.encounter, first, child(first.path, 'encounter'));
  const out: V2SegmentDraft[] = [buildPid(ctx, patient, subject, child(first.path, 'subject'))];
  if (encounter) out.push(buildPv1(ctx, encounter));
  let setId = 1;
  const counter = { next: 1 };
  for (const dr of reports) {
    ctx.use(dr);
    const numbers = orderNumbers(ctx, dr);
    out.push(buildResultOrc(ctx, numbers), buildResultObr(ctx, dr, setId++, numbers));
    if (dr.resource.conclusion) {
      out.push(new SegmentBuilder('NTE').set(1, leaf('1', [], 'set ID')).set(3, ctx.leaf(dr.resource.conclusion, child(dr.path, 'conclusion'))).draft);
    }
    counter.next = 1;
    let group = 1;
    (dr.resource.result ?? []).forEach((ref, i) => {
      const refPath = child(dr.path, 'result', i);
      const obs = ctx.input.resolve(ref, dr);
      if (obs?.resource.resourceType !== 'Observation') {
        ctx.issue('warning', 'unresolved-result', `${refPath} (${ref.reference ?? '?'}) is not in the input; no OBX for it`, refPath);
        return;
      }
      ctx.mark(child(refPath, 'reference'));
      out.push(...buildObservationObx(ctx, obs as Located<Observation>, counter, group++));
    });
    (dr.resource.presentedForm ?? []).forEach((form, i) => {
      const p = child(dr.path, 'presentedForm', i);
      const value = attachmentValue(ctx, form, p);
      out.push(new SegmentBuilder('OBX')
        .set(1, ctx.fixed(String(counter.next++), 'set ID'))
        .set(2, leaf(value.type, [p], value.typeVia))
        .set(3, [ctx.fixed('PDF', 'presented form (local code)'), ctx.leaf(form.title ?? 'Presented form', form.title ? child(p, 'title') : [], form.title ? undefined : 'presented form'), ctx.fixed('L', 'local code')])
        .setRepeating(5, value.values)
        .set(11, ctx.fixed('F', 'presented form of the report')).draft);
    });
  }
  for (const obs of standalone) {
    const numbers = orderNumbers(ctx, obs);
    out.push(buildResultObr(ctx, obs, setId++, numbers));
    counter.next = 1;
    out.push(...buildObservationObx(ctx, obs, counter, 1));
  }
  return out;
}
