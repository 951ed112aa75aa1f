import { normalizeInput } from '../fhir-to-v2/input';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/**
 * Who a writeback is about, as one line of text for history search and display:
 * the Patient's identifiers (`system|value`), its reference and its name, or, without a Patient
 * resource, the focus resource's subject/patient reference.
 */
export function patientText(input: unknown): string | null {
  const normalized = normalizeInput(input);
  const parts: string[] = [];
  const patient = normalized.ofType('Patient')[0]?.resource as Json | undefined;
  if (patient) {
    for (const id of Array.isArray(patient.identifier) ? patient.identifier : []) {
      if (!isObject(id)) continue;
      const value = str(id.value);
      if (value) parts.push(str(id.system) ? `${str(id.system)}|${value}` : value);
    }
    const id = str(patient.id);
    if (id) parts.push(`Patient/${id}`);
    const name = Array.isArray(patient.name) && isObject(patient.name[0]) ? patient.name[0] : null;
    if (name) {
      const given = Array.isArray(name.given) ? name.given.filter((g): g is string => typeof g === 'string') : [];
      const family = str(name.family);
      const text = str(name.text) ?? [family ? `${family},` : '', ...given].filter(Boolean).join(' ');
      if (text) parts.push(text);
    }
  }
  for (const focus of normalized.focus) {
    const resource = focus.resource as unknown as Json;
    for (const key of ['subject', 'patient', 'beneficiary']) {
      const ref = isObject(resource[key]) ? resource[key] : null;
      if (!ref) continue;
      const reference = str(ref.reference);
      if (reference && !reference.startsWith('urn:') && !parts.includes(reference)) parts.push(reference);
      const identifier = isObject(ref.identifier) ? ref.identifier : null;
      const value = identifier ? str(identifier.value) : null;
      if (identifier && value) {
        const text = str(identifier.system) ? `${str(identifier.system)}|${value}` : value;
        if (!parts.includes(text)) parts.push(text);
      }
      const display = str(ref.display);
      if (display && !parts.includes(display)) parts.push(display);
    }
  }
  return parts.length > 0 ? parts.join(' ') : null;
}
