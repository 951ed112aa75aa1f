import type { Appointment, ServiceRequest } from '@medplum/fhirtypes';
import { SegmentBuilder, type V2SegmentDraft, type V2Value } from '../../hl7v2';
import { APPOINTMENT_STATUS, mapCode, SIU_EVENT } from '../codes/code-maps';
import type { MappingContext } from '../context';
import { ceFromConcept } from '../datatypes/ce';
import { eiFromIdentifier, identifierOfType } from '../datatypes/cx';
import { tableCe } from '../datatypes/table-ce';
import { child } from '../fhir-path';
import type { Located } from '../input';
import { minutesBetween } from '../period';

const V2_0276 = 'http://terminology.hl7.org/CodeSystem/v2-0276';

/**
 * SCH ← Appointment (reverse of the IG's SCH[Appointment]). The console is the placer, so an
 * untyped identifier is the placer appointment ID. SCH-16 and SCH-20 are required in 2.5.1:
 * the filler contact is the first practitioner taking part; "entered by" is the operator.
 */
export function buildSch(
  ctx: MappingContext,
  appt: Located<Appointment>,
  trigger: string,
  fillerContact: V2Value | undefined,
): V2SegmentDraft {
  const a = appt.resource;
  const path = appt.path;
  const sch = new SegmentBuilder('SCH');
  const placer = identifierOfType(a.identifier, 'PLAC') ?? untyped(a);
  const filler = identifierOfType(a.identifier, 'FILL');
  sch.set(1, placer ? eiFromIdentifier(ctx, placer.id, child(path, 'identifier', placer.index)) : undefined);
  sch.set(2, filler ? eiFromIdentifier(ctx, filler.id, child(path, 'identifier', filler.index)) : undefined);
  sch.set(6, eventReason(ctx, appt, trigger));
  // FHIR binds appointmentType to v2 table 0276, which in v2 is SCH-7's table (appointment reason).
  const typeIs0276 = a.appointmentType?.coding?.some((c) => c.system === V2_0276) ?? false;
  if (typeIs0276) {
    sch.set(7, ceFromConcept(ctx, a.appointmentType, child(path, 'appointmentType'), 'SCH-7'));
    if (a.reasonCode?.length) ctx.note('appointmentType is coded in v2 table 0276, which is SCH-7\'s table; it takes SCH-7 and reasonCode is not sent', child(path, 'reasonCode'), 'SCH-7');
  } else {
    sch.set(7, ceFromConcept(ctx, a.reasonCode?.[0], child(path, 'reasonCode', 0), 'SCH-7'));
    sch.set(8, ceFromConcept(ctx, a.appointmentType, child(path, 'appointmentType'), 'SCH-8'));
  }
  const duration = durationOf(ctx, appt);
  if (duration) {
    sch.set(9, duration.value);
    sch.set(10, [ctx.fixed('min', 'duration in minutes'), ctx.fixed('minutes', 'duration in minutes'), ctx.fixed('UCUM', 'UCUM unit')]);
  }
  const start = ctx.dateTime(a.start, child(path, 'start'), 'SCH-11.4');
  const end = ctx.dateTime(a.end, child(path, 'end'), 'SCH-11.5');
  // TQ is backward compatible in 2.5.1 but many SIU receivers still read the times only from SCH-11.
  sch.set(11, [undefined, undefined, undefined, start, end]);
  sch.set(16, fillerContact);
  if (!fillerContact) {
    ctx.issue('warning', 'missing-filler-contact', 'No practitioner takes part in the Appointment: SCH-16 (filler contact, required) is empty', child(path, 'participant'), 'SCH-16');
  }
  if (ctx.options.operator) sch.set(20, [undefined, ctx.fixed(ctx.options.operator, 'options.operator')]);
  else ctx.issue('warning', 'missing-operator', 'SCH-20 (entered by, required) comes from options.operator, which is not set', undefined, 'SCH-20');
  sch.set(25, fillerStatus(ctx, appt, 'SCH-25'));
  const orders = basedOnOrders(ctx, appt);
  sch.setRepeating(26, orders.map((o) => o.placer));
  sch.setRepeating(27, orders.map((o) => o.filler));
  return sch.draft;
}

