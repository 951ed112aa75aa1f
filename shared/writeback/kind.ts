import { normalizeInput } from '../fhir-to-v2/input';

export type WritebackAction = 'create' | 'update' | 'cancel' | 'delete';

const ACTION_WORD: Record<WritebackAction, string> = {
  create: 'Create',
  update: 'Update',
  cancel: 'Cancel',
  delete: 'Delete',
};

/** The resource a writeback is about: the MessageHeader's focus, else the most specific resource. */
export function focusResourceType(input: unknown): string | null {
  const normalized = normalizeInput(input);
  return normalized.focus[0]?.resource.resourceType ?? null;
}

/**
 * The writeback's kind as an event name, `<FocusType><Action>` (`ObservationCreate`,
 * `AppointmentUpdate`): what history filters on and what Redox mode turns into an event URI.
 */
export function writebackKind(input: unknown, action: WritebackAction = 'create'): string | null {
  const type = focusResourceType(input);
  return type ? `${type}${ACTION_WORD[action]}` : null;
}

/** Splits `ObservationCreate` into its resource type and action. */
export function parseKind(kind: string): { resourceType: string; action: WritebackAction } | null {
  const m = /^([A-Z][A-Za-z]+?)(Create|Update|Cancel|Delete)$/.exec(kind);
  if (!m) return null;
  return { resourceType: m[1] as string, action: (m[2] as string).toLowerCase() as WritebackAction };
}
