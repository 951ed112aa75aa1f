import type { Encounter, Patient } from '@medplum/fhirtypes';
import type { MappingContext } from './context';
import type { Located } from './input';
import { ADT_STRUCTURES, type MessagePlan, type Planner } from './message-plan';
import { buildAdtForEncounter, buildAdtForPatient, encounterTrigger, patientTrigger } from './messages/adt';
import { buildOru } from './messages/oru';

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

/** Focus resource type → how to plan its message. */
export const PLANNERS: Readonly<Record<string, Planner>> = {
  Observation: oru,
  DiagnosticReport: oru,
  Patient: patient,
  Encounter: encounter,
};

/** Message codes each focus type may be forced to with `messageType` / `--to`. */
export const ALLOWED_CODES: Readonly<Record<string, readonly string[]>> = {
  Observation: ['ORU'],
  DiagnosticReport: ['ORU'],
  Patient: ['ADT'],
  Encounter: ['ADT'],
};