/** TQ1 ← start / end: the 2.5.1 home of the appointment's timing. */
export function buildAppointmentTq1(ctx: MappingContext, appt: Located<Appointment>): V2SegmentDraft | undefined {
  const a = appt.resource;
  if (!a.start && !a.end) return undefined;
  return new SegmentBuilder('TQ1')
    .set(1, ctx.fixed('1', 'set ID'))
    .set(7, ctx.dateTime(a.start, child(appt.path, 'start'), 'TQ1-7'))
    .set(8, ctx.dateTime(a.end, child(appt.path, 'end'), 'TQ1-8')).draft;
}

/** NTE ← Appointment.comment (the IG's NTE[Appointment-Comment]); the placer wrote it. */
export function buildAppointmentNte(ctx: MappingContext, appt: Located<Appointment>): V2SegmentDraft | undefined {
  const comment = ctx.leaf(appt.resource.comment, child(appt.path, 'comment'));
  if (!comment) return undefined;
  return new SegmentBuilder('NTE').set(1, ctx.fixed('1', 'set ID')).set(2, ctx.fixed('P', 'source of comment: placer (table 0105)')).set(3, comment).draft;
}

/** SCH-25 / AIS-10: status → table 0278. */
export function fillerStatus(ctx: MappingContext, appt: Located<Appointment>, location: string): V2Value | undefined {
  const status = appt.resource.status;
  const statusPath = child(appt.path, 'status');
  const code = mapCode(APPOINTMENT_STATUS, status);
  if (!code) {
    ctx.issue('warning', 'no-v2-code', `Appointment status "${status}" has no filler status in table 0278; ${location} left empty`, statusPath, location);
    return undefined;
  }
  if (status === 'arrived') ctx.note('Appointment status arrived has no IG map; sent as Started (table 0278)', statusPath, location);
  return tableCe(ctx, code, 278, statusPath, `status ${status} → ${code} (table 0278)`);
}

function eventReason(ctx: MappingContext, appt: Located<Appointment>, trigger: string): V2Value | undefined {
  const reason = appt.resource.cancelationReason;
  if (trigger === 'S15' && reason) return ceFromConcept(ctx, reason, child(appt.path, 'cancelationReason'), 'SCH-6');
  const name = mapCode(SIU_EVENT, trigger);
  return [ctx.fixed(trigger, 'trigger event (table 0003)'), ctx.fixed(name, 'table 0003 text'), ctx.fixed('HL70003', 'HL7 table 0003')];
}

function durationOf(ctx: MappingContext, appt: Located<Appointment>) {
  const a = appt.resource;
  if (a.minutesDuration !== undefined) return { value: ctx.leaf(a.minutesDuration, child(appt.path, 'minutesDuration')) };
  const minutes = minutesBetween(a.start, a.end);
  if (minutes === undefined) return undefined;
  return { value: ctx.leaf(minutes, [child(appt.path, 'start'), child(appt.path, 'end')], 'minutes from start to end') };
}

function untyped(a: Appointment) {
  const index = (a.identifier ?? []).findIndex((i) => !i.type && i.value !== undefined);
  const id = index >= 0 ? a.identifier?.[index] : undefined;
  return id ? { id, index } : undefined;
}

/** SCH-26 / SCH-27 from basedOn ServiceRequests in the input. */
function basedOnOrders(ctx: MappingContext, appt: Located<Appointment>) {
  return (appt.resource.basedOn ?? []).flatMap((ref, i) => {
    const sr = ctx.input.resolve(ref, appt);
    if (sr?.resource.resourceType !== 'ServiceRequest') return [];
    ctx.use(sr);
    ctx.mark(child(child(appt.path, 'basedOn', i), 'reference'));
    const r = sr.resource as ServiceRequest;
    const placer = identifierOfType(r.identifier, 'PLAC') ?? (r.identifier?.[0] ? { id: r.identifier[0], index: 0 } : undefined);
    const filler = identifierOfType(r.identifier, 'FILL');
    return [{
      placer: placer ? eiFromIdentifier(ctx, placer.id, child(sr.path, 'identifier', placer.index)) : undefined,
      filler: filler ? eiFromIdentifier(ctx, filler.id, child(sr.path, 'identifier', filler.index)) : undefined,
    }];
  });
}
