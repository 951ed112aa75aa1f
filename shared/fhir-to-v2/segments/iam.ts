import type { AllergyIntolerance, HumanName, Patient, Practitioner, RelatedPerson } from '@medplum/fhirtypes';
import { SegmentBuilder, type V2SegmentDraft, type V2Value } from '../../hl7v2';
import { ALLERGEN_TYPE, ALLERGY_SEVERITY, mapCode } from '../codes/code-maps';
import type { MappingContext } from '../context';
import { ceFromConcept } from '../datatypes/ce';
import { eiFromIdentifier } from '../datatypes/cx';
import { tableCe } from '../datatypes/table-ce';
import { xcnFromReference } from '../datatypes/xcn';
import { nameParts } from '../datatypes/xpn';
import { child } from '../fhir-path';
import type { Located } from '../input';

const SEVERITY_RANK: Readonly<Record<string, number>> = { mild: 1, moderate: 2, severe: 3 };

/** IAM ← AllergyIntolerance (reverse of the IG's IAM[AllergyIntolerance]; IAM-6 is not in the IG). */
export function buildIam(ctx: MappingContext, allergy: Located<AllergyIntolerance>, setId: number): V2SegmentDraft {
  const a = allergy.resource;
  const path = allergy.path;
  const iam = new SegmentBuilder('IAM').set(1, ctx.fixed(String(setId), 'set ID'));
  iam.set(2, allergenType(ctx, allergy));
  if (!a.code) ctx.issue('error', 'missing-code', 'AllergyIntolerance.code is missing: IAM-3 (allergen, required) is empty', child(path, 'code'), 'IAM-3');
  iam.set(3, ceFromConcept(ctx, a.code, child(path, 'code'), 'IAM-3'), [child(path, 'code')]);
  iam.set(4, severity(ctx, allergy));
  iam.setRepeating(5, (a.reaction ?? []).flatMap((r, i) => (r.manifestation ?? []).map((m, j) => {
    // IAM-5 is a 15-character ST "reaction code": the manifestation's code fits, its text rarely does.
    const p = child(child(child(path, 'reaction', i), 'manifestation', j), 'coding[0].code');
    const code = m.coding?.[0]?.code;
    return code ? ctx.leaf(code, p) : ctx.leaf(m.text, child(child(child(path, 'reaction', i), 'manifestation', j), 'text'));
  })));
  iam.set(6, actionCode(ctx, allergy));
  iam.set(7, eiFromIdentifier(ctx, a.identifier?.[0], child(path, 'identifier[0]')));
  iam.set(11, ctx.date(a.onsetDateTime, child(path, 'onsetDateTime'), 'IAM-11'));
  iam.set(12, ctx.leaf(a.onsetString, child(path, 'onsetString')));
  // IAM-13 is TS but limited to 8 characters in 2.5.1: the date of recording only.
  iam.set(13, ctx.date(a.recordedDate, child(path, 'recordedDate'), 'IAM-13'));
  const asserter = reportedBy(ctx, allergy);
  iam.set(14, asserter?.name);
  iam.set(15, asserter?.relationship);
  iam.set(17, clinicalStatus(ctx, allergy));
  iam.set(18, xcnFromReference(ctx, a.recorder, child(path, 'recorder'), allergy, 'IAM-18'));
  return iam.draft;
}

/** IAM-2 (table 0127) from category; type intolerance has no 0127 code of its own (AMBIGUOUS). */
function allergenType(ctx: MappingContext, allergy: Located<AllergyIntolerance>): V2Value | undefined {
  const category = allergy.resource.category?.[0];
  const code = mapCode(ALLERGEN_TYPE, category);
  if (allergy.resource.type === 'intolerance') ctx.note('type intolerance has no table 0127 code; IAM-2 says only the category', child(allergy.path, 'type'), 'IAM-2');
  else ctx.mark(child(allergy.path, 'type'));
  return code ? tableCe(ctx, code, 127, child(allergy.path, 'category[0]'), `category ${category ?? ''} → ${code} (table 0127)`) : undefined;
}

