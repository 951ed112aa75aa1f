import type { Appointment, AppointmentParticipant } from '@medplum/fhirtypes';
import { SegmentBuilder, type V2Leaf, type V2SegmentDraft, type V2Value } from '../../hl7v2';
import { mapCode, PARTICIPANT_STATUS } from '../codes/code-maps';
import type { MappingContext } from '../context';
import { ceFromConcept } from '../datatypes/ce';
import { plFromLocation } from '../datatypes/pl';
import { tableCe } from '../datatypes/table-ce';
import { xcnFromReference } from '../datatypes/xcn';
import { child } from '../fhir-path';
import type { Located } from '../input';
import { minutesBetween } from '../period';
import { fillerStatus } from './sch';

type ResourceKind = 'patient' | 'personnel' | 'location' | 'general';

/** Which SIU resource segment a participant becomes, from its actor's resource type. */
export function participantKind(ctx: MappingContext, appt: Located<Appointment>, p: AppointmentParticipant): ResourceKind {
  const type = ctx.input.resolve(p.actor, appt)?.resource.resourceType ?? p.actor?.reference?.split('/').at(-2) ?? p.actor?.type;
  if (type === 'Patient') return 'patient';
  if (type === 'Practitioner' || type === 'PractitionerRole') return 'personnel';
  if (type === 'Location') return 'location';
  return 'general';
}

/**
 * The RESOURCES group: one RGS, then AIS per serviceType and one AIG / AIL / AIP per non-patient
 * participant (the patient is PID). Each resource segment repeats the booked start and duration.
 */
export function buildResourceGroup(ctx: MappingContext, appt: Located<Appointment>): V2SegmentDraft[] {
  const a = appt.resource;
  const path = appt.path;
  const out: V2SegmentDraft[] = [new SegmentBuilder('RGS').set(1, ctx.fixed('1', 'set ID')).draft];
  (a.serviceType ?? []).forEach((service, i) => {
    const t = { start: ctx.dateTime(a.start, child(path, 'start'), 'AIS-4'), duration: durationLeaf(ctx, appt) };
    out.push(new SegmentBuilder('AIS')
      .set(1, ctx.fixed(String(i + 1), 'set ID'))
      .set(3, ceFromConcept(ctx, service, child(path, 'serviceType', i), 'AIS-3'))
      .set(4, t.start)
      .set(7, t.duration)
      .set(8, t.duration ? minutes(ctx) : undefined)
      .set(10, fillerStatus(ctx, appt, 'AIS-10')).draft);
  });
  // SIU_S12 orders the resource segments by kind: AIS, then AIG, then AIL, then AIP.
  const byKind: Record<Exclude<ResourceKind, 'patient'>, V2SegmentDraft[]> = { general: [], location: [], personnel: [] };
  (a.participant ?? []).forEach((p, i) => {
    const kind = participantKind(ctx, appt, p);
    if (kind === 'patient') return;
    const pPath = child(path, 'participant', i);
    const setId = ctx.fixed(String(byKind[kind].length + 1), 'set ID');
    const start = participantStart(ctx, appt, p, pPath);
    const duration = participantDuration(ctx, appt, p, pPath);
    const status = participantStatus(ctx, p, pPath);
    const role = ceFromConcept(ctx, p.type?.[0], child(pPath, 'type', 0), 'resource type');
    const actorPath = child(pPath, 'actor');
    if (kind === 'personnel') {
      byKind.personnel.push(new SegmentBuilder('AIP').set(1, setId)
        .set(3, xcnFromReference(ctx, p.actor, actorPath, appt, 'AIP-3'))
        .set(4, role).set(6, start).set(9, duration).set(10, duration ? minutes(ctx) : undefined).set(12, status).draft);
    } else if (kind === 'location') {
      byKind.location.push(new SegmentBuilder('AIL').set(1, setId)
        .set(3, plFromLocation(ctx, p.actor, actorPath, appt))
        .set(6, start).set(9, duration).set(10, duration ? minutes(ctx) : undefined).set(12, status).draft);
    } else {
      const target = ctx.input.resolve(p.actor, appt);
      if (target) ctx.mark(child(actorPath, 'reference'));
      byKind.general.push(new SegmentBuilder('AIG').set(1, setId)
        .set(3, [ctx.leaf(p.actor?.identifier?.value, child(actorPath, 'identifier.value')), ctx.leaf(p.actor?.display, child(actorPath, 'display'))])
        // AIG-4 (required): the participant's role, else the kind of resource it is.
        .set(4, role ?? [ctx.fixed(target?.resource.resourceType ?? p.actor?.type ?? 'Resource', 'actor resource type')])
        .set(8, start).set(11, duration).set(12, duration ? minutes(ctx) : undefined).set(14, status).draft);
    }
  });
  return [...out, ...byKind.general, ...byKind.location, ...byKind.personnel];
}

function participantStart(ctx: MappingContext, appt: Located<Appointment>, p: AppointmentParticipant, pPath: string): V2Leaf | undefined {
  if (p.period?.start) return ctx.dateTime(p.period.start, child(pPath, 'period.start'), 'resource start');
  return ctx.dateTime(appt.resource.start, child(appt.path, 'start'), 'resource start');
}

function participantDuration(ctx: MappingContext, appt: Located<Appointment>, p: AppointmentParticipant, pPath: string): V2Leaf | undefined {
  const own = minutesBetween(p.period?.start, p.period?.end);
  if (own !== undefined) return ctx.leaf(own, [child(pPath, 'period.start'), child(pPath, 'period.end')], 'minutes from start to end');
  return durationLeaf(ctx, appt);
}

function durationLeaf(ctx: MappingContext, appt: Located<Appointment>): V2Leaf | undefined {
  const a = appt.resource;
  if (a.minutesDuration !== undefined) return ctx.leaf(a.minutesDuration, child(appt.path, 'minutesDuration'));
  const m = minutesBetween(a.start, a.end);
  return m === undefined ? undefined : ctx.leaf(m, [child(appt.path, 'start'), child(appt.path, 'end')], 'minutes from start to end');
}

function minutes(ctx: MappingContext): V2Value {
  return [ctx.fixed('min', 'duration in minutes'), ctx.fixed('minutes', 'duration in minutes'), ctx.fixed('UCUM', 'UCUM unit')];
}

/** participant.status → 0278: FHIR's values are participation answers, not filler statuses (AMBIGUOUS). */
function participantStatus(ctx: MappingContext, p: AppointmentParticipant, pPath: string): V2Value | undefined {
  const code = mapCode(PARTICIPANT_STATUS, p.status);
  if (!code) return undefined;
  return tableCe(ctx, code, 278, child(pPath, 'status'), `participant status ${p.status} → ${code} (table 0278)`);
}
