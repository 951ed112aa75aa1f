type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** One FHIR value as a person would read it in a table cell. */
function formatOne(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(formatOne).filter((s) => s !== '').join(', ');
  if (!isObject(value)) return String(value);
  const v = value;
  // HumanName
  if ('family' in v || 'given' in v) {
    return str(v.text) ?? [...(Array.isArray(v.given) ? v.given : []), v.family].filter((p) => typeof p === 'string').join(' ');
  }
  // Quantity
  // (Quantity.value is a JSON number; Identifier.value is a string.)
  if (typeof v.value === 'number') {
    const comparator = str(v.comparator) ?? '';
    const unit = str(v.unit) ?? str(v.code) ?? '';
    return `${comparator}${String(v.value)}${unit ? ` ${unit}` : ''}`;
  }
  // CodeableConcept
  if ('coding' in v || ('text' in v && Object.keys(v).length <= 2)) {
    const coding = Array.isArray(v.coding) ? v.coding.filter(isObject) : [];
    return str(v.text) ?? coding.map((c) => str(c.display) ?? str(c.code) ?? '').filter(Boolean).join(', ');
  }
  // Coding
  if ('code' in v && ('system' in v || 'display' in v)) return str(v.display) ?? str(v.code) ?? '';
  // Reference
  if ('reference' in v || 'display' in v) return str(v.display) ?? str(v.reference) ?? '';
  // Identifier
  if ('value' in v && 'system' in v) return `${str(v.system) ?? ''}|${str(v.value) ?? ''}`;
  if ('value' in v) return str(v.value) ?? '';
  // Period
  if ('start' in v || 'end' in v) return `${str(v.start) ?? '…'} – ${str(v.end) ?? '…'}`;
  // Address
  if ('line' in v || 'city' in v) {
    return str(v.text) ?? [...(Array.isArray(v.line) ? v.line : []), v.city, v.state, v.postalCode].filter((p) => typeof p === 'string').join(', ');
  }
  return JSON.stringify(v);
}

/** The results of a FHIRPath expression (always a list) as one cell's text. */
export function formatValues(values: readonly unknown[]): string {
  return values.map(formatOne).filter((s) => s !== '').join('; ');
}
