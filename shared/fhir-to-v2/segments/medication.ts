import type { Dosage, Medication, MedicationRequest, Quantity } from '@medplum/fhirtypes';
import type { V2Value } from '../../hl7v2';
import { ceFromConcept } from '../datatypes/ce';
import type { MappingContext } from '../context';
import { child } from '../fhir-path';
import type { Located } from '../input';

export interface MedicationCode {
  /** RXO-1 / RXE-2. */
  readonly code?: V2Value;
  /** RXO-5 / RXE-6, from Medication.form. */
  readonly form?: V2Value;
}

/** The drug ordered: medicationCodeableConcept, or the code and form of the referenced Medication. */
export function medicationOf(ctx: MappingContext, mr: Located<MedicationRequest>, location: string): MedicationCode {
  const r = mr.resource;
  if (r.medicationCodeableConcept) return { code: ceFromConcept(ctx, r.medicationCodeableConcept, child(mr.path, 'medicationCodeableConcept'), location) };
  const refPath = child(mr.path, 'medicationReference');
  const target = ctx.input.resolve(r.medicationReference, mr);
  if (target?.resource.resourceType === 'Medication') {
    ctx.use(target);
    ctx.mark(child(refPath, 'reference'));
    const m = target.resource as Medication;
    return { code: ceFromConcept(ctx, m.code, child(target.path, 'code'), location), form: ceFromConcept(ctx, m.form, child(target.path, 'form'), location) };
  }
  const display = ctx.leaf(r.medicationReference?.display, child(refPath, 'display'), 'reference display (Medication not in the input)');
  if (!display) ctx.issue('error', 'unresolved-medication', `${refPath} is not in the input: include the Medication to send its code`, refPath, location);
  return { code: display ? [undefined, display] : undefined };
}

export interface DoseAmount {
  readonly min?: number;
  readonly minPath: string;
  readonly max?: number;
  readonly maxPath: string;
  readonly unit?: Quantity;
  readonly unitPath: string;
}

/** The dose of the first dosage instruction: doseQuantity, or doseRange low / high. */
export function doseOf(dosage: Dosage | undefined, dosagePath: string): DoseAmount | undefined {
  const rate = dosage?.doseAndRate?.[0];
  if (!rate) return undefined;
  const p = child(dosagePath, 'doseAndRate', 0);
  if (rate.doseQuantity) {
    const q = child(p, 'doseQuantity');
    return { min: rate.doseQuantity.value, minPath: child(q, 'value'), maxPath: '', unit: rate.doseQuantity, unitPath: q };
  }
  if (rate.doseRange) {
    const r = child(p, 'doseRange');
    return {
      min: rate.doseRange.low?.value,
      minPath: child(r, 'low.value'),
      max: rate.doseRange.high?.value,
      maxPath: child(r, 'high.value'),
      unit: rate.doseRange.low ?? rate.doseRange.high,
      unitPath: child(r, rate.doseRange.low ? 'low' : 'high'),
    };
  }
  return undefined;
}
