/** The human part of an OperationOutcome (diagnostics, else details.text), when a body is one. */
export function operationOutcomeText(body: Uint8Array): string | null {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(body));
  } catch {
    return null;
  }
  if (!json || typeof json !== 'object' || (json as { resourceType?: unknown }).resourceType !== 'OperationOutcome') return null;
  const issues = (json as { issue?: unknown }).issue;
  if (!Array.isArray(issues)) return null;
  const texts = issues
    .map((i: unknown) => {
      const issue = (i ?? {}) as { diagnostics?: unknown; details?: { text?: unknown }; code?: unknown };
      if (typeof issue.diagnostics === 'string') return issue.diagnostics;
      if (typeof issue.details?.text === 'string') return issue.details.text;
      return typeof issue.code === 'string' ? issue.code : null;
    })
    .filter((t): t is string => t !== null);
  return texts.length > 0 ? texts.join('; ').slice(0, 2000) : null;
}
