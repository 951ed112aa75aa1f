import type { Bundle, MessageHeader, Reference, Resource } from '@medplum/fhirtypes';
import { child } from './fhir-path';

/** A resource and the path of its root in the input (`Patient`, `Bundle.entry[2].resource`). */
export interface Located<T extends Resource = Resource> {
  readonly resource: T;
  readonly path: string;
}

export interface InputProblem {
  readonly message: string;
  readonly fhirPath?: string;
}

/** The input, indexed so references can be followed to supporting resources. */
export interface NormalizedInput {
  readonly all: readonly Located[];
  readonly focus: readonly Located[];
  readonly problems: readonly InputProblem[];
  resolve(reference: Reference | undefined, from?: Located): Located | undefined;
  ofType<T extends Resource>(type: T['resourceType']): Located<T>[];
}

/** Resource types that decide the message, most specific first. */
const FOCUS_PRIORITY = [
  'DiagnosticReport',
  'Observation',
  'Appointment',
  'DocumentReference',
  'Immunization',
  // A charge names the service it bills (ChargeItem.service), never the other way round.
  'ChargeItem',
  'ServiceRequest',
  'MedicationRequest',
  'AllergyIntolerance',
  'Encounter',
  'Patient',
] as const;

export function normalizeInput(input: unknown): NormalizedInput {
  const problems: InputProblem[] = [];
  if (!isResource(input)) {
    problems.push({ message: 'Input is not a FHIR resource (a JSON object with a resourceType)' });
    return indexed([], [], problems);
  }
  if (input.resourceType !== 'Bundle') {
    const root: Located = { resource: input, path: input.resourceType };
    return indexed([root], [root], problems);
  }
  const bundle = input as Bundle;
  const all: Located[] = [];
  const fullUrls = new Map<string, Located>();
  (bundle.entry ?? []).forEach((entry, i) => {
    if (!isResource(entry.resource)) return;
    const located: Located = { resource: entry.resource, path: `Bundle.entry[${i}].resource` };
    all.push(located);
    if (entry.fullUrl) fullUrls.set(entry.fullUrl, located);
  });
  if (all.length === 0) problems.push({ message: 'The Bundle has no resources', fhirPath: 'Bundle.entry' });
  const index = indexed(all, [], problems, fullUrls);
  const header = all.find((l) => l.resource.resourceType === 'MessageHeader') as Located<MessageHeader> | undefined;
  let focus: Located[] = [];
  if (header) {
    focus = (header.resource.focus ?? [])
      .map((ref, i) => {
        const found = index.resolve(ref, header);
        if (!found) {
          problems.push({
            message: `MessageHeader.focus[${i}] (${ref.reference ?? 'no reference'}) is not in the Bundle`,
            fhirPath: child(header.path, 'focus', i),
          });
        }
        return found;
      })
      .filter((l): l is Located => l !== undefined);
  }
  if (focus.length === 0) focus = pickFocus(all);
  return indexed(all, focus, problems, fullUrls);
}

/** The highest-priority type present; Observations a DiagnosticReport already carries don't count. */
function pickFocus(all: readonly Located[]): Located[] {
  for (const type of FOCUS_PRIORITY) {
    const found = all.filter((l) => l.resource.resourceType === type);
    if (found.length > 0) return found;
  }
  return all.filter((l) => l.resource.resourceType !== 'MessageHeader').slice(0, 1);
}

function indexed(
  all: Located[],
  focus: Located[],
  problems: InputProblem[],
  fullUrls = new Map<string, Located>(),
): NormalizedInput {
  const byTypeId = new Map<string, Located>();
  for (const l of all) if (l.resource.id) byTypeId.set(`${l.resource.resourceType}/${l.resource.id}`, l);
  return {
    all,
    focus,
    problems,
    resolve(reference, from) {
      const ref = reference?.reference;
      if (!ref) return undefined;
      if (ref.startsWith('#') && from) {
        const contained = (from.resource as { contained?: Resource[] }).contained ?? [];
        const i = contained.findIndex((r) => r.id === ref.slice(1));
        const found = contained[i];
        return found ? { resource: found, path: child(from.path, 'contained', i) } : undefined;
      }
      const direct = fullUrls.get(ref) ?? byTypeId.get(ref);
      if (direct) return direct;
      // An absolute URL whose tail is Type/id (https://server/fhir/Patient/123).
      const tail = /([A-Z][A-Za-z]+\/[^/]+)(?:\/_history\/[^/]+)?$/.exec(ref)?.[1];
      return tail ? byTypeId.get(tail) : undefined;
    },
    ofType<T extends Resource>(type: T['resourceType']) {
      return all.filter((l) => l.resource.resourceType === type) as unknown as Located<T>[];
    },
  };
}

function isResource(value: unknown): value is Resource {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { resourceType?: unknown }).resourceType === 'string'
  );
}
