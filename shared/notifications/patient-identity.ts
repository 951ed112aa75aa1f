import { isObject, objects, text, type JsonObject } from './json';
import type { PatientIdentifier } from './notification-facts';

/**
 * Patient identity in a notification: business identifiers (MRNs…) and `Patient/<id>` references.
 * Redox often names entries by an identifier search URL instead of a logical id, and a lightweight
 * notification may carry nothing else, so those URLs are read too.
 */

/** Beyond this many, a body is a bulk export rather than a notification: stop collecting. */
export const maxPatientFacts = 1000;

const safeDecode = (value: string): string => {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
};

/** URIs (`urn:…`, `http(s)://…`) and bare OIDs (`1.2.840.114350…`) are systems; MRNs are not. */
const looksLikeSystem = (part: string) => /^(urn:|https?:\/\/)/i.test(part) || /^\d+(\.\d+){2,}$/.test(part);

/**
 * One `identifier` token: `system|value`, `|value`, `value`. The oldest Redox examples put the
 * value first (`123|urn:redox:…:MR`), so when exactly one side looks like a system it is taken as
 * the system whatever its position; otherwise FHIR's order applies.
 */
export function parseIdentifierToken(token: string): PatientIdentifier | null {
  const bar = token.indexOf('|');
  if (bar < 0) {
    const value = token.trim();
    return value === '' ? null : { system: null, value };
  }
  const first = token.slice(0, bar).trim();
  const second = token.slice(bar + 1).trim();
  if (first === '') return second === '' ? null : { system: null, value: second };
  if (second === '') return { system: null, value: first };
  if (looksLikeSystem(second) && !looksLikeSystem(first)) return { system: second, value: first };
  return { system: first, value: second };
}

/**
 * Reads a search URL such as `https://…/Patient?identifier=urn:redox:example:MR|123` (absolute or
 * relative, `|` raw or as `%7C`, several identifiers comma-separated). Null when the URL is not a
 * search by identifier.
 */
export function parseIdentifierSearchUrl(url: string): { resourceType: string | null; identifiers: PatientIdentifier[] } | null {
  const question = url.indexOf('?');
  if (question < 0) return null;
  const path = url.slice(0, question).split(/[/#]/).filter((segment) => segment !== '');
  const resourceType = path.at(-1) ?? null;
  const identifiers: PatientIdentifier[] = [];
  for (const pair of url.slice(question + 1).split('&')) {
    const equals = pair.indexOf('=');
    if (equals < 0) continue;
    const name = safeDecode(pair.slice(0, equals)).split(':')[0];
    if (name !== 'identifier') continue;
    // Commas separate alternatives unless escaped (`\,`), as in FHIR search.
    for (const token of safeDecode(pair.slice(equals + 1)).split(/(?<!\\),/)) {
      const identifier = parseIdentifierToken(token.replace(/\\,/g, ','));
      if (identifier) identifiers.push(identifier);
    }
  }
  return identifiers.length > 0 ? { resourceType: resourceType && /^[A-Z][A-Za-z]+$/.test(resourceType) ? resourceType : null, identifiers } : null;
}

const patientReferencePattern = /(?:^|\/)Patient\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/?#]*)?\/?$/;

/**
 * `Patient/<id>` for a reference or URL to a patient (relative, absolute, versioned); null for
 * anything else, including `urn:uuid:` references whose target is only known inside the Bundle.
 */
export function patientReferenceOf(reference: string): string | null {
  const match = patientReferencePattern.exec(reference.trim());
  return match ? `Patient/${match[1]}` : null;
}

const identifierOf = (value: unknown): PatientIdentifier | null => {
  if (!isObject(value)) return null;
  const identifierValue = text(value.value);
  return identifierValue === null ? null : { system: text(value.system), value: identifierValue };
};

/**
 * Collects patient identity while the caller walks the document: call `visit` for every object,
 * then `result`. Looks at Patient resources (id, identifiers), entry `fullUrl`s and references
 * (`Patient/…`, `Patient?identifier=…`, or a logical reference `{type: "Patient", identifier}`).
 */
export function createPatientIdentityCollector() {
  const identifiers = new Map<string, PatientIdentifier>();
  const references = new Set<string>();

  const addIdentifier = (identifier: PatientIdentifier | null) => {
    if (identifier === null || identifiers.size >= maxPatientFacts) return;
    const key = `${identifier.system ?? ''}\u0000${identifier.value}`;
    if (!identifiers.has(key)) identifiers.set(key, identifier);
  };
  const addReference = (reference: string | null) => {
    if (reference !== null && references.size < maxPatientFacts) references.add(reference);
  };
  const readUrl = (url: string) => {
    const patient = patientReferenceOf(url);
    if (patient) return addReference(patient);
    const search = parseIdentifierSearchUrl(url);
    if (search?.resourceType === 'Patient') search.identifiers.forEach(addIdentifier);
  };

  return {
    visit(node: JsonObject): void {
      if (node.resourceType === 'Patient') {
        const id = text(node.id);
        if (id !== null) addReference(patientReferenceOf(`Patient/${id}`));
        objects(node.identifier).forEach((identifier) => addIdentifier(identifierOf(identifier)));
      }
      const fullUrl = text(node.fullUrl);
      if (fullUrl !== null) readUrl(fullUrl);
      const reference = text(node.reference);
      if (reference !== null) readUrl(reference);
      // A logical reference names the patient by identifier only (Reference.identifier).
      const pointsAtPatient = node.type === 'Patient' || (reference !== null && patientReferenceOf(reference) !== null);
      if (pointsAtPatient && isObject(node.identifier) && node.resourceType === undefined) addIdentifier(identifierOf(node.identifier));
    },
    result(): { patientIdentifiers: PatientIdentifier[]; patientReferences: string[] } {
      return { patientIdentifiers: [...identifiers.values()], patientReferences: [...references] };
    },
  };
}
