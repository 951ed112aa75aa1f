import type { Patient, Reference } from '@medplum/fhirtypes';
import { SegmentBuilder, type V2SegmentDraft, type V2Value } from '../../hl7v2';
import { GENDER, MARITAL, mapCode } from '../codes/code-maps';
import type { MappingContext } from '../context';
import { ceFromConcept } from '../datatypes/ce';
import { cxFromIdentifier } from '../datatypes/cx';
import { xadFromAddress } from '../datatypes/xad';
import { nameParts, orderedNames } from '../datatypes/xpn';
import { xtnFromContact } from '../datatypes/xtn';
import { child } from '../fhir-path';
import type { Located } from '../input';

const SSN = 'http://hl7.org/fhir/sid/us-ssn';
const RACE = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-race';
const ETHNICITY = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-ethnicity';
const MOTHERS_MAIDEN = 'http://hl7.org/fhir/StructureDefinition/patient-mothersMaidenName';

/** Finds the Patient a resource is about; reports a located problem when there is none. */
export function resolvePatient(
  ctx: MappingContext,
  subject: Reference | undefined,
  from: Located,
  subjectPath: string,
): Located<Patient> | undefined {
  if (from.resource.resourceType === 'Patient') return from as Located<Patient>;
  const found = ctx.input.resolve(subject, from) ?? (subject ? undefined : ctx.input.ofType<Patient>('Patient')[0]);
  if (found?.resource.resourceType === 'Patient') {
    ctx.mark(child(subjectPath, 'reference'));
    return found as Located<Patient>;
  }
  if (!subject) {
    ctx.issue('error', 'missing-subject', `${from.resource.resourceType} has no subject, and the input holds no Patient: PID cannot be built`, subjectPath, 'PID');
  } else {
    ctx.issue('error', 'unresolved-subject',
      `${subjectPath} (${subject.reference ?? subject.display ?? '?'}) is not in the input: include the Patient (e.g. as a Bundle entry) to fill PID`,
      subjectPath, 'PID');
  }
  return undefined;
}

