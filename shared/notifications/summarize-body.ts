/** What the inbox can say about a notification body before anyone opens it. */
export interface BodyFacts {
  resourceTypes: string[];
  /** MessageHeader.source.name (or endpoint) of a FHIR message Bundle. */
  source: string | null;
  /** The event's short name: the last segment of MessageHeader.eventUri, or eventCoding.code. */
  event: string | null;
}

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const nonEmptyString = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/**
 * Walks the whole document once (iteratively, so a deeply nested body cannot overflow the stack)
 * and collects resource types from resources anywhere: Bundle entries, contained resources,
 * Parameters parts and nested Bundles alike.
 */
function collectResources(root: unknown): { types: string[]; messageHeader: JsonObject | null } {
  const types = new Set<string>();
  let messageHeader: JsonObject | null = null;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push(node[i]);
      continue;
    }
    if (!isObject(node)) continue;
    const type = nonEmptyString(node.resourceType);
    if (type !== null) {
      types.add(type);
      if (type === 'MessageHeader' && messageHeader === null) messageHeader = node;
    }
    const values = Object.values(node);
    for (let i = values.length - 1; i >= 0; i--) {
      const value = values[i];
      if (typeof value === 'object' && value !== null) stack.push(value);
    }
  }
  return { types: [...types], messageHeader };
}

function eventOf(header: JsonObject): string | null {
  const uri = nonEmptyString(header.eventUri);
  if (uri !== null) {
    const segments = uri.split(/[/#:]/).filter((s) => s !== '');
    return segments.at(-1) ?? uri;
  }
  const coding = header.eventCoding;
  if (isObject(coding)) return nonEmptyString(coding.code) ?? nonEmptyString(coding.display);
  return null;
}

function sourceOf(header: JsonObject): string | null {
  const source = header.source;
  if (!isObject(source)) return null;
  return nonEmptyString(source.name) ?? nonEmptyString(source.endpoint) ?? nonEmptyString(source.software);
}

export function summarizeBody(json: unknown): BodyFacts {
  const { types, messageHeader } = collectResources(json);
  return {
    resourceTypes: types,
    source: messageHeader ? sourceOf(messageHeader) : null,
    event: messageHeader ? eventOf(messageHeader) : null,
  };
}
