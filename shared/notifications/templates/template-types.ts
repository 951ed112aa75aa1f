import type { EventCategory } from '../notification-facts';

/** The wire shapes a test notification can take (see the reference doc, A6 and B1). */
export const templateForms = ['redox', 'subscription-r4-backport', 'subscription-r4b', 'subscription-r5'] as const;
export type TemplateForm = (typeof templateForms)[number];

/** Redox lightweight ≈ Subscriptions id-only; detailed ≈ full-resource (reference doc A7, B3). */
export const templateLevels = ['lightweight', 'detailed'] as const;
export type TemplateLevel = (typeof templateLevels)[number];

export interface TemplatePatient {
  /** Logical id; generated when absent. */
  id?: string;
  family: string;
  given: string[];
  /** `YYYY-MM-DD`. */
  birthDate: string;
  gender: 'male' | 'female' | 'other' | 'unknown';
  mrn: { system: string; value: string };
}

export interface TemplateBuildOptions {
  form: TemplateForm;
  level: TemplateLevel;
  /** The moment the event happens; every date in the body is derived from it. */
  now: Date;
  /** Source of ids (resource ids, urn:uuid fullUrls); the builders never invent randomness. */
  ids: () => string;
  /** Overrides the sample patient, field by field. */
  patient?: Partial<TemplatePatient>;
  /** Subscriptions forms: the event number to send (default 1). */
  eventNumber?: number;
  /** Subscriptions forms: the Subscription's absolute URL (default on the sample server). */
  subscriptionUrl?: string;
  /** Redox form: MessageHeader.source.name. */
  sourceName?: string;
}

/** A JSON object ready to be serialised and POSTed. */
export type NotificationBody = Record<string, unknown>;

export interface NotificationTemplate {
  /** The event catalogue's id (`patient-arrived`); also the topic's last segment in the Subscriptions forms. */
  id: string;
  label: string;
  /** The Redox event name (`PatientAdminPatientArrived`). */
  event: string;
  category: EventCategory;
  build(options: TemplateBuildOptions): NotificationBody;
}
