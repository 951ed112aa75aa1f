/**
 * FHIR-level checks of a writeback before it is translated: the elements R4 requires (cardinality
 * 1..) in the resources the HL7 v2 translator reads, and references that do not resolve inside the
 * Bundle. Pure: the editor runs them on every change, beside the translator, in its worker.
 * Paths are printed the way the translator prints them (`Bundle.entry[2].resource.subject.reference`).
 */

export interface FhirCheckIssue {
  readonly severity: 'error' | 'warning';
  /** `required` (an element R4 requires is missing) or `reference` (it points outside the Bundle). */
  readonly code: 'required' | 'reference';
  readonly message: string;
  /** The element to fix; for a missing element, the resource (or backbone element) it belongs in. */
  readonly fhirPath: string;
}

/**
 * Elements with minimum cardinality 1 in R4, per resource (and the backbone elements the mapping
 * reads). `x[x]` is a choice: any `x<Type>` key satisfies it.
 */
const REQUIRED: Readonly<Record<string, readonly string[]>> = {
  Bundle: ['type'],
  MessageHeader: ['event[x]', 'source'],
  Observation: ['status', 'code'],
  DiagnosticReport: ['status', 'code'],
  Encounter: ['status', 'class'],
  Appointment: ['status', 'participant'],
  DocumentReference: ['status', 'content'],
  Immunization: ['status', 'vaccineCode', 'patient', 'occurrence[x]'],
  ServiceRequest: ['status', 'intent', 'subject'],
  MedicationRequest: ['status', 'intent', 'medication[x]', 'subject'],
  ChargeItem: ['status', 'code', 'subject'],
  AllergyIntolerance: ['patient'],
  Specimen: [],
  Coverage: ['status', 'beneficiary', 'payor'],
};

/** Required elements inside repeating backbone elements: resource type → element → its required children. */
const REQUIRED_BACKBONE: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  MessageHeader: { source: ['endpoint'] },
  Observation: { component: ['code'] },
  Appointment: { participant: ['status'] },
  DocumentReference: { content: ['attachment'] },
  Immunization: { performer: ['actor'] },
  MedicationRequest: { dosageInstruction: [] },
  AllergyIntolerance: { reaction: ['manifestation'] },
  ChargeItem: { performer: ['actor'] },
};

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isResource = (v: unknown): v is Json & { resourceType: string } => isObject(v) && typeof v.resourceType === 'string';

interface LocatedResource {
  readonly resource: Json & { resourceType: string };
  readonly path: string;
}

/** Runs every check; never throws, whatever the input. */
export function checkWriteback(input: unknown): FhirCheckIssue[] {
  if (!isResource(input)) return [];
  const issues: FhirCheckIssue[] = [];
  const resources: LocatedResource[] = [];
  const bundle = input.resourceType === 'Bundle';
  if (bundle) {
    checkRequired(input, 'Bundle', issues);
    const entries = Array.isArray(input.entry) ? input.entry : [];
    entries.forEach((entry, i) => {
      if (isObject(entry) && isResource(entry.resource)) {
        resources.push({ resource: entry.resource, path: `Bundle.entry[${i}].resource` });
      }
    });
  } else {
    resources.push({ resource: input, path: input.resourceType });
  }
  for (const r of resources) checkRequired(r.resource, r.path, issues);
  checkReferences(input, resources, bundle, issues);
  return issues;
}

function present(resource: Json, element: string): boolean {
  if (element.endsWith('[x]')) {
    const stem = element.slice(0, -3);
    return Object.keys(resource).some((k) => k.startsWith(stem) && /^[A-Z]/.test(k.slice(stem.length)) && hasValue(resource[k]));
  }
  return hasValue(resource[element]);
}

const hasValue = (v: unknown): boolean =>
  v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0) && !(isObject(v) && Object.keys(v).length === 0);

function checkRequired(resource: Json & { resourceType: string }, path: string, issues: FhirCheckIssue[]): void {
  const type = resource.resourceType;
  for (const element of REQUIRED[type] ?? []) {
    if (present(resource, element)) continue;
    issues.push({
      severity: 'error',
      code: 'required',
      message: `${type}.${element} is required (1..) in FHIR R4 and missing`,
      fhirPath: path,
    });
  }
  const backbone = REQUIRED_BACKBONE[type] ?? {};
  for (const [element, children] of Object.entries(backbone)) {
    const value = resource[element];
    const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
    items.forEach((item, i) => {
      if (!isObject(item)) return;
      const itemPath = Array.isArray(value) ? `${path}.${element}[${i}]` : `${path}.${element}`;
      for (const c of children) {
        if (present(item, c)) continue;
        issues.push({
          severity: 'error',
          code: 'required',
          message: `${type}.${element}.${c} is required (1..) in FHIR R4 and missing`,
          fhirPath: itemPath,
        });
      }
    });
  }
}

/** Every `reference` string must name a resource in the Bundle (by fullUrl or Type/id) or one contained in its resource. */
function checkReferences(input: Json, resources: readonly LocatedResource[], bundle: boolean, issues: FhirCheckIssue[]): void {
  const known = new Set<string>();
  if (bundle) {
    const entries = Array.isArray(input.entry) ? input.entry : [];
    for (const entry of entries) {
      if (!isObject(entry)) continue;
      if (typeof entry.fullUrl === 'string') known.add(entry.fullUrl);
      const r = entry.resource;
      if (isResource(r) && typeof r.id === 'string') known.add(`${r.resourceType}/${r.id}`);
    }
  }
  for (const { resource, path } of resources) {
    const contained = new Set(
      (Array.isArray(resource.contained) ? resource.contained : []).filter(isResource).map((c) => `#${String(c.id ?? '')}`),
    );
    walkReferences(resource, path, (reference, at) => {
      if (reference.startsWith('#')) {
        // `#` alone is the container itself (from inside a contained resource).
        if (reference !== '#' && !contained.has(reference)) {
          issues.push({ severity: 'error', code: 'reference', message: `${reference} names no contained resource`, fhirPath: at });
        }
        return;
      }
      if (!bundle) return;
      if (known.has(reference)) return;
      const tail = /([A-Z][A-Za-z]+\/[^/]+)(?:\/_history\/[^/]+)?$/.exec(reference)?.[1];
      if (tail && known.has(tail)) return;
      issues.push({
        severity: 'warning',
        code: 'reference',
        message: `${reference} is not in the Bundle: what it points to cannot be sent`,
        fhirPath: at,
      });
    });
  }
}

function walkReferences(value: unknown, path: string, visit: (reference: string, path: string) => void): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => walkReferences(v, `${path}[${i}]`, visit));
    return;
  }
  if (!isObject(value)) return;
  for (const [key, v] of Object.entries(value)) {
    if (key === 'reference' && typeof v === 'string') visit(v, `${path}.reference`);
    else walkReferences(v, `${path}.${key}`, visit);
  }
}
