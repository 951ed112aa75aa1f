/** Pure FHIR search model for the query composer: model ↔ URL, definitions, warnings, presets. */
export * from './search-model';
export * from './search-model-schema';
export * from './escaping';
export * from './serialize';
export * from './parse-query';
export * from './parse-url';
export { parseParameterName, type ParsedName } from './parse-name';
export { parseSearchValue } from './parse-value';
export * from './definitions';
export * from './capability';
export * from './resolve';
export * from './value-kinds';
export * from './warnings';
export * from './us-core-requirements';
export * from './date-values';
export * from './date-range';
export * from './presets';
export * from './entry-helpers';
