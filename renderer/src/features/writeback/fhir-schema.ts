import { FHIR_R4_RESOURCE_TYPES } from './fhir-r4-resource-types';

/** A JSON Schema node, as far as this module builds them. */
export type SchemaNode = { readonly [key: string]: unknown };

const BUNDLE_PROPERTIES = ['id', 'meta', 'implicitRules', '_implicitRules', 'language', '_language', 'identifier', 'type', '_type', 'timestamp', '_timestamp', 'total', '_total', 'link', 'signature'];
const ENTRY_PROPERTIES = ['id', 'extension', 'modifierExtension', 'link', 'fullUrl', '_fullUrl', 'search', 'request', 'response'];

/**
 * The schema the editor registers: a small wrapper whose `$ref`s point into the full FHIR R4 JSON
 * schema (`fullSchemaUrl`, 3.6 MB, fetched and parsed by Monaco's JSON worker, never by the page).
 *
 * Why a wrapper: the R4 schema picks a resource with a 146-way `oneOf` (at the root and in every
 * Bundle entry), which makes the JSON language service validate each resource against every type:
 * seconds per pass for a 200-result report, on a CPU the preview needs. Here the choice is an
 * `if resourceType = T then T` chain, so each resource is validated once, against its own type,
 * and error messages name that type's rules instead of "matches none of 146 schemas".
 */
export const EDITOR_SCHEMA_URI = 'switchboard://schemas/fhir-r4-writeback.json';

export function fhirEditorSchema(fullSchemaUrl: string): SchemaNode {
  const ref = (pointer: string) => ({ $ref: `${fullSchemaUrl}#/definitions/${pointer}` });
  // Absolute even for its own definitions: the language service resolves a `#…` met inside content
  // merged from the full schema against that schema, where these definitions do not exist.
  const own = (name: string) => ({ $ref: `${EDITOR_SCHEMA_URI}#/definitions/${name}` });
  const choose = FHIR_R4_RESOURCE_TYPES.map((type) => ({
    if: { properties: { resourceType: { const: type } }, required: ['resourceType'] },
    then: type === 'Bundle' ? own('Bundle') : ref(type),
  }));
  const resource = {
    type: 'object',
    required: ['resourceType'],
    properties: { resourceType: { description: 'The FHIR R4 resource type.', enum: [...FHIR_R4_RESOURCE_TYPES] } },
    allOf: choose,
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: EDITOR_SCHEMA_URI,
    description: 'A FHIR R4 resource or Bundle (writeback input)',
    ...own('Resource'),
    definitions: {
      Resource: resource,
      Bundle: {
        type: 'object',
        description: 'A container for a collection of resources.',
        additionalProperties: false,
        required: ['resourceType'],
        properties: {
          resourceType: { const: 'Bundle' },
          ...Object.fromEntries(BUNDLE_PROPERTIES.map((p) => [p, ref(`Bundle/properties/${p}`)])),
          entry: { type: 'array', description: 'An entry in a bundle resource.', items: own('BundleEntry') },
        },
      },
      BundleEntry: {
        type: 'object',
        additionalProperties: false,
        properties: {
          ...Object.fromEntries(ENTRY_PROPERTIES.map((p) => [p, ref(`Bundle_Entry/properties/${p}`)])),
          resource: { description: 'A resource in the bundle.', ...own('Resource') },
        },
      },
    },
  };
}
