import type { AllergyIntolerance, Appointment, ChargeItem, DocumentReference, Encounter, Immunization, MedicationRequest, Patient, ServiceRequest } from '@medplum/fhirtypes';
import type { MappingContext } from './context';
import type { Located } from './input';
import { ADT_STRUCTURES, type MessagePlan, type Planner } from './message-plan';
import { buildAdtForEncounter, buildAdtForPatient, encounterTrigger, patientTrigger } from './messages/adt';
import { buildAllergyUpdate } from './messages/allergy';
import { buildDft } from './messages/dft';
import { buildGeneralOrder } from './messages/general-order';
import { buildMdm, documentTrigger, MDM_TRIGGERS } from './messages/mdm';
import { buildOru } from './messages/oru';
import { buildPharmacyOrder } from './messages/pharmacy';
import { appointmentTrigger, buildSiu, SIU_TRIGGERS } from './messages/siu';
import { buildVxu } from './messages/vxu';

const oru: Planner = (ctx, focus) => ({
  type: { code: 'ORU', event: 'R01', structure: 'ORU_R01' },
  evn: false,
  build: () => buildOru(ctx, focus),
});

const patient: Planner = (ctx, focus, event) => {
  const p = focus[0] as Located<Patient>;
  const trigger = event ?? patientTrigger(ctx);
  const encounter = trigger === 'A08' ? ctx.input.ofType<Encounter>('Encounter')[0] : undefined;
  if (trigger === 'A08' && !encounter) {
    ctx.issue('warning', 'visit-missing', 'ADT^A08 is visit-bound but the input has no Encounter; PV1 sent as class N', p.path, 'PV1');
  }
  return adtPlan(ctx, trigger, () => buildAdtForPatient(ctx, p, encounter));
};

const encounter: Planner = (ctx, focus, event) => {
  const e = focus[0] as Located<Encounter>;
  const trigger = event ?? encounterTrigger(ctx, e);
  return { ...adtPlan(ctx, trigger, () => buildAdtForEncounter(ctx, e)), occurred: { value: e.resource.period?.start, path: `${e.path}.period.start` } };
};

function adtPlan(ctx: MappingContext, trigger: string, build: MessagePlan['build']): MessagePlan {
  const structure = ADT_STRUCTURES[trigger] ?? 'ADT_A01';
  return { type: { code: 'ADT', event: trigger, structure }, evn: true, build };
}

const appointment: Planner = (ctx, focus, event) => {
  const a = focus[0] as Located<Appointment>;
  const trigger = event ?? appointmentTrigger(ctx, a);
  if (!supported(ctx, a, 'SIU', trigger, SIU_TRIGGERS)) return undefined;
  return { type: { code: 'SIU', event: trigger, structure: 'SIU_S12' }, evn: false, build: () => buildSiu(ctx, a, trigger) };
};

const documentReference: Planner = (ctx, focus, event) => {
  const d = focus[0] as Located<DocumentReference>;
  const trigger = event ?? documentTrigger(ctx, d);
  if (!supported(ctx, d, 'MDM', trigger, MDM_TRIGGERS)) return undefined;
  return {
    type: { code: 'MDM', event: trigger, structure: 'MDM_T02' },
    evn: true,
    build: () => buildMdm(ctx, d),
    occurred: { value: d.resource.date, path: `${d.path}.date` },
  };
};

const immunization: Planner = (ctx, focus, event) => {
  const first = focus[0] as Located<Immunization>;
  if (!supported(ctx, first, 'VXU', event ?? 'V04', ['V04'])) return undefined;
  return { type: { code: 'VXU', event: 'V04', structure: 'VXU_V04' }, evn: false, build: () => buildVxu(ctx, focus as Located<Immunization>[]) };
};

/** ORM^O01 or OML^O21: the destination's orderMessage option, or the type forced with `--to`. */
const serviceRequest: Planner = (ctx, focus) => {
  const first = focus[0] as Located<ServiceRequest>;
  const chosen = chooseMessage(ctx, first, ctx.options.orderMessage, [['ORM', 'O01'], ['OML', 'O21']] as const);
  if (!chosen) return undefined;
  const [code, trigger] = chosen;
  return { type: { code, event: trigger, structure: `${code}_${trigger}` }, evn: false, build: () => buildGeneralOrder(ctx, focus as Located<ServiceRequest>[], code) };
};