/** IAM-4 (table 0128): the most severe reaction, else the criticality (the IG makes this conditional). */
function severity(ctx: MappingContext, allergy: Located<AllergyIntolerance>): V2Value | undefined {
  const reactions = (allergy.resource.reaction ?? []).map((r, i) => ({ s: r.severity, i })).filter((x) => x.s !== undefined);
  const worst = reactions.sort((x, y) => (SEVERITY_RANK[y.s ?? ''] ?? 0) - (SEVERITY_RANK[x.s ?? ''] ?? 0))[0];
  const worstCode = mapCode(ALLERGY_SEVERITY, worst?.s);
  if (worst && worstCode) {
    const code = worstCode;
    return tableCe(ctx, code, 128, child(child(allergy.path, 'reaction', worst.i), 'severity'), `most severe reaction ${worst.s} → ${code} (table 0128)`);
  }
  const criticality = allergy.resource.criticality;
  const code = mapCode(ALLERGY_SEVERITY, criticality);
  return code ? tableCe(ctx, code, 128, child(allergy.path, 'criticality'), `criticality ${criticality ?? ''} → ${code} (table 0128)`) : undefined;
}

/** IAM-6 (required, table 0323) from the edit: create → A, update → U, delete or entered-in-error → D. */
function actionCode(ctx: MappingContext, allergy: Located<AllergyIntolerance>): V2Value {
  const verification = allergy.resource.verificationStatus?.coding?.[0]?.code;
  const erroneous = verification === 'entered-in-error';
  const code = erroneous || ctx.options.action === 'delete' ? 'D' : ctx.options.action === 'create' ? 'A' : 'U';
  const via = erroneous ? 'entered-in-error → D (delete)' : `action ${ctx.options.action} → ${code} (table 0323)`;
  return tableCe(ctx, code, 323, erroneous ? child(allergy.path, 'verificationStatus') : [], via);
}

/**
 * IAM-17 (table 0438) folds clinicalStatus and verificationStatus into one code: entered-in-error → E,
 * unconfirmed → U, inactive / resolved → I, active and confirmed → C (AMBIGUOUS; refuted has no code).
 */
function clinicalStatus(ctx: MappingContext, allergy: Located<AllergyIntolerance>): V2Value | undefined {
  const clinical = allergy.resource.clinicalStatus?.coding?.[0]?.code;
  const verification = allergy.resource.verificationStatus?.coding?.[0]?.code;
  const cPath = child(allergy.path, 'clinicalStatus.coding[0].code');
  const vPath = child(allergy.path, 'verificationStatus.coding[0].code');
  const pick = (code: string, paths: string[], why: string) => tableCe(ctx, code, 438, paths, `${why} → ${code} (table 0438)`);
  ctx.mark(child(allergy.path, 'clinicalStatus.coding[0].system'), child(allergy.path, 'verificationStatus.coding[0].system'));
  if (verification === 'entered-in-error') return pick('E', [vPath], 'entered-in-error');
  if (verification === 'unconfirmed') return pick('U', [vPath], 'unconfirmed');
  if (verification === 'refuted') {
    ctx.issue('warning', 'no-v2-code', 'verificationStatus refuted has no table 0438 code; IAM-17 left empty', vPath, 'IAM-17');
    return undefined;
  }
  if (clinical === 'inactive' || clinical === 'resolved') return pick('I', [cPath], clinical);
  if (clinical === 'active' && verification === 'confirmed') return pick('C', [cPath, vPath], 'active and confirmed');
  return undefined;
}

/** IAM-14 / IAM-15 ← asserter: the person's name, and SEL when the patient reported it. */
function reportedBy(ctx: MappingContext, allergy: Located<AllergyIntolerance>): { name?: V2Value; relationship?: V2Value } | undefined {
  const ref = allergy.resource.asserter;
  if (!ref) return undefined;
  const refPath = child(allergy.path, 'asserter');
  const target = ctx.input.resolve(ref, allergy);
  if (!target) return { name: [ctx.leaf(ref.display, child(refPath, 'display'))] };
  ctx.use(target);
  ctx.mark(child(refPath, 'reference'));
  const names: HumanName[] = (target.resource as Patient | Practitioner | RelatedPerson).name ?? [];
  const index = Math.max(0, names.findIndex((n) => n.use === 'official'));
  const name = names[index];
  const relationship = target.resource.resourceType === 'Patient'
    ? tableCe(ctx, 'SEL', 63, [refPath], 'the patient asserted it → SEL (table 0063)')
    : undefined;
  return { name: name ? nameParts(ctx, name, child(target.path, 'name', index), 'IAM-14') : undefined, relationship };
}
