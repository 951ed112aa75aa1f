import { DEFINED_VERSION, messageStructure } from '../definitions/dictionary';
import { type Er7Message, valueAt } from '../er7-message';
import { validateSegmentFields } from './fields';
import type { V2Issue } from './issue';
import { validateStructure } from './structure';

/** Trigger events whose structure differs from `<code>_<event>` (table 0354), for an empty MSH-9.3. */
const SHARED_STRUCTURES: Readonly<Record<string, string>> = {
  ADT_A04: 'ADT_A01', ADT_A08: 'ADT_A01', ADT_A13: 'ADT_A01', ADT_A03: 'ADT_A03', ADT_A11: 'ADT_A09',
  ADT_A28: 'ADT_A05', ADT_A31: 'ADT_A05', ADT_A14: 'ADT_A05', SIU_S13: 'SIU_S12', SIU_S14: 'SIU_S12',
  SIU_S15: 'SIU_S12', SIU_S17: 'SIU_S12', SIU_S26: 'SIU_S12', MDM_T04: 'MDM_T02', MDM_T06: 'MDM_T02',
  MDM_T08: 'MDM_T02', MDM_T10: 'MDM_T02',
};

/**
 * Validates a message against the bundled v2.5.1 definitions: segment order and cardinality
 * (for the structures bundled), then each segment's fields.
 */
export function validateMessage(message: Er7Message): V2Issue[] {
  const issues: V2Issue[] = [];
  const msh = message.segments[0];
  if (!msh || msh.name !== 'MSH') {
    issues.push({ severity: 'error', code: 'segment-missing', message: 'A message must start with MSH', location: 'MSH' });
    return issues;
  }
  const version = valueAt(msh, 12);
  if (version !== '' && version !== DEFINED_VERSION) {
    issues.push({
      severity: 'info',
      code: 'version-approximated',
      message: `MSH-12 is ${version}; the message is checked against the v${DEFINED_VERSION} definitions`,
      location: 'MSH-12',
      segmentIndex: 0,
    });
  }
  const code = valueAt(msh, 9, 1);
  const event = valueAt(msh, 9, 2);
  const structure = valueAt(msh, 9, 3) || SHARED_STRUCTURES[`${code}_${event}`] || `${code}_${event}`;
  const grammar = messageStructure(structure);
  if (grammar) {
    issues.push(...validateStructure(structure, grammar, message.segments.map((s) => s.name)));
  } else if (code !== '') {
    issues.push({
      severity: 'info',
      code: 'structure-unknown',
      message: `No bundled definition of structure ${structure}; segment order was not checked`,
      location: 'MSH-9',
      segmentIndex: 0,
    });
  }
  const counts = new Map<string, number>();
  for (const s of message.segments) counts.set(s.name, (counts.get(s.name) ?? 0) + 1);
  const seen = new Map<string, number>();
  message.segments.forEach((segment, segmentIndex) => {
    const occurrence = (seen.get(segment.name) ?? 0) + 1;
    seen.set(segment.name, occurrence);
    validateSegmentFields({
      segment,
      segmentIndex,
      occurrence,
      showOccurrence: (counts.get(segment.name) ?? 0) > 1,
      issues,
    });
  });
  return issues;
}
