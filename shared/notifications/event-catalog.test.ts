import { describe, expect, it } from 'vitest';
import { describeEvent, eventCatalogue, eventName, eventSpellings, findCatalogueEvent } from './event-catalog';

describe('event catalogue', () => {
  it('names every Redox notification of the A8 table', () => {
    expect(eventCatalogue.length).toBeGreaterThanOrEqual(33);
    const ids = eventCatalogue.map((event) => event.id);
    expect(new Set(ids).size).toBe(ids.length);
    const codes = eventCatalogue.map((event) => event.code);
    expect(codes).toEqual(expect.arrayContaining(['PatientAdminPatientArrived', 'ResultCreated', 'ServiceRequestCreated', 'DocumentReplaced']));
  });

  it.each([
    ['PatientAdminPatientArrived', 'Patient arrived', 'administrative'],
    ['https://fhir.redoxengine.com/EventDefinition/PatientAdminPatientDischarged', 'Patient discharged', 'administrative'],
    ['SchedulingAppointmentBooked', 'Appointment booked', 'administrative'],
    ['Scheduling-event-appointment-cancelled', 'Appointment cancelled', 'administrative'],
    ['ResultCreated', 'Result created', 'clinical'],
    ['DocumentCreated', 'Document created', 'clinical'],
    ['ServiceRequestCreated', 'Service request created', 'clinical'],
    ['OrderServiceRequestCreated', 'Service request created', 'clinical'],
    ['ReferralConfirmCancelled', 'Referral confirm cancelled', 'clinical'],
    ['FinancialNew', 'Charge added', 'financial'],
    ['PatientAdmin-NewPatient', 'Patient created', 'administrative'],
    ['Observation-New', 'Observation created', 'clinical'],
    ['http://example.org/SubscriptionTopic/encounter-start', 'Patient arrived', 'administrative'],
    ['http://example.org/SubscriptionTopic/encounter-start|1.2.0', 'Patient arrived', 'administrative'],
  ])('%s → %s (%s)', (name, label, category) => {
    expect(describeEvent(name)).toMatchObject({ label, category });
  });

  it('keeps the name as sent as the code', () => {
    expect(describeEvent('https://fhir.redoxengine.com/EventDefinition/ResultCreated').code).toBe('ResultCreated');
    expect(describeEvent('Scheduling-event-appointment-booked').code).toBe('Scheduling-event-appointment-booked');
    expect(eventName('http://example.org/SubscriptionTopic/encounter-start|1.0')).toBe('encounter-start');
    expect(eventName('urn:redox:event:PatientAdminPatientArrived')).toBe('PatientAdminPatientArrived');
  });

  it('humanises and categorises unknown names by their prefix, else unknown', () => {
    expect(describeEvent('PatientAdminPatientBedSwapped')).toMatchObject({ label: 'Patient bed swapped', category: 'administrative', catalogueId: null });
    expect(describeEvent('SchedulingSlotOpened')).toMatchObject({ label: 'Slot opened', category: 'administrative' });
    expect(describeEvent('ClaimSubmitted')).toMatchObject({ label: 'Claim submitted', category: 'financial' });
    expect(describeEvent('weather-changed')).toMatchObject({ label: 'Weather changed', category: 'unknown' });
    expect(findCatalogueEvent('weather-changed')).toBeNull();
  });
});

describe('eventSpellings', () => {
  it('finds a catalogue event by its label, code or a topic name, with every spelling senders use', () => {
    for (const asked of ['Patient arrived', 'PatientAdminPatientArrived', 'http://hl7.org/SubscriptionTopic/encounter-start']) {
      const names = eventSpellings(asked);
      expect(names).toContain('PatientAdminPatientArrived');
      expect(names).toContain('encounter-start');
      expect(names).not.toContain('PatientAdminPatientDischarged');
    }
  });

  it('keeps a name the catalogue does not know, and its short name', () => {
    expect(eventSpellings(' https://example.org/topics/bed-cleaned ')).toEqual(['https://example.org/topics/bed-cleaned', 'bed-cleaned']);
    expect(eventSpellings('SlotOpened')).toEqual(['SlotOpened']);
  });
});
