import type { OperationOutcome } from '@medplum/fhirtypes';

export function outcome(
  severity: 'error' | 'warning' | 'information',
  code: string,
  diagnostics: string,
): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: [{ severity, code: code as 'invalid', diagnostics }] };
}
