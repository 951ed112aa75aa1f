import { describe, expect, it } from 'vitest';
import { fhirEditorSchema } from './fhir-schema';

describe('fhirEditorSchema', () => {
  const schema = fhirEditorSchema('https://app/assets/fhir.schema.json') as {
    definitions: { Resource: { allOf: { if: unknown; then: { $ref: string } }[]; properties: { resourceType: { enum: string[] } } } };
  };

  it('chooses each resource type with if/then into the full schema, Bundles through its own entry rule', () => {
    const { allOf, properties } = schema.definitions.Resource;
    expect(allOf).toHaveLength(146);
    expect(properties.resourceType.enum).toContain('Observation');
    expect(properties.resourceType.enum).not.toContain('Project');
    const observation = allOf.find((a) => JSON.stringify(a.if).includes('"Observation"'));
    expect(observation?.then.$ref).toBe('https://app/assets/fhir.schema.json#/definitions/Observation');
    const bundle = allOf.find((a) => JSON.stringify(a.if).includes('"Bundle"'));
    expect(bundle?.then.$ref).toBe('switchboard://schemas/fhir-r4-writeback.json#/definitions/Bundle');
  });
});