/** RDE^O11 (default, what most EHR inbound interfaces take) or OMP^O09: the medicationMessage option or `--to`. */
const medicationRequest: Planner = (ctx, focus) => {
  const first = focus[0] as Located<MedicationRequest>;
  const chosen = chooseMessage(ctx, first, ctx.options.medicationMessage, [['RDE', 'O11'], ['OMP', 'O09']] as const);
  if (!chosen) return undefined;
  const [code, trigger] = chosen;
  return { type: { code, event: trigger, structure: `${code}_${trigger}` }, evn: false, build: () => buildPharmacyOrder(ctx, focus as Located<MedicationRequest>[], code) };
};

/** Where two message types fit one resource: the forced type if it is one of them, else the destination's choice. */
function chooseMessage<C extends string>(ctx: MappingContext, focus: Located, option: string, choices: readonly (readonly [C, string])[]): readonly [C, string] | undefined {
  const wanted = ctx.options.messageType?.split('^').slice(0, 2).join('^') ?? option;
  const found = choices.find(([code, trigger]) => `${code}^${trigger}` === wanted);
  if (!found) {
    ctx.issue('error', 'message-type-mismatch', `${wanted} is not supported for ${focus.resource.resourceType}; use one of ${choices.map((c) => c.join('^')).join(', ')}`, focus.path, 'MSH-9');
  }
  return found;
}

const chargeItem: Planner = (ctx, focus, event) => {
  const first = focus[0] as Located<ChargeItem>;
  if (!supported(ctx, first, 'DFT', event ?? 'P03', ['P03'])) return undefined;
  return {
    type: { code: 'DFT', event: 'P03', structure: 'DFT_P03' },
    evn: true,
    build: () => buildDft(ctx, focus as Located<ChargeItem>[]),
    occurred: { value: first.resource.enteredDate, path: `${first.path}.enteredDate` },
  };
};

/** ADT^A60 (IAM, with action codes) rather than AL1 in A08/A31 (a snapshot without them). */
const allergy: Planner = (ctx, focus, event) => {
  const first = focus[0] as Located<AllergyIntolerance>;
  if (!supported(ctx, first, 'ADT', event ?? 'A60', ['A60'])) return undefined;
  return {
    type: { code: 'ADT', event: 'A60', structure: 'ADT_A60' },
    evn: true,
    build: () => buildAllergyUpdate(ctx, focus as Located<AllergyIntolerance>[]),
    occurred: { value: first.resource.recordedDate, path: `${first.path}.recordedDate` },
  };
};

/** A forced trigger must be one the message builder knows; anything else is reported, not guessed. */
function supported(ctx: MappingContext, focus: Located, code: string, trigger: string, triggers: readonly string[]): boolean {
  if (triggers.includes(trigger)) return true;
  ctx.issue('error', 'message-type-mismatch', `${code}^${trigger} is not supported for ${focus.resource.resourceType}; use one of ${triggers.map((t) => `${code}^${t}`).join(', ')}`, focus.path, 'MSH-9');
  return false;
}

/** Focus resource type → how to plan its message. */
export const PLANNERS: Readonly<Record<string, Planner>> = {
  Observation: oru,
  DiagnosticReport: oru,
  Patient: patient,
  Encounter: encounter,
  Appointment: appointment,
  DocumentReference: documentReference,
  Immunization: immunization,
  ServiceRequest: serviceRequest,
  MedicationRequest: medicationRequest,
  ChargeItem: chargeItem,
  AllergyIntolerance: allergy,
};

/** Message codes each focus type may be forced to with `messageType` / `--to`. */
export const ALLOWED_CODES: Readonly<Record<string, readonly string[]>> = {
  Observation: ['ORU'],
  DiagnosticReport: ['ORU'],
  Patient: ['ADT'],
  Encounter: ['ADT'],
  Appointment: ['SIU'],
  DocumentReference: ['MDM'],
  Immunization: ['VXU'],
  ServiceRequest: ['ORM', 'OML'],
  MedicationRequest: ['RDE', 'OMP'],
  ChargeItem: ['DFT'],
  AllergyIntolerance: ['ADT'],
};
