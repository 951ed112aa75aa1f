import type { Appointment, Encounter } from '@medplum/fhirtypes';
import type { V2SegmentDraft } from '../../hl7v2';
import type { MappingContext } from '../context';
import { xcnFromReference } from '../datatypes/xcn';
import { child } from '../fhir-path';
import type { Located } from '../input';
import { buildResourceGroup, participantKind } from '../segments/appointment-resources';
import { buildPid, resolvePatient } from '../segments/pid';
import { buildPv1 } from '../segments/pv1';
import { buildAppointmentNte, buildAppointmentTq1, buildSch } from '../segments/sch';

/** Every SIU trigger Switchboard sends; all share the SIU_S12 structure (table 0354). */
export const SIU_TRIGGERS = ['S12', 'S13', 'S14', 'S15', 'S17', 'S26'] as const;

/** Elements whose change makes an update a reschedule (S13) rather than a modification (S14). */
const TIMING_ELEMENTS = new Set(['start', 'end', 'minutesDuration', 'slot']);

/**
 * Trigger from the edit (a convention; the IG only maps v2 → FHIR): delete or entered-in-error →
 * S17, cancel → S15, create → S12, no-show → S26, an update moving the time → S13, else S14.
 */
export function appointmentTrigger(ctx: MappingContext, appt: Located<Appointment>): string {
  const status = appt.resource.status;
  const action = ctx.options.action;
  if (action === 'delete' || status === 'entered-in-error') return 'S17';
  if (action === 'cancel' || status === 'cancelled') return 'S15';
  if (action === 'create') return 'S12';
  if (status === 'noshow') return 'S26';
  if (ctx.options.changed?.some((k) => TIMING_ELEMENTS.has(k))) return 'S13';
  if (ctx.options.changed === undefined) {
    ctx.note('Appointment update sent as S14 (modification): pass options.changed with "start"/"end" to send a reschedule (S13)', child(appt.path, 'start'), 'MSH-9');
  }
  return 'S14';
}

/** SIU body: SCH, TQ1, NTE, the patient (PID, PV1 when the input has a visit), then RGS with AIS/AIG/AIL/AIP. */
export function buildSiu(ctx: MappingContext, appt: Located<Appointment>, trigger: string): V2SegmentDraft[] {
  ctx.use(appt);
  const a = appt.resource;
  const participants = (a.participant ?? []).map((p, i) => ({ p, i, kind: participantKind(ctx, appt, p) }));
  const patientEntry = participants.find((x) => x.kind === 'patient');
  const patientRefPath = patientEntry ? child(child(appt.path, 'participant', patientEntry.i), 'actor') : child(appt.path, 'participant');
  const patient = resolvePatient(ctx, patientEntry?.p.actor, appt, patientRefPath);
  const contact = participants.find((x) => x.kind === 'personnel');
  const fillerContact = contact
    ? xcnFromReference(ctx, contact.p.actor, child(child(appt.path, 'participant', contact.i), 'actor'), appt, 'SCH-16')
    : undefined;
  const out: V2SegmentDraft[] = [buildSch(ctx, appt, trigger, fillerContact)];
  const tq1 = buildAppointmentTq1(ctx, appt);
  if (tq1) out.push(tq1);
  const nte = buildAppointmentNte(ctx, appt);
  if (nte) out.push(nte);
  out.push(buildPid(ctx, patient, patientEntry?.p.actor, patientRefPath));
  const encounter = ctx.input.ofType<Encounter>('Encounter')[0];
  if (encounter) out.push(buildPv1(ctx, encounter));
  out.push(...buildResourceGroup(ctx, appt));
  return out;
}
