import { getSearchParameters } from '@medplum/core';
import type { CapabilityStatement } from '@medplum/fhirtypes';

export const SERVED_TYPES = [
  'Patient',
  'Observation',
  'Condition',
  'Encounter',
  'MedicationRequest',
  'DocumentReference',
  'Practitioner',
  'Organization',
] as const;

const INTERACTIONS = ['read', 'vread', 'update', 'delete', 'create', 'search-type', 'history-instance'] as const;

/** What this server does, as a CapabilityStatement (`GET metadata`). */
export function capabilityStatement(baseUrl: string, smart: boolean): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2024-06-01',
    kind: 'instance',
    publisher: 'Switchboard tests',
    software: { name: 'Switchboard FHIR test server', version: '1.0.0' },
    implementation: { description: 'In-memory FHIR R4 server for Switchboard tests', url: baseUrl },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        ...(smart
          ? {
              security: {
                service: [
                  {
                    coding: [{ system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'SMART-on-FHIR' }],
                    text: 'SMART Backend Services',
                  },
                ],
              },
            }
          : {}),
        interaction: [{ code: 'transaction' }, { code: 'batch' }],
        resource: SERVED_TYPES.map((type) => ({
          type,
          interaction: INTERACTIONS.map((code) => ({ code })),
          searchParam: Object.values(getSearchParameters(type) ?? {})
            .map((sp) => ({ name: sp.code, type: sp.type, definition: sp.url }))
            .sort((a, b) => a.name.localeCompare(b.name)),
          searchInclude: type === 'Observation' ? ['Observation:subject', 'Observation:performer', 'Observation:encounter'] : [],
          searchRevInclude: type === 'Patient' ? ['Observation:subject', 'Condition:subject', 'Encounter:subject'] : [],
        })),
      },
    ],
  };
}
