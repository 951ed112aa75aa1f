import { describe, expect, it } from 'vitest';
import { deriveNotificationFacts } from '../derive-facts';
import { findCatalogueEvent } from '../event-catalog';
import { notificationTemplates, sequentialIds, templateForms, templateLevels, templateTopicUrl, type TemplateBuildOptions } from './index';

const now = new Date('2025-03-14T15:09:26.535Z');
const options = (form: TemplateBuildOptions['form'], level: TemplateBuildOptions['level']): TemplateBuildOptions => ({
  form,
  level,
  now,
  ids: sequentialIds('t'),
});

const expectedFormat = {
  redox: 'redox-message',
  'subscription-r4-backport': 'subscription-r4-backport',
  'subscription-r4b': 'subscription-r4b',
  'subscription-r5': 'subscription-r5',
} as const;

const combinations = notificationTemplates.flatMap((template) =>
  templateForms.flatMap((form) => templateLevels.map((level) => [template.id, form, level, template] as const)),
);

describe('notification templates', () => {
  it('cover the common events, with Redox names and categories', () => {
    expect(notificationTemplates.map((t) => [t.id, t.event, t.label, t.category])).toEqual([
      ['patient-arrived', 'PatientAdminPatientArrived', 'Patient arrived', 'administrative'],
      ['patient-discharged', 'PatientAdminPatientDischarged', 'Patient discharged', 'administrative'],
      ['appointment-booked', 'SchedulingAppointmentBooked', 'Appointment booked', 'administrative'],
      ['appointment-cancelled', 'SchedulingAppointmentCancelled', 'Appointment cancelled', 'administrative'],
      ['result-created', 'ResultCreated', 'Result created', 'clinical'],
      ['document-created', 'DocumentCreated', 'Document created', 'clinical'],
      ['charge-added', 'FinancialNew', 'Charge added', 'financial'],
    ]);
  });

  it.each(combinations)('%s as %s, %s: derives back to its own event, category, level and patient', (_, form, level, template) => {
    const body = JSON.parse(JSON.stringify(template.build(options(form, level))));
    const facts = deriveNotificationFacts(body);
    expect(facts.format).toBe(expectedFormat[form]);
    expect(facts.category).toBe(template.category);
    expect(facts.event?.label).toBe(template.label);
    expect(findCatalogueEvent(facts.event?.uri ?? facts.event?.code ?? '')?.id).toBe(template.id);
    if (form === 'redox') expect(facts.event?.code).toBe(template.event);
    else expect(facts.event?.uri).toBe(templateTopicUrl(template.id));
    expect(facts.payloadLevel).toBe(level);
    expect(facts.patientIdentifiers).toContainEqual({ system: 'urn:redox:switchboard-test:MR', value: '0004567321' });
    expect(facts.patientReferences).toHaveLength(1);
    expect(facts.focusReferences.length).toBeGreaterThan(0);
    expect(facts.timestamp).toBe('2025-03-14T15:09:26Z');
    if (form === 'redox') {
      expect(facts.source).toBe('Switchboard test sender');
      expect(facts.subscription).toBeNull();
    } else {
      expect(facts.subscription).toMatchObject({ type: 'event-notification', status: 'active', eventNumbers: [1], eventsSinceStart: 1 });
    }
  });

  it('are deterministic given the clock and the id source', () => {
    for (const template of notificationTemplates) {
      expect(template.build(options('redox', 'detailed'))).toEqual(template.build(options('redox', 'detailed')));
    }
  });

  it('take a patient, an event number and a subscription URL', () => {
    const template = notificationTemplates.find((t) => t.id === 'result-created')!;
    const body = template.build({
      ...options('subscription-r4-backport', 'lightweight'),
      patient: { id: 'pat-9', family: 'Nakamura', mrn: { system: 'urn:oid:1.2.840.114350.1.13.0.1.7.5.737384.14', value: 'E4411' } },
      eventNumber: 42,
      subscriptionUrl: 'https://other.example/fhir/Subscription/s42',
    });
    const facts = deriveNotificationFacts(body);
    expect(facts.patientIdentifiers).toEqual([{ system: 'urn:oid:1.2.840.114350.1.13.0.1.7.5.737384.14', value: 'E4411' }]);
    expect(facts.patientReferences).toEqual(['Patient/pat-9']);
    expect(facts.subscription).toMatchObject({ reference: 'https://other.example/fhir/Subscription/s42', eventNumbers: [42] });
  });

  it('build valid history Bundles: every entry has a request', () => {
    for (const template of notificationTemplates) {
      for (const form of ['subscription-r4-backport', 'subscription-r4b'] as const) {
        for (const level of templateLevels) {
          const body = template.build(options(form, level)) as { entry: { request?: { method: string; url: string } }[] };
          for (const entry of body.entry) expect(entry.request?.url).toBeTruthy();
        }
      }
    }
  });

  it('encode the document attachment as base64', () => {
    const template = notificationTemplates.find((t) => t.id === 'document-created')!;
    const body = template.build(options('redox', 'detailed')) as { entry: { resource: { resourceType: string; content?: { attachment: { data: string } }[] } }[] };
    const document = body.entry.find((entry) => entry.resource.resourceType === 'DocumentReference')!;
    const data = document.resource.content?.[0]?.attachment.data ?? '';
    expect(data).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    expect(data.length % 4).toBe(0);
    expect(data.startsWith('UHJvZ3Jlc3Mgbm90ZQ')).toBe(true); // "Progress note"
  });
});
