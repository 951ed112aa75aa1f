/** One problem a server reported, from an OperationOutcome or Redox's `issues[]`. */
export interface OutcomeIssue {
  severity: 'fatal' | 'error' | 'warning' | 'information' | 'unknown';
  code: string | null;
  /** The human text: details.text, diagnostics, or the coding display. */
  text: string;
  /** FHIRPath expressions or locations the server blamed. */
  expression: string[];
  /** Where the issue was found: the response itself, or an entry of the Bundle. */
  source: 'response' | 'entry';
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const severities = new Set(['fatal', 'error', 'warning', 'information']);

function issueFrom(raw: unknown, source: OutcomeIssue['source']): OutcomeIssue | null {
  if (!isObject(raw)) return null;
  const details = isObject(raw.details) ? raw.details : {};
  const coding = Array.isArray(details.coding) && isObject(details.coding[0]) ? details.coding[0] : {};
  const severity = str(raw.severity);
  const expression = [raw.expression, raw.location]
    .flatMap((list) => (Array.isArray(list) ? list : []))
    .filter((e): e is string => typeof e === 'string');
  return {
    severity: severity && severities.has(severity) ? (severity as OutcomeIssue['severity']) : 'unknown',
    code: str(raw.code),
    text:
      str(details.text) ??
      str(raw.diagnostics) ??
      str(coding.display) ??
      str(coding.code) ??
      // Redox's partial-failure issues carry their text in non-FHIR fields.
      str(raw.text) ??
      str(raw.message) ??
      JSON.stringify(raw),
    expression,
    source,
  };
}

/** The issues of an OperationOutcome resource (anything else yields none). */
export function operationOutcomeIssues(resource: unknown, source: OutcomeIssue['source']): OutcomeIssue[] {
  if (!isObject(resource) || resource.resourceType !== 'OperationOutcome' || !Array.isArray(resource.issue)) return [];
  return resource.issue.map((i) => issueFrom(i, source)).filter((i): i is OutcomeIssue => i !== null);
}

/**
 * Redox answers a partly failed search with 200 and an `issues[]` array beside (or instead of) the
 * Bundle's content; a 200 must therefore be checked for it.
 */
export function redoxIssues(body: unknown): OutcomeIssue[] {
  if (!isObject(body) || !Array.isArray(body.issues)) return [];
  return body.issues.map((i) => issueFrom(i, 'response')).filter((i): i is OutcomeIssue => i !== null);
}