/** PID ← Patient (reverse of the IG's PID[Patient]). */
export function buildPid(ctx: MappingContext, located: Located<Patient> | undefined, subject?: Reference, subjectPath?: string): V2SegmentDraft {
  const pid = new SegmentBuilder('PID').set(1, ctx.fixed('1', 'set ID'));
  if (!located) {
    // Keep what the reference itself says, so the message still names the patient.
    if (subject?.identifier && subjectPath) {
      pid.set(3, cxFromIdentifier(ctx, subject.identifier, child(subjectPath, 'identifier'), 'PID-3'));
    }
    return pid.draft;
  }
  ctx.use(located);
  const p = located.resource;
  const path = located.path;
  const ids = (p.identifier ?? []).map((id, i) => ({ id, i }));
  pid.setRepeating(3, ids.filter(({ id }) => id.system !== SSN).map(({ id, i }) => cxFromIdentifier(ctx, id, child(path, 'identifier', i), 'PID-3')), [child(path, 'identifier')]);
  pid.setRepeating(5, orderedNames(p.name).map(({ name, index }) => nameParts(ctx, name, child(path, 'name', index), 'PID-5')), [child(path, 'name')]);
  const maidenIndex = (p.extension ?? []).findIndex((e) => e.url === MOTHERS_MAIDEN);
  if (maidenIndex >= 0) {
    pid.set(6, [ctx.leaf(p.extension?.[maidenIndex]?.valueString, child(child(path, 'extension', maidenIndex), 'valueString'))]);
  }
  pid.set(7, ctx.date(p.birthDate, child(path, 'birthDate'), 'PID-7'));
  if (p.gender) {
    const g = mapCode(GENDER, p.gender);
    pid.set(8, ctx.leaf(g, child(path, 'gender'), `gender ${p.gender} → ${g} (table 0001)`));
  }
  pid.setRepeating(10, usCoreCategory(ctx, located, RACE));
  pid.setRepeating(11, (p.address ?? []).map((a, i) => xadFromAddress(ctx, a, child(path, 'address', i), 'PID-11')));
  const telecom = (p.telecom ?? []).map((t, i) => ({ t, i }));
  pid.setRepeating(13, telecom.filter(({ t }) => t.use !== 'work').map(({ t, i }) => xtnFromContact(ctx, t, child(path, 'telecom', i))));
  pid.setRepeating(14, telecom.filter(({ t }) => t.use === 'work').map(({ t, i }) => xtnFromContact(ctx, t, child(path, 'telecom', i))));
  const langIndex = Math.max(0, (p.communication ?? []).findIndex((c) => c.preferred));
  const lang = p.communication?.[langIndex];
  if (lang) pid.set(15, ceFromConcept(ctx, lang.language, child(child(path, 'communication', langIndex), 'language'), 'PID-15'));
  const marital = p.maritalStatus?.coding?.[0]?.code;
  if (marital) {
    const m = mapCode(MARITAL, marital);
    const mPath = child(path, 'maritalStatus.coding[0].code');
    if (m) pid.set(16, [ctx.leaf(m, mPath, `marital status ${marital} → ${m} (table 0002)`), ctx.leaf(p.maritalStatus?.coding?.[0]?.display, child(path, 'maritalStatus.coding[0].display')), ctx.fixed('HL70002', 'table 0002')]);
    else ctx.issue('warning', 'no-v2-code', `Marital status ${marital} has no v2 table 0002 code`, mPath, 'PID-16');
  }
  const ssnIndex = (p.identifier ?? []).findIndex((id) => id.system === SSN);
  if (ssnIndex >= 0) pid.set(19, ctx.leaf(p.identifier?.[ssnIndex]?.value, child(child(path, 'identifier', ssnIndex), 'value'), 'identifier system us-ssn'));
  pid.setRepeating(22, usCoreCategory(ctx, located, ETHNICITY));
  if (p.multipleBirthBoolean !== undefined) pid.set(24, ctx.leaf(p.multipleBirthBoolean ? 'Y' : 'N', child(path, 'multipleBirthBoolean'), 'boolean → Y/N (table 0136)'));
  if (p.multipleBirthInteger !== undefined) {
    pid.set(24, ctx.fixed('Y', 'multipleBirthInteger present'));
    pid.set(25, ctx.leaf(p.multipleBirthInteger, child(path, 'multipleBirthInteger')));
  }
  pid.set(29, ctx.dateTime(p.deceasedDateTime, child(path, 'deceasedDateTime'), 'PID-29'));
  if (p.deceasedDateTime !== undefined) pid.set(30, ctx.fixed('Y', 'deceasedDateTime present'));
  if (p.deceasedBoolean !== undefined) pid.set(30, ctx.leaf(p.deceasedBoolean ? 'Y' : 'N', child(path, 'deceasedBoolean'), 'boolean → Y/N (table 0136)'));
  return pid.draft;
}

/** US Core race / ethnicity: the ombCategory codings, as CE with system CDCREC. */
function usCoreCategory(ctx: MappingContext, located: Located<Patient>, url: string): V2Value[] {
  const extIndex = (located.resource.extension ?? []).findIndex((e) => e.url === url);
  const ext = located.resource.extension?.[extIndex];
  if (!ext) return [];
  const extPath = child(located.path, 'extension', extIndex);
  return (ext.extension ?? []).flatMap((sub, i) => {
    if (sub.url !== 'ombCategory' && sub.url !== 'detailed') return [];
    const coding = sub.valueCoding;
    const p = child(child(extPath, 'extension', i), 'valueCoding');
    return coding?.code ? [[ctx.leaf(coding.code, child(p, 'code')), ctx.leaf(coding.display, child(p, 'display')), ctx.leaf('CDCREC', child(p, 'system'), 'OMB race/ethnicity → CDCREC')]] : [];
  });
}
